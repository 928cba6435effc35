package io.incidentflow.summary;

import static io.incidentflow.incident.IncidentVariables.*;

import io.incidentflow.comment.IncidentComments;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.notification.CommunicationLog;
import io.incidentflow.summary.IncidentDetail.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Reads one incident for {@code GET /api/incidents/{incidentNumber}}: its variables and its timeline
 * from the engine's history (status and group changes, who took which step), the comments and the
 * communication log. {@code respondedAt} is null until an agent takes the incident.
 */
@Component
public class IncidentDetails {

  private static final String ASSIGNEE_ADDED = "add";

  private final HistoryService history;
  private final IncidentInstances instances;
  private final IncidentComments comments;
  private final CommunicationLog communications;

  public IncidentDetails(HistoryService history, IncidentInstances instances, IncidentComments comments,
      CommunicationLog communications) {
    this.history = history;
    this.instances = instances;
    this.comments = comments;
    this.communications = communications;
  }

  /** The incident, or 404. */
  public IncidentDetail of(String incidentNumber) {
    HistoricProcessInstance instance = instances.find(incidentNumber);
    Map<String, Object> v = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      // The incident's own variables, not those local to one step (such as a send task's event).
      if (instance.getId().equals(variable.getExecutionId())) {
        v.put(variable.getName(), variable.getValue());
      }
    }
    // The reason of the last hold stays in the variables after the incident resumed: it is shown while on hold.
    String onHoldReason = IncidentStatus.ON_HOLD.name().equals(v.get(STATUS)) ? text(v, ON_HOLD_REASON) : null;
    return new IncidentDetail(incidentNumber, text(v, STATUS), onHoldReason, number(v, PRIORITY),
        text(v, PRIORITY_LABEL), text(v, CATEGORY), text(v, ASSIGNMENT_GROUP), text(v, SHORT_DESCRIPTION),
        text(v, DESCRIPTION), text(v, CALLER_NAME), text(v, CALLER_EMAIL), text(v, AFFECTED_SERVICE), text(v, IMPACT),
        text(v, URGENCY), text(v, CHANNEL), instant(v, REPORTED_AT), instant(v, RESPONSE_DUE), instant(v, RESOLUTION_DUE),
        instant(v, RESPONDED_AT), flag(v, RESPONSE_BREACHED), flag(v, RESOLUTION_BREACHED),
        text(v, RESOLUTION_CODE), text(v, RESOLUTION_NOTES), number(v, REOPEN_COUNT), number(v, REASSIGNMENT_COUNT),
        instant(v, CLOSED_AT), timeline(incidentNumber, instance.getId()));
  }

  private List<TimelineEntry> timeline(String incidentNumber, String processInstanceId) {
    List<TimelineEntry> timeline = new ArrayList<>();
    Map<String, Object> last = new HashMap<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(processInstanceId)
        .variableUpdates().orderByTime().asc().orderPartiallyByOccurrence().asc().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      String name = update.getVariableName();
      Object value = update.getValue();
      if ((STATUS.equals(name) || ASSIGNMENT_GROUP.equals(name)) && value != null
          && !Objects.equals(last.put(name, value), value)) {
        Instant at = update.getTime().toInstant();
        timeline.add(STATUS.equals(name)
            ? new TimelineEntry(at, "status", "Status " + value, (String) value, null, null, null, null, null, null, null)
            : new TimelineEntry(at, "assignment", "Assigned to group " + value, null, (String) value, null, null, null,
                null, null, null));
      }
    }
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .list()) {
      // The step's name as the model has it: the task's own name also carries number and priority.
      String step = history.createHistoricActivityInstanceQuery().activityInstanceId(task.getActivityInstanceId())
          .singleResult().getActivityName();
      for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
          .type(IdentityLinkType.ASSIGNEE).operationType(ASSIGNEE_ADDED).list()) {
        timeline.add(new TimelineEntry(link.getTime().toInstant(), "assignment", link.getUserId() + " took "
            + step, null, null, link.getUserId(), null, null, null, null, null));
      }
    }
    comments.of(incidentNumber).forEach(c -> timeline.add(new TimelineEntry(c.at(), "comment", "Comment by "
        + c.author() + " (" + c.writtenBy() + ")", null, null, null, c.author(), c.writtenBy(), c.text(), null, null)));
    communications.of(incidentNumber).forEach(m -> timeline.add(new TimelineEntry(m.sentAt(), "notification",
        m.event() + " mail: " + m.subject(), null, null, null, null, null, null, m.event().name(), m.recipients())));
    timeline.sort(Comparator.comparing(TimelineEntry::at));
    return timeline;
  }

  private static String text(Map<String, Object> variables, String name) {
    return variables.get(name) instanceof String s ? s : null;
  }

  private static Integer number(Map<String, Object> variables, String name) {
    return variables.get(name) instanceof Number n ? n.intValue() : null;
  }

  private static Boolean flag(Map<String, Object> variables, String name) {
    return variables.get(name) instanceof Boolean b ? b : null;
  }

  private static Instant instant(Map<String, Object> variables, String name) {
    return variables.get(name) instanceof Date d ? d.toInstant() : null;
  }
}
