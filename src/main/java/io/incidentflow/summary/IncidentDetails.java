package io.incidentflow.summary;

import static io.incidentflow.incident.IncidentVariables.*;

import io.incidentflow.comment.IncidentComments;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.HistoricVariables;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentHistory;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.notification.CommunicationLog;
import io.incidentflow.sla.SlaStanding;
import io.incidentflow.summary.IncidentDetail.Resolution;
import io.incidentflow.summary.IncidentDetail.TimelineEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads one incident for {@code GET /api/incidents/{incidentNumber}} and the incident record in Tasklist:
 * its variables, who has it, where it stands against its SLA now, every resolution with the caller's
 * answer, and its timeline from the engine's history (status and group changes, who took which step), the
 * comments and work notes, the communication log and what other features add ({@link TimelineSource}).
 * {@code respondedAt} is null until an agent takes the incident.
 */
@Component
public class IncidentDetails {

  private final HistoryService history;
  private final TaskService tasks;
  private final IncidentHistory histories;
  private final IncidentInstances instances;
  private final IncidentComments comments;
  private final CommunicationLog communications;
  private final SlaStanding sla;
  private final ObjectProvider<TimelineSource> sources;
  private final ObjectProvider<AttachmentSource> attachments;

  public IncidentDetails(HistoryService history, TaskService tasks, IncidentHistory histories,
      IncidentInstances instances, IncidentComments comments, CommunicationLog communications, SlaStanding sla,
      ObjectProvider<TimelineSource> sources, ObjectProvider<AttachmentSource> attachments) {
    this.history = history;
    this.tasks = tasks;
    this.histories = histories;
    this.instances = instances;
    this.comments = comments;
    this.communications = communications;
    this.sla = sla;
    this.sources = sources;
    this.attachments = attachments;
  }

  /** The incident, or 404. */
  public IncidentDetail of(String incidentNumber) {
    HistoricProcessInstance instance = instances.find(incidentNumber);
    IncidentData v = IncidentData.of(HistoricVariables.of(history, instance.getId()));
    IncidentHistory.Record past = histories.of(instance.getId(), instance.getProcessDefinitionId());
    // The reason of the last hold stays in the variables after the incident resumed: it is shown while on hold.
    String onHoldReason = v.status() == IncidentStatus.ON_HOLD ? v.text(ON_HOLD_REASON) : null;
    String assignee = instance.getEndTime() != null ? null : tasks.createTaskQuery()
        .processInstanceId(instance.getId()).list().stream().map(Task::getAssignee).filter(Objects::nonNull)
        .findFirst().orElse(null);
    String closureRecord = v.status() == IncidentStatus.CLOSED
        ? "/api/incidents/" + incidentNumber + "/closure-record" : null;
    return new IncidentDetail(incidentNumber, v.text(STATUS), onHoldReason, v.priority(),
        v.text(PRIORITY_LABEL), v.text(CATEGORY), v.text(ASSIGNMENT_GROUP), v.text(SHORT_DESCRIPTION),
        v.text(DESCRIPTION), v.text(CALLER_NAME), v.text(CALLER_EMAIL), v.text(AFFECTED_SERVICE), v.text(IMPACT),
        v.text(URGENCY), v.text(CHANNEL), v.instant(REPORTED_AT), v.instant(RESPONSE_DUE), v.instant(RESOLUTION_DUE),
        v.instant(RESPONDED_AT), v.flag(RESPONSE_BREACHED), v.flag(RESOLUTION_BREACHED),
        v.text(RESOLUTION_CODE), v.text(RESOLUTION_NOTES), v.integer(REOPEN_COUNT), v.integer(REASSIGNMENT_COUNT),
        v.instant(CLOSED_AT), assignee, sla.of(v, EngineClock.now()), resolutions(past, v.status()), closureRecord,
        timeline(incidentNumber, past), attachments.orderedStream()
            .flatMap(source -> source.attachmentsOf(incidentNumber).stream()).toList(),
        v.text(FOLLOW_UP_OF), v.text(FOLLOW_UP_KIND), v.text(PARENT_INCIDENT_NUMBER), v.text(PROBLEM_NUMBER));
  }

  private static List<Resolution> resolutions(IncidentHistory.Record past, IncidentStatus status) {
    List<IncidentHistory.ResolutionGiven> given = past.resolutions();
    List<Resolution> resolutions = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      IncidentHistory.ResolutionGiven r = given.get(i);
      boolean last = i == given.size() - 1;
      String answer = r.accepted() != null ? (r.accepted() ? "accepted" : "rejected")
          : last && status == IncidentStatus.CLOSED ? "auto-closed" : "pending";
      resolutions.add(new Resolution(r.at(), r.code(), r.notes(), r.by(), answer, r.answeredAt(), r.comment()));
    }
    return resolutions;
  }

  private List<TimelineEntry> timeline(String incidentNumber, IncidentHistory.Record past) {
    List<TimelineEntry> timeline = new ArrayList<>();
    past.changesOf(STATUS, ASSIGNMENT_GROUP).forEach(change -> timeline.add(STATUS.equals(change.variable())
        ? new TimelineEntry(change.at(), "status", "Status " + change.value(), change.value().toString(), null, null,
            null, null, null, null, null, null)
        : new TimelineEntry(change.at(), "assignment", "Assigned to group " + change.value(), null,
            change.value().toString(), null, null, null, null, null, null, null)));
    past.tasks().forEach(task -> task.takes().forEach(take -> timeline.add(new TimelineEntry(take.at(),
        "assignment", take.userId() + " took " + task.step().name(), null, null, take.userId(), null, null, null,
        null, null, null))));
    comments.of(incidentNumber).forEach(c -> {
      boolean note = c.internal() && IncidentComments.Author.AGENT.value().equals(c.author());
      timeline.add(new TimelineEntry(c.at(), note ? "note" : "comment",
          (note ? "Work note by " + c.writtenBy() : "Comment by " + c.author() + " (" + c.writtenBy() + ")"), null,
          null, null, c.author(), c.writtenBy(), c.text(), null, null, c.visibility().value()));
    });
    communications.of(incidentNumber).forEach(m -> timeline.add(new TimelineEntry(m.sentAt(), "notification",
        m.event() + " mail: " + m.subject(), null, null, null, null, null, null, m.event().name(), m.recipients(),
        null)));
    sources.orderedStream().forEach(source -> timeline.addAll(source.timelineOf(incidentNumber)));
    timeline.sort(Comparator.comparing(TimelineEntry::at));
    return timeline;
  }
}
