package io.incidentflow.closure;

import static io.incidentflow.incident.IncidentVariables.*;

import io.incidentflow.closure.ClosureRecord.Agent;
import io.incidentflow.closure.ClosureRecord.Change;
import io.incidentflow.closure.ClosureRecord.Classification;
import io.incidentflow.closure.ClosureRecord.Figures;
import io.incidentflow.closure.ClosureRecord.OnHoldPeriod;
import io.incidentflow.closure.ClosureRecord.Reported;
import io.incidentflow.closure.ClosureRecord.Resolution;
import io.incidentflow.closure.ClosureRecord.Sla;
import io.incidentflow.closure.ClosureRecord.SlaClock;
import io.incidentflow.closure.ClosureRecord.StatusChange;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.notification.CommunicationLog;
import io.incidentflow.sla.SlaCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Builds an incident's {@link ClosureRecord} when it closes, from the engine's history (every update
 * of every variable, with its time and step, at history level {@code full}), the running instance's
 * current variables, and the communication log.
 */
@Component
public class ClosureRecordBuilder {

  private static final String ASSIGNEE_ADDED = "add";
  private static final List<String> CHANGES_RECORDED = List.of(CATEGORY, ASSIGNMENT_GROUP, IMPACT, URGENCY, PRIORITY);

  private final HistoryService history;
  private final CommunicationLog communicationLog;
  private final io.incidentflow.sla.SlaClock clock;

  public ClosureRecordBuilder(HistoryService history, CommunicationLog communicationLog,
      io.incidentflow.sla.SlaClock clock) {
    this.history = history;
    this.communicationLog = communicationLog;
    this.clock = clock;
  }

  /** The record of the incident {@code execution} belongs to, closing at {@code closedAt}. */
  public ClosureRecord build(DelegateExecution execution, Instant closedAt) {
    String processInstanceId = execution.getProcessInstanceId();
    String number = execution.getProcessBusinessKey();
    Steps steps = steps(execution);
    List<HistoricVariableUpdate> updates = history.createHistoricDetailQuery().processInstanceId(processInstanceId)
        .variableUpdates().orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast).toList();

    List<StatusChange> timeline = statusTimeline(updates, closedAt);
    List<OnHoldPeriod> onHold = onHoldPeriods(timeline, updates);
    Instant reportedAt = instant(execution.getVariable(REPORTED_AT));
    Instant resolvedAt = instant(execution.getVariable(RESOLVED_AT));
    long onHoldSeconds = onHold.stream().mapToLong(OnHoldPeriod::seconds).sum();

