package io.incidentflow.sla;

import static io.incidentflow.incident.IncidentVariables.REPORTED_AT;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_BREACHED;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_BREACHED_AT;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_DUE;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_PAUSED_SECONDS;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_PAUSED_SINCE;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_TARGET;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_WARNING_DUE;
import static io.incidentflow.incident.IncidentVariables.RESPONDED_AT;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_BREACHED;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_BREACHED_AT;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_DUE;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_TARGET;
import static io.incidentflow.incident.IncidentVariables.SLA_CALENDAR;
import static io.incidentflow.incident.IncidentVariables.WARNING_PERCENT;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentChanged;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentStatusObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The SLA clocks of an incident. Response runs from the report until an agent takes the incident
 * ({@code IN_PROGRESS}) or resolves it; resolution stands still where the model pauses it (on hold for a
 * reason that {@code SlaPausePolicy} lets pause it, and while it is resolved: {@code Task_PauseResolutionClock},
 * {@code Task_PauseClockWhileResolved}) and runs on where the model resumes it (work resumes, the caller
 * reopens it: {@code Task_ResumeResolutionClock}, {@code Task_ResumeClockOnReopening}).
 *
 * <p>The process model calls {@code ${slaClock.schedule(execution)}} on the flow leaving each business
 * rule task that decides the targets ({@code SlaTargets}): {@code responseDue}, {@code resolutionDue}
 * and {@code resolutionWarningDue} are counted from the report, in the calendar the decision names,
 * plus the working time of every finished pause. The timers of {@code SubProcess_SlaClocks} fire at
 * those moments; this class suspends the resolution timers while the clock stands still and dates
 * every timer anew when a due date moves. It hears of status changes as an {@link IncidentStatusObserver}
 * to stop the response clock, and {@code ${slaClock.breached(execution, 'response')}} records a breach.
 */
@Component("slaClock")
public class SlaClock implements IncidentStatusObserver {

  private static final Logger LOG = LoggerFactory.getLogger(SlaClock.class);

  private static final String RESPONSE_TIMER = "Event_ResponseDue";
  /** The timers of the model and the variable each one waits for. */
  private static final Map<String, String> TIMERS = Map.of(
      RESPONSE_TIMER, RESPONSE_DUE,
      "Event_ResolutionWarningDue", RESOLUTION_WARNING_DUE,
      "Event_ResolutionDue", RESOLUTION_DUE);

  private final SlaCalendars calendars;
  private final ApplicationEventPublisher events;

  public SlaClock(SlaCalendars calendars, ApplicationEventPublisher events) {
    this.calendars = calendars;
    this.events = events;
  }

  /** Sets the due dates from the targets SlaTargets just gave, and dates the running timers anew. */
  public void schedule(DelegateExecution execution) {
    IncidentData incident = IncidentData.of(execution);
    if (!incident.has(RESPONSE_BREACHED)) {
      incident.set(RESPONSE_BREACHED, false);
      incident.set(RESOLUTION_BREACHED, false);
      incident.set(RESOLUTION_PAUSED_SECONDS, 0L);
    }
    dueDates(execution, incident, true);
    LOG.info("{}: P{} in {}: respond by {}, warn at {}, resolve by {}", incident.number(), incident.priority(),
        incident.text(SLA_CALENDAR), incident.instant(RESPONSE_DUE), incident.instant(RESOLUTION_WARNING_DUE),
        incident.instant(RESOLUTION_DUE));
    redateTimers(execution, incident, false);
  }

  /** Records that the {@code response} or {@code resolution} target was missed: the timer at 100% fired. */
  public void breached(DelegateExecution execution, String slaType) {
    boolean response = "response".equals(slaType);
    IncidentData incident = IncidentData.of(execution);
    incident.set(response ? RESPONSE_BREACHED : RESOLUTION_BREACHED, true);
    incident.setInstant(response ? RESPONSE_BREACHED_AT : RESOLUTION_BREACHED_AT, EngineClock.now());
    LOG.warn("{}: {} SLA breached: it was due by {}", incident.number(), slaType,
        incident.instant(response ? RESPONSE_DUE : RESOLUTION_DUE));
    events.publishEvent(new IncidentChanged(execution));
  }

  @Override
  public void statusChanged(VariableScope scope, IncidentStatus from, IncidentStatus to) {
    Instant now = EngineClock.now();
    IncidentData incident = IncidentData.of(scope);
    if (!incident.has(RESPONDED_AT) && (to == IncidentStatus.IN_PROGRESS || to == IncidentStatus.RESOLVED)) {
      responded(scope, now);
      LOG.info("{}: responded at {} (response due by {})", incident.number(), now, incident.instant(RESPONSE_DUE));
    }
  }

  /**
   * Ends the response clock: {@code Event_IncidentTaken} waits for {@code respondedAt}. An agent takes
   * an incident by claiming its task, outside any activity of the process, and the engine hands a
   * variable set there to conditional events only at the end of an activity phase or of a variable
   * command: so a task's change goes through the variable API.
   */
  private static void responded(VariableScope scope, Instant now) {
    if (scope instanceof DelegateTask task) {
      RuntimeService runtime = task.getProcessEngineServices().getRuntimeService();
      Context.getCommandContext().runWithoutAuthorization(() -> {
        runtime.setVariable(task.getProcessInstanceId(), RESPONDED_AT, Date.from(now));
        return null;
      });
    } else {
      IncidentData.of(scope).setInstant(RESPONDED_AT, now);
    }
  }

