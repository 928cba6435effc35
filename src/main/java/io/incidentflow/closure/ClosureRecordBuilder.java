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
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentHistory;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.notification.CommunicationLog;
import io.incidentflow.sla.SlaCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Builds an incident's {@link ClosureRecord} when it closes, from its history ({@link IncidentHistory}:
 * every update of every variable, with its time and step), the running instance's current variables,
 * and the communication log.
 */
@Component
public class ClosureRecordBuilder {

  private static final List<String> CHANGES_RECORDED = List.of(CATEGORY, ASSIGNMENT_GROUP, IMPACT, URGENCY, PRIORITY);

  private final IncidentHistory history;
  private final CommunicationLog communicationLog;
  private final io.incidentflow.sla.SlaClock clock;

  public ClosureRecordBuilder(IncidentHistory history, CommunicationLog communicationLog,
      io.incidentflow.sla.SlaClock clock) {
    this.history = history;
    this.communicationLog = communicationLog;
    this.clock = clock;
  }

  /** The record of the incident {@code execution} belongs to, closing at {@code closedAt}. */
  public ClosureRecord build(DelegateExecution execution, Instant closedAt) {
    IncidentData incident = IncidentData.of(execution);
    IncidentHistory.Record past = history.of(execution.getProcessInstanceId(), execution.getProcessDefinitionId());
    List<StatusChange> timeline = statusTimeline(past, closedAt);
    List<OnHoldPeriod> onHold = onHoldPeriods(timeline, past);
    Instant reportedAt = incident.instant(REPORTED_AT);
    Instant resolvedAt = incident.instant(RESOLVED_AT);
    long onHoldSeconds = onHold.stream().mapToLong(OnHoldPeriod::seconds).sum();

    return new ClosureRecord(incident.number(),
        new Reported(reportedAt, incident.text(SHORT_DESCRIPTION), incident.text(DESCRIPTION),
            incident.text(CALLER_NAME), incident.text(CALLER_EMAIL), incident.text(AFFECTED_SERVICE),
            text(past.firstValue(IMPACT)), text(past.firstValue(URGENCY)), incident.text(CHANNEL)),
        new Classification(incident.text(CATEGORY), (int) incident.count(PRIORITY), incident.text(PRIORITY_LABEL),
            incident.text(ASSIGNMENT_GROUP)),
        changes(past),
        agents(past),
        timeline,
        onHold,
        new Resolution(incident.text(RESOLUTION_CODE), incident.text(RESOLUTION_NOTES),
            incident.text(RESOLVED_BY), resolvedAt),
        (int) incident.count(REOPEN_COUNT),
        (int) incident.count(REASSIGNMENT_COUNT),
        closedAt,
        incident.isTrue(RESOLUTION_ACCEPTED) ? "accepted" : "auto-closed",
        incident.text(CONFIRMATION_COMMENT),
        communicationLog.of(incident.number()),
        new Figures(secondsBetween(reportedAt, acknowledgedAt(timeline)), secondsBetween(reportedAt, resolvedAt),
            onHoldSeconds),
        sla(execution, incident, reportedAt, resolvedAt),
        past.resolutions());
  }

  /**
   * The SLA clocks: the response stopped when an agent first took the incident, the resolution at the
   * resolution that closed it. Actual times are working time in the incident's SLA calendar, the
   * resolution's less its pauses; a clock whose breach timer fired is breached whatever came later.
   */
  private Sla sla(DelegateExecution execution, IncidentData incident, Instant reportedAt, Instant resolvedAt) {
    SlaCalendar calendar = clock.calendar(execution);
    long paused = incident.count(RESOLUTION_PAUSED_SECONDS);
    Instant respondedAt = incident.instant(RESPONDED_AT);
    Long responseActual = respondedAt == null ? null
        : calendar.workingTimeBetween(reportedAt, respondedAt).toSeconds();
    Long resolutionActual = resolvedAt == null ? null
        : Math.max(0, calendar.workingTimeBetween(reportedAt, resolvedAt).toSeconds() - paused);
    return new Sla(calendar.name(),
        slaClock(incident, RESPONSE_TARGET, RESPONSE_DUE, respondedAt, responseActual, RESPONSE_BREACHED_AT),
        slaClock(incident, RESOLUTION_TARGET, RESOLUTION_DUE, resolvedAt, resolutionActual, RESOLUTION_BREACHED_AT),
        paused);
  }

