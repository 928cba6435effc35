package io.incidentflow.summary;

import io.incidentflow.incident.Caller;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentVariables;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;

/**
 * Who may read which incident ({@link IncidentAccess#READ_ALL} reads every one; everybody else the
 * incidents assigned to one of their groups, now or before): one rule for the record, its notes, alerts,
 * notifications and closure record, and the lists and searches.
 */
@Component
public class IncidentVisibility {

  private final HistoryService history;
  private final IncidentInstances instances;

  public IncidentVisibility(HistoryService history, IncidentInstances instances) {
    this.history = history;
    this.instances = instances;
  }

  /** 404 for no such incident, 403 unless {@code caller} may read it. */
  public void requireRead(Caller caller, String incidentNumber) {
    HistoricProcessInstance instance = instances.find(incidentNumber);
    if (!IncidentAccess.readsAll(caller)) {
      IncidentAccess.requireRead(caller, incidentNumber, groupsOf(instance.getId()));
    }
  }

  /** The groups a list shows to {@code caller}: null for every incident, else the caller's groups. */
  public List<String> listedFor(Caller caller) {
    return IncidentAccess.readsAll(caller) ? null : List.copyOf(caller.groupIds());
  }

  /** Every group the incident has been assigned to, in order. */
  Set<String> groupsOf(String processInstanceId) {
    Set<String> groups = new LinkedHashSet<>();
    HistoricVariableInstance group = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(IncidentVariables.ASSIGNMENT_GROUP).list().stream()
        .filter(v -> processInstanceId.equals(v.getExecutionId())).findFirst().orElse(null);
    if (group != null) {
      history.createHistoricDetailQuery().variableInstanceId(group.getId()).variableUpdates().list().stream()
          .map(HistoricVariableUpdate.class::cast).map(HistoricVariableUpdate::getValue)
          .filter(String.class::isInstance).map(String.class::cast).forEach(groups::add);
      if (group.getValue() instanceof String current) {
        groups.add(current);
      }
    }
    return groups;
  }
}
