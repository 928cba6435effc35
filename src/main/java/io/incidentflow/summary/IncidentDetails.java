package io.incidentflow.summary;

import static io.incidentflow.incident.IncidentVariables.*;

import io.incidentflow.comment.IncidentComments;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentHistory;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.notification.CommunicationLog;
import io.incidentflow.summary.IncidentDetail.TimelineEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Reads one incident for {@code GET /api/incidents/{incidentNumber}}: its variables and its timeline
 * from the engine's history (status and group changes, who took which step), the comments and the
 * communication log. {@code respondedAt} is null until an agent takes the incident.
 */
@Component
public class IncidentDetails {

  private final HistoryService history;
  private final IncidentHistory histories;
  private final IncidentInstances instances;
  private final IncidentComments comments;
  private final CommunicationLog communications;

  public IncidentDetails(HistoryService history, IncidentHistory histories, IncidentInstances instances,
      IncidentComments comments, CommunicationLog communications) {
    this.history = history;
    this.histories = histories;
    this.instances = instances;
    this.comments = comments;
    this.communications = communications;
  }

  /** The incident, or 404. */
  public IncidentDetail of(String incidentNumber) {
    HistoricProcessInstance instance = instances.find(incidentNumber);
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      // The incident's own variables, not those local to one step (such as a send task's event).
      if (instance.getId().equals(variable.getExecutionId())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    IncidentData v = IncidentData.of(variables);
    // The reason of the last hold stays in the variables after the incident resumed: it is shown while on hold.
    String onHoldReason = v.status() == IncidentStatus.ON_HOLD ? v.text(ON_HOLD_REASON) : null;
    return new IncidentDetail(incidentNumber, v.text(STATUS), onHoldReason, v.priority(),
        v.text(PRIORITY_LABEL), v.text(CATEGORY), v.text(ASSIGNMENT_GROUP), v.text(SHORT_DESCRIPTION),
        v.text(DESCRIPTION), v.text(CALLER_NAME), v.text(CALLER_EMAIL), v.text(AFFECTED_SERVICE), v.text(IMPACT),
        v.text(URGENCY), v.text(CHANNEL), v.instant(REPORTED_AT), v.instant(RESPONSE_DUE), v.instant(RESOLUTION_DUE),
        v.instant(RESPONDED_AT), v.flag(RESPONSE_BREACHED), v.flag(RESOLUTION_BREACHED),
        v.text(RESOLUTION_CODE), v.text(RESOLUTION_NOTES), v.integer(REOPEN_COUNT), v.integer(REASSIGNMENT_COUNT),
        v.instant(CLOSED_AT), timeline(incidentNumber, instance));
  }

  private List<TimelineEntry> timeline(String incidentNumber, HistoricProcessInstance instance) {
    IncidentHistory.Record past = histories.of(instance.getId(), instance.getProcessDefinitionId());
    List<TimelineEntry> timeline = new ArrayList<>();
    past.changesOf(STATUS, ASSIGNMENT_GROUP).forEach(change -> timeline.add(STATUS.equals(change.variable())
        ? new TimelineEntry(change.at(), "status", "Status " + change.value(), change.value().toString(), null, null,
            null, null, null, null, null)
        : new TimelineEntry(change.at(), "assignment", "Assigned to group " + change.value(), null,
            change.value().toString(), null, null, null, null, null, null)));
    past.tasks().forEach(task -> task.takes().forEach(take -> timeline.add(new TimelineEntry(take.at(),
        "assignment", take.userId() + " took " + task.step().name(), null, null, take.userId(), null, null, null,
        null, null))));
    comments.of(incidentNumber).forEach(c -> timeline.add(new TimelineEntry(c.at(), "comment", "Comment by "
        + c.author() + " (" + c.writtenBy() + ")", null, null, null, c.author(), c.writtenBy(), c.text(), null, null)));
    communications.of(incidentNumber).forEach(m -> timeline.add(new TimelineEntry(m.sentAt(), "notification",
        m.event() + " mail: " + m.subject(), null, null, null, null, null, null, m.event().name(), m.recipients())));
    timeline.sort(Comparator.comparing(TimelineEntry::at));
    return timeline;
  }
}