  private static SlaClock slaClock(IncidentData incident, String target, String due, Instant stoppedAt,
      Long actualSeconds, String breachedAt) {
    Instant dueAt = incident.instant(due);
    Instant breached = incident.instant(breachedAt);
    boolean met = breached == null && stoppedAt != null && dueAt != null && !stoppedAt.isAfter(dueAt);
    return new SlaClock(incident.text(target), dueAt, stoppedAt, actualSeconds, met, breached);
  }

  /** The status entered at each change, ending with {@code CLOSED} now (this step sets it). */
  private static List<StatusChange> statusTimeline(IncidentHistory.Record past, Instant closedAt) {
    List<StatusChange> timeline = new ArrayList<>(past.changesOf(STATUS).stream()
        .map(change -> new StatusChange(change.at(), change.value().toString())).toList());
    timeline.add(new StatusChange(closedAt, IncidentStatus.CLOSED.name()));
    return timeline;
  }

  /** Each time on hold until the next status, with the reason and note given when it went on hold. */
  private static List<OnHoldPeriod> onHoldPeriods(List<StatusChange> timeline, IncidentHistory.Record past) {
    List<OnHoldPeriod> periods = new ArrayList<>();
    for (int i = 0; i < timeline.size() - 1; i++) {
      StatusChange change = timeline.get(i);
      if (IncidentStatus.ON_HOLD.name().equals(change.status())) {
        Instant until = timeline.get(i + 1).at();
        periods.add(new OnHoldPeriod(change.at(), until, text(past.valueAt(ON_HOLD_REASON, change.at())),
            text(past.valueAt(ON_HOLD_NOTE, change.at())), Duration.between(change.at(), until).toSeconds()));
      }
    }
    return periods;
  }

  /**
   * Every change of category, priority and group, and of the impact and urgency the priority follows,
   * the first setting included; a priority reads "P2 High" (the step that sets a priority sets its label too).
   */
  private static List<Change> changes(IncidentHistory.Record past) {
    Map<String, String> current = new HashMap<>();
    List<Change> changes = new ArrayList<>();
    for (IncidentHistory.Update update : past.updates()) {
      String name = update.variable();
      if (!CHANGES_RECORDED.contains(name) || update.value() == null) {
        continue;
      }
      Optional<IncidentHistory.Step> step = Optional.ofNullable(update.step());
      String value = PRIORITY.equals(name)
          ? ("P" + update.value() + " " + past.valueGivenBy(update.step(), PRIORITY_LABEL).orElse("")).strip()
          : update.value().toString();
      String previous = current.put(name, value);
      if (!value.equals(previous)) {
        changes.add(new Change(update.at(), name, previous, value, step.map(IncidentHistory.Step::name).orElse(null),
            step.map(IncidentHistory.Step::assignee).orElse(null)));
      }
    }
    return changes;
  }

  /** Who worked the incident's tasks, every assignee of every task, in the order they took part. */
  private static List<Agent> agents(IncidentHistory.Record past) {
    Map<String, Set<String>> agents = new LinkedHashMap<>();
    for (IncidentHistory.TaskWork task : past.tasks()) {
      List<String> assignees = new ArrayList<>(task.takes().stream().map(IncidentHistory.Take::userId).toList());
      if (task.assignee() != null) {
        assignees.add(task.assignee());
      }
      assignees.forEach(userId -> agents.computeIfAbsent(userId, id -> new LinkedHashSet<>()).add(task.step().name()));
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

  private static String text(Optional<Object> value) {
    return value.map(Object::toString).orElse(null);
  }
}
