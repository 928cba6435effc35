package io.incidentflow.sla;

import static io.incidentflow.incident.IncidentVariables.PAUSE_RESOLUTION_CLOCK;
import static io.incidentflow.incident.IncidentVariables.PRIORITY;
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

import io.incidentflow.incident.IncidentNumbers;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SLA clocks of an incident. Response runs from the report until an agent takes the incident
 * ({@code IN_PROGRESS}) or resolves it; resolution runs until {@code RESOLVED}, stands still while the
 * incident is on hold for a reason that {@code SlaPausePolicy} lets pause it and while it is resolved,
 * and runs on when work resumes or the caller reopens it.
 *
 * <p>The process model calls {@code ${slaClock.schedule(execution)}} on the flow leaving each business
 * rule task that decides the targets ({@code SlaTargets}): {@code responseDue}, {@code resolutionDue}
 * and {@code resolutionWarningDue} are counted from the report, in the calendar the decision names,
 * plus the working time of every finished pause. The timers of {@code SubProcess_SlaClocks} fire at
 * those moments; this class suspends the resolution timers while the clock stands still and dates
 * every timer anew when a due date moves. It hears of status changes as an
 * {@link IncidentStatusObserver}, and {@code ${slaClock.breached(execution, 'response')}} records a breach.
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

  public SlaClock(SlaCalendars calendars) {
    this.calendars = calendars;
  }

  /** Sets the due dates from the targets SlaTargets just gave, and dates the running timers anew. */
  public void schedule(DelegateExecution execution) {
    if (execution.getVariable(RESPONSE_BREACHED) == null) {
      execution.setVariable(RESPONSE_BREACHED, false);
      execution.setVariable(RESOLUTION_BREACHED, false);
      execution.setVariable(RESOLUTION_PAUSED_SECONDS, 0L);
    }
    dueDates(execution, true);
    LOG.info("{}: P{} in {}: respond by {}, warn at {}, resolve by {}", number(execution),
        execution.getVariable(PRIORITY), execution.getVariable(SLA_CALENDAR), instant(execution, RESPONSE_DUE),
        instant(execution, RESOLUTION_WARNING_DUE), instant(execution, RESOLUTION_DUE));
    redateTimers(execution, false);
  }

  /** Records that the {@code response} or {@code resolution} target was missed: the timer at 100% fired. */
  public void breached(DelegateExecution execution, String slaType) {
    boolean response = "response".equals(slaType);
    execution.setVariable(response ? RESPONSE_BREACHED : RESOLUTION_BREACHED, true);
    execution.setVariable(response ? RESPONSE_BREACHED_AT : RESOLUTION_BREACHED_AT, ClockUtil.getCurrentTime());
    LOG.warn("{}: {} SLA breached: it was due by {}", number(execution), slaType,
        instant(execution, response ? RESPONSE_DUE : RESOLUTION_DUE));
  }

  @Override
  public void statusChanged(VariableScope scope, IncidentStatus from, IncidentStatus to) {
    Date now = ClockUtil.getCurrentTime();
    if (scope.getVariable(RESPONDED_AT) == null && (to == IncidentStatus.IN_PROGRESS || to == IncidentStatus.RESOLVED)) {
      responded(scope, now);
      LOG.info("{}: responded at {} (response due by {})", number(scope), now.toInstant(), instant(scope, RESPONSE_DUE));
    }
    boolean standsStill = to == IncidentStatus.RESOLVED
        || to == IncidentStatus.ON_HOLD && Boolean.TRUE.equals(scope.getVariable(PAUSE_RESOLUTION_CLOCK));
    Date pausedSince = (Date) scope.getVariable(RESOLUTION_PAUSED_SINCE);
    if (standsStill && pausedSince == null) {
      pause(scope, now);
    } else if (!standsStill && pausedSince != null && to != IncidentStatus.CLOSED && to != IncidentStatus.CANCELED) {
      resume(scope, pausedSince, now);
    }
  }

  /**
   * Ends the response clock: {@code Event_IncidentTaken} waits for {@code respondedAt}. An agent takes
   * an incident by claiming its task, outside any activity of the process, and the engine hands a
   * variable set there to conditional events only at the end of an activity phase or of a variable
   * command: so a task's change goes through the variable API.
   */
  private static void responded(VariableScope scope, Date now) {
    if (scope instanceof DelegateTask task) {
      RuntimeService runtime = task.getProcessEngineServices().getRuntimeService();
      Context.getCommandContext().runWithoutAuthorization(() -> {
        runtime.setVariable(task.getProcessInstanceId(), RESPONDED_AT, now);
        return null;
      });
    } else {
      scope.setVariable(RESPONDED_AT, now);
    }
  }

  private void pause(VariableScope scope, Date now) {
    scope.setVariable(RESOLUTION_PAUSED_SINCE, now);
    withTimers(scope, timer -> {
      if (!RESPONSE_TIMER.equals(timer.getActivityId())) {
        timer.setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
      }
    });
    LOG.info("{}: resolution clock paused at {}", number(scope), now.toInstant());
  }

  private void resume(VariableScope scope, Date pausedSince, Date now) {
    Duration paused = calendar(scope).workingTimeBetween(pausedSince.toInstant(), now.toInstant());
    long total = pausedSeconds(scope) + paused.toSeconds();
    scope.setVariable(RESOLUTION_PAUSED_SECONDS, total);
    scope.setVariable(RESOLUTION_PAUSED_SINCE, null);
    dueDates(scope, false);
    redateTimers(scope, true);
    LOG.info("{}: resolution clock resumed after {} of working time paused ({} s in all): resolve by {}",
        number(scope), paused, total, instant(scope, RESOLUTION_DUE));
  }

  /**
   * The due dates from the report time: the targets plus, for resolution, the working time of the
   * finished pauses. Adding working time is additive in every SLA calendar, so this equals moving
   * the previous due dates by the pause.
   */
  private void dueDates(VariableScope scope, boolean withResponse) {
    SlaCalendar calendar = calendar(scope);
    Instant reportedAt = ((Date) scope.getVariable(REPORTED_AT)).toInstant();
    Duration resolutionTarget = target(scope, RESOLUTION_TARGET);
    Duration paused = Duration.ofSeconds(pausedSeconds(scope));
    Object percent = scope.getVariable(WARNING_PERCENT);
    if (!(percent instanceof Number p) || p.intValue() < 1 || p.intValue() > 100) {
      throw new ProcessEngineException(number(scope) + ": SlaTargets gave warningPercent '" + percent
          + "', which is no whole percentage from 1 to 100");
    }
    Duration warningAfter = resolutionTarget.multipliedBy(((Number) percent).longValue()).dividedBy(100);
    if (withResponse) {
      scope.setVariable(RESPONSE_DUE, Date.from(calendar.add(reportedAt, target(scope, RESPONSE_TARGET))));
    }
    scope.setVariable(RESOLUTION_DUE, Date.from(calendar.add(reportedAt, resolutionTarget.plus(paused))));
    scope.setVariable(RESOLUTION_WARNING_DUE, Date.from(calendar.add(reportedAt, warningAfter.plus(paused))));
  }

  /** Every waiting SLA timer of the incident due at its variable's moment; {@code activate} wakes suspended ones. */
  private void redateTimers(VariableScope scope, boolean activate) {
    withTimers(scope, timer -> {
      timer.setDuedate((Date) scope.getVariable(TIMERS.get(timer.getActivityId())));
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
  private static void withTimers(VariableScope scope, Consumer<JobEntity> action) {
    String processInstanceId = scope instanceof DelegateTask task ? task.getProcessInstanceId()
        : ((DelegateExecution) scope).getProcessInstanceId();
    Context.getCommandContext().getJobManager().findJobsByProcessInstanceId(processInstanceId).stream()
        .filter(job -> job.getActivityId() != null && TIMERS.containsKey(job.getActivityId()))
        .forEach(action);
  }

  /** The calendar the incident's SLA targets count in; a name SlaTargets should not have given fails with the incident. */
  public SlaCalendar calendar(VariableScope scope) {
    Object name = scope.getVariable(SLA_CALENDAR);
    return SlaCalendars.of(Context.getProcessEngineConfiguration(), String.valueOf(name))
        .orElseThrow(() -> new ProcessEngineException(number(scope) + ": SlaTargets named the calendar '" + name
            + "', which does not exist: use one of " + calendars.names()));
  }

  /** A target as SlaTargets gave it; anything but an ISO-8601 duration fails with the incident and the value. */
  private static Duration target(VariableScope scope, String variable) {
    Object value = scope.getVariable(variable);
    try {
      Duration duration = Duration.parse(String.valueOf(value));
      if (duration.isNegative()) {
        throw new DateTimeParseException("negative", String.valueOf(value), 0);
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException(number(scope) + ": SlaTargets gave " + variable + " '" + value
          + "', which is no ISO-8601 duration such as PT4H", e);
    }
  }

  /** The working time, in seconds, the incident's resolution clock stood still in finished pauses. */
  public static long pausedSeconds(VariableScope scope) {
    return scope.getVariable(RESOLUTION_PAUSED_SECONDS) instanceof Number n ? n.longValue() : 0L;
  }

  private static Object number(VariableScope scope) {
    return IncidentNumbers.of(scope);
  }

  private static Instant instant(VariableScope scope, String variable) {
    return scope.getVariable(variable) instanceof Date date ? date.toInstant() : null;
  }
}