  /** Stops the resolution clock: its timers wait, suspended, until {@link #resume}. Stopped already: nothing to do. */
  public void pause(DelegateExecution execution) {
    IncidentData incident = IncidentData.of(execution);
    if (incident.has(RESOLUTION_PAUSED_SINCE)) {
      return;
    }
    Instant now = EngineClock.now();
    incident.setInstant(RESOLUTION_PAUSED_SINCE, now);
    withTimers(execution, timer -> {
      if (!RESPONSE_TIMER.equals(timer.getActivityId())) {
        timer.setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
      }
    });
    LOG.info("{}: resolution clock paused at {}", incident.number(), now);
  }

  /**
   * Lets a stopped resolution clock run on: the working time it stood still is added to the pauses and the
   * due dates and timers move by it. Running already (the hold did not stop it): nothing to do.
   */
  public void resume(DelegateExecution execution) {
    IncidentData incident = IncidentData.of(execution);
    Instant pausedSince = incident.instant(RESOLUTION_PAUSED_SINCE);
    if (pausedSince == null) {
      return;
    }
    Instant now = EngineClock.now();
    Duration paused = calendar(execution).workingTimeBetween(pausedSince, now);
    long total = incident.count(RESOLUTION_PAUSED_SECONDS) + paused.toSeconds();
    incident.set(RESOLUTION_PAUSED_SECONDS, total);
    incident.setInstant(RESOLUTION_PAUSED_SINCE, null);
    dueDates(execution, incident, false);
    redateTimers(execution, incident, true);
    LOG.info("{}: resolution clock resumed after {} of working time paused ({} s in all): resolve by {}",
        incident.number(), paused, total, incident.instant(RESOLUTION_DUE));
  }

  /**
   * The due dates from the report time: the targets plus, for resolution, the working time of the
   * finished pauses. Adding working time is additive in every SLA calendar, so this equals moving
   * the previous due dates by the pause.
   */
  private void dueDates(DelegateExecution execution, IncidentData incident, boolean withResponse) {
    SlaCalendar calendar = calendar(execution);
    Instant reportedAt = incident.instant(REPORTED_AT);
    Duration resolutionTarget = target(incident, RESOLUTION_TARGET);
    Duration paused = Duration.ofSeconds(incident.count(RESOLUTION_PAUSED_SECONDS));
    Integer percent = incident.integer(WARNING_PERCENT);
    if (percent == null || percent < 1 || percent > 100) {
      throw new ProcessEngineException(incident.number() + ": SlaTargets gave warningPercent '"
          + incident.value(WARNING_PERCENT) + "', which is no whole percentage from 1 to 100");
    }
    Duration warningAfter = resolutionTarget.multipliedBy(percent).dividedBy(100);
    if (withResponse) {
      incident.setInstant(RESPONSE_DUE, calendar.add(reportedAt, target(incident, RESPONSE_TARGET)));
    }
    incident.setInstant(RESOLUTION_DUE, calendar.add(reportedAt, resolutionTarget.plus(paused)));
    incident.setInstant(RESOLUTION_WARNING_DUE, calendar.add(reportedAt, warningAfter.plus(paused)));
  }

  /** Every waiting SLA timer of the incident due at its variable's moment; {@code activate} wakes suspended ones. */
  private static void redateTimers(DelegateExecution execution, IncidentData incident, boolean activate) {
    withTimers(execution, timer -> {
      timer.setDuedate(Date.from(incident.instant(TIMERS.get(timer.getActivityId()))));
      if (activate) {
        timer.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
      }
    });
  }

  /**
   * Runs {@code action} on each SLA timer job of the incident, as entities of the current transaction:
   * one update per job, checked against concurrent changes when the transaction commits. (The job
   * API would update a job twice, suspension in bulk, and needs permissions that agents do not have.)
   */
  private static void withTimers(DelegateExecution execution, Consumer<JobEntity> action) {
    Context.getCommandContext().getJobManager().findJobsByProcessInstanceId(execution.getProcessInstanceId()).stream()
        .filter(job -> job.getActivityId() != null && TIMERS.containsKey(job.getActivityId()))
        .forEach(action);
  }

  /** The calendar the incident's SLA targets count in; a name SlaTargets should not have given fails with the incident. */
  public SlaCalendar calendar(VariableScope scope) {
    IncidentData incident = IncidentData.of(scope);
    Object name = incident.value(SLA_CALENDAR);
    return SlaCalendars.of(Context.getProcessEngineConfiguration(), String.valueOf(name))
        .orElseThrow(() -> new ProcessEngineException(incident.number() + ": SlaTargets named the calendar '" + name
            + "', which does not exist: use one of " + calendars.names()));
  }

  /** A target as SlaTargets gave it; anything but an ISO-8601 duration fails with the incident and the value. */
  private static Duration target(IncidentData incident, String variable) {
    Object value = incident.value(variable);
    try {
      Duration duration = Duration.parse(String.valueOf(value));
      if (duration.isNegative()) {
        throw new DateTimeParseException("negative", String.valueOf(value), 0);
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException(incident.number() + ": SlaTargets gave " + variable + " '" + value
          + "', which is no ISO-8601 duration such as PT4H", e);
    }
  }
}
