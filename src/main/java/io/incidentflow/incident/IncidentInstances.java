package io.incidentflow.incident;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Finds an incident's process instance by its number (the business key), running or ended, and its state. */
@Component
public class IncidentInstances {

  private final HistoryService history;
  private final RuntimeService runtime;

  public IncidentInstances(HistoryService history, RuntimeService runtime) {
    this.history = history;
    this.runtime = runtime;
  }

  /** The instance of incident {@code incidentNumber}: 400 for a malformed number, 404 when there is none. */
  public HistoricProcessInstance find(String incidentNumber) {
    IncidentNumbers.require(incidentNumber);
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(IncidentProcess.KEY).processInstanceBusinessKey(incidentNumber).singleResult();
    if (instance == null) {
      throw new RequestRefusedException(HttpStatus.NOT_FOUND, "No incident " + incidentNumber);
    }
    return instance;
  }

  /** Where incident {@code incidentNumber} stands, running or ended; 404 when there is none. */
  public IncidentState state(String incidentNumber) {
    HistoricProcessInstance instance = find(incidentNumber);
    if (instance.getEndTime() == null) {
      return new IncidentState(incidentNumber, instance.getId(), true,
          runtime.getVariables(instance.getId(), IncidentState.VARIABLES));
    }
    return new IncidentState(incidentNumber, instance.getId(), false, HistoricVariables.of(history, instance.getId(),
        IncidentState.VARIABLES.toArray(String[]::new)));
  }
}