    return new ClosureRecord(number,
        new Reported(reportedAt, text(execution, SHORT_DESCRIPTION), text(execution, DESCRIPTION),
            text(execution, CALLER_NAME), text(execution, CALLER_EMAIL), text(execution, AFFECTED_SERVICE),
            firstValue(updates, IMPACT), firstValue(updates, URGENCY), text(execution, CHANNEL)),
        new Classification(text(execution, CATEGORY), number(execution, PRIORITY), text(execution, PRIORITY_LABEL),
            text(execution, ASSIGNMENT_GROUP)),
        changes(updates, steps),
        agents(processInstanceId, steps),
        timeline,
        onHold,
        new Resolution(text(execution, RESOLUTION_CODE), text(execution, RESOLUTION_NOTES),
            text(execution, RESOLVED_BY), resolvedAt),
        number(execution, REOPEN_COUNT),
        number(execution, REASSIGNMENT_COUNT),
        closedAt,
        Boolean.TRUE.equals(execution.getVariable(RESOLUTION_ACCEPTED)) ? "accepted" : "auto-closed",
        text(execution, CONFIRMATION_COMMENT),
        communicationLog.of(number),
        new Figures(secondsBetween(reportedAt, acknowledgedAt(timeline)), secondsBetween(reportedAt, resolvedAt),
            onHoldSeconds),
        sla(execution, reportedAt, resolvedAt));
  }

  /**
   * The SLA clocks: the response stopped when an agent first took the incident, the resolution at the
   * resolution that closed it. Actual times are working time in the incident's SLA calendar, the
   * resolution's less its pauses; a clock whose breach timer fired is breached whatever came later.
   */
  private Sla sla(DelegateExecution execution, Instant reportedAt, Instant resolvedAt) {
    SlaCalendar calendar = clock.calendar(execution);
    long paused = io.incidentflow.sla.SlaClock.pausedSeconds(execution);
    Instant respondedAt = instant(execution.getVariable(RESPONDED_AT));
    Long responseActual = respondedAt == null ? null
        : calendar.workingTimeBetween(reportedAt, respondedAt).toSeconds();
    Long resolutionActual = resolvedAt == null ? null
        : Math.max(0, calendar.workingTimeBetween(reportedAt, resolvedAt).toSeconds() - paused);
    return new Sla(calendar.name(),
        slaClock(execution, RESPONSE_TARGET, RESPONSE_DUE, respondedAt, responseActual, RESPONSE_BREACHED_AT),
        slaClock(execution, RESOLUTION_TARGET, RESOLUTION_DUE, resolvedAt, resolutionActual, RESOLUTION_BREACHED_AT),
        paused);
  }

  private static SlaClock slaClock(DelegateExecution execution, String target, String due, Instant stoppedAt,
      Long actualSeconds, String breachedAt) {
    Instant dueAt = instant(execution.getVariable(due));
    Instant breached = instant(execution.getVariable(breachedAt));
    boolean met = breached == null && stoppedAt != null && dueAt != null && !stoppedAt.isAfter(dueAt);
    return new SlaClock(text(execution, target), dueAt, stoppedAt, actualSeconds, met, breached);
  }

  /** The activity instances of the incident, and which variables each activity's output mapping sets. */
  private Steps steps(DelegateExecution execution) {
    Map<String, Set<String>> outputs = new HashMap<>();
    for (CamundaOutputParameter output : execution.getBpmnModelInstance()
        .getModelElementsByType(CamundaOutputParameter.class)) {
      // camunda:outputParameter sits in camunda:inputOutput, in the activity's extension elements
      ModelElementInstance activity = output.getParentElement().getParentElement().getParentElement();
      outputs.computeIfAbsent(activity.getAttributeValue("id"), id -> new HashSet<>()).add(output.getCamundaName());
    }
    return new Steps(history.createHistoricActivityInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId()).list(), outputs);
  }

  /**
   * The steps of an incident, to tell which step made a variable update. A task's form or delegate
   * sets variables within its own activity instance. An output mapping (how a business rule task
   * hands on its decision's result) sets them in the enclosing scope as the task ends: that step is
   * the one whose output mapping names the variable and that was running at the time of the update.
   */
  private static final class Steps {

    private final List<HistoricActivityInstance> activities;
    private final Map<String, Set<String>> outputs;
    private final Map<String, HistoricActivityInstance> byId = new HashMap<>();

    Steps(List<HistoricActivityInstance> activities, Map<String, Set<String>> outputs) {
      this.activities = activities;
      this.outputs = outputs;
      activities.forEach(activity -> byId.put(activity.getId(), activity));
    }

    Optional<HistoricActivityInstance> of(HistoricVariableUpdate update) {
      HistoricActivityInstance own = byId.get(update.getActivityInstanceId());
      if (own != null) {
        return Optional.of(own);
      }
      Date time = update.getTime();
      Optional<HistoricActivityInstance> mapping = activities.stream()
          .filter(a -> outputs.getOrDefault(a.getActivityId(), Set.of()).contains(update.getVariableName()))
          .filter(a -> !a.getStartTime().after(time) && (a.getEndTime() == null || !a.getEndTime().before(time)))
          .max(Comparator.comparing(HistoricActivityInstance::getStartTime));
      // Otherwise a variable of the report: set as the instance started, by its start event.
      return mapping.or(() -> activities.stream()
          .filter(a -> ActivityTypes.START_EVENT.equals(a.getActivityType()) && a.getStartTime().equals(time))
          .findFirst());
    }

    /** The name of the activity with the given id, e.g. "Investigate incident". */
    String name(String activityId) {
      return activities.stream().filter(a -> a.getActivityId().equals(activityId))
          .map(HistoricActivityInstance::getActivityName).findFirst().orElse(activityId);
    }
  }

  /** The status entered at each change, ending with {@code CLOSED} now (this step sets it). */
  private static List<StatusChange> statusTimeline(List<HistoricVariableUpdate> updates, Instant closedAt) {
    List<StatusChange> timeline = new ArrayList<>();
    for (HistoricVariableUpdate update : updates) {
      if (STATUS.equals(update.getVariableName()) && update.getValue() instanceof String status
          && (timeline.isEmpty() || !timeline.get(timeline.size() - 1).status().equals(status))) {
        timeline.add(new StatusChange(update.getTime().toInstant(), status));
      }
    }
    timeline.add(new StatusChange(closedAt, IncidentStatus.CLOSED.name()));
    return timeline;
  }

  /** Each time on hold until the next status, with the reason and note given when it went on hold. */
  private static List<OnHoldPeriod> onHoldPeriods(List<StatusChange> timeline, List<HistoricVariableUpdate> updates) {
    List<OnHoldPeriod> periods = new ArrayList<>();
    for (int i = 0; i < timeline.size() - 1; i++) {
      StatusChange change = timeline.get(i);
      if (IncidentStatus.ON_HOLD.name().equals(change.status())) {
        Instant until = timeline.get(i + 1).at();
        periods.add(new OnHoldPeriod(change.at(), until, lastValueUntil(updates, ON_HOLD_REASON, change.at()),
            lastValueUntil(updates, ON_HOLD_NOTE, change.at()), Duration.between(change.at(), until).toSeconds()));
      }
    }
    return periods;
  }

  private static String lastValueUntil(List<HistoricVariableUpdate> updates, String variable, Instant until) {
    String value = null;
    for (HistoricVariableUpdate update : updates) {
      if (variable.equals(update.getVariableName()) && !update.getTime().toInstant().isAfter(until)) {
        value = update.getValue() == null ? null : update.getValue().toString();
      }
    }
    return value;
  }

  /**
   * Every change of category, priority and group, and of the impact and urgency the priority follows,
   * the first setting included; a priority reads "P2 High".
   */
  private static List<Change> changes(List<HistoricVariableUpdate> updates, Steps steps) {
    // The step that sets a priority sets its label too.
    Map<String, String> labels = new HashMap<>();
    updates.stream().filter(u -> PRIORITY_LABEL.equals(u.getVariableName()) && u.getValue() != null)
        .forEach(u -> steps.of(u).ifPresent(step -> labels.put(step.getId(), u.getValue().toString())));
    Map<String, String> current = new HashMap<>();
    List<Change> changes = new ArrayList<>();
    for (HistoricVariableUpdate update : updates) {
      String name = update.getVariableName();
      if (!CHANGES_RECORDED.contains(name) || update.getValue() == null) {
        continue;
      }
      Optional<HistoricActivityInstance> step = steps.of(update);
      String value = PRIORITY.equals(name)
          ? ("P" + update.getValue() + " " + step.map(s -> labels.getOrDefault(s.getId(), "")).orElse("")).strip()
          : update.getValue().toString();
      String previous = current.put(name, value);
      if (!value.equals(previous)) {
        changes.add(new Change(update.getTime().toInstant(), name, previous, value,
            step.map(HistoricActivityInstance::getActivityName).orElse(null),
            step.map(HistoricActivityInstance::getAssignee).orElse(null)));
      }
    }
    return changes;
  }

  /** Who worked the incident's tasks, every assignee of every task, in the order they took part. */
  private List<Agent> agents(String processInstanceId, Steps steps) {
    Map<String, Set<String>> agents = new LinkedHashMap<>();
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      String stepName = steps.name(task.getTaskDefinitionKey());
      List<String> assignees = new ArrayList<>(history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
          .type(IdentityLinkType.ASSIGNEE).operationType(ASSIGNEE_ADDED).orderByTime().asc().list().stream()
          .map(HistoricIdentityLinkLog::getUserId).filter(Objects::nonNull).toList());
      if (task.getAssignee() != null) {
        assignees.add(task.getAssignee());
      }
      assignees.forEach(userId -> agents.computeIfAbsent(userId, id -> new LinkedHashSet<>()).add(stepName));
    }
    return agents.entrySet().stream().map(e -> new Agent(e.getKey(), List.copyOf(e.getValue()))).toList();
  }

  /** When an agent first took the incident, or resolved it at first contact. */
  private static Instant acknowledgedAt(List<StatusChange> timeline) {
    return timeline.stream()
        .filter(c -> c.status().equals(IncidentStatus.IN_PROGRESS.name()) || c.status().equals(IncidentStatus.RESOLVED.name()))
        .map(StatusChange::at).findFirst().orElse(null);
  }

  private static Long secondsBetween(Instant from, Instant to) {
    return from == null || to == null ? null : Duration.between(from, to).toSeconds();
  }

  private static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }

  /** The value a variable was first given: what the caller reported, before triage corrected it. */
  private static String firstValue(List<HistoricVariableUpdate> updates, String variable) {
    return updates.stream().filter(u -> variable.equals(u.getVariableName()) && u.getValue() != null)
        .map(u -> u.getValue().toString()).findFirst().orElse(null);
  }

  private static String text(DelegateExecution execution, String variable) {
    Object value = execution.getVariable(variable);
    return value == null ? null : value.toString();
  }

  private static int number(DelegateExecution execution, String variable) {
    Object value = execution.getVariable(variable);
    return value instanceof Number n ? n.intValue() : 0;
  }
}
