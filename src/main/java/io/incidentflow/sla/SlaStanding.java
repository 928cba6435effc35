package io.incidentflow.sla;

import static io.incidentflow.incident.IncidentVariables.REPORTED_AT;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_BREACHED;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_BREACHED_AT;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_DUE;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_PAUSED_SECONDS;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_PAUSED_SINCE;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_TARGET;
import static io.incidentflow.incident.IncidentVariables.RESOLVED_AT;
import static io.incidentflow.incident.IncidentVariables.RESPONDED_AT;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_BREACHED;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_BREACHED_AT;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_DUE;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_TARGET;
import static io.incidentflow.incident.IncidentVariables.SLA_CALENDAR;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where an incident stands against its SLA at a moment, as an agent wants to see it beside the task: for
 * response and resolution, the due date, the working time left (negative when overdue), the share of the
 * target used, and whether the clock runs, stands still (paused), has stopped in time (met) or was
 * breached. Working time counts in the incident's SLA calendar; the resolution's pauses do not count.
 */
@Component
public class SlaStanding {

  /** The state of one clock. */
  public enum State {
    RUNNING, PAUSED, MET, BREACHED
  }

  /**
   * One clock.
   *
   * @param secondsLeft working seconds until the due date, negative when overdue; null once the clock stopped
   * @param percentUsed the working time used, in percent of the target (over 100 when overdue)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Clock(String target, Instant due, State state, Long secondsLeft, Integer percentUsed,
      Instant stoppedAt, Instant breachedAt) {
  }

  /** Both clocks and the calendar they count in; a clock is null before its targets are decided. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Figures(String calendar, Clock response, Clock resolution) {
  }

  private final SlaCalendars calendars;

  public SlaStanding(SlaCalendars calendars) {
    this.calendars = calendars;
  }

  /** The figures of the incident whose variables {@code incident} reads, at {@code now}. */
  public Figures of(IncidentData incident, Instant now) {
    Optional<SlaCalendar> calendar = calendars.named(incident.text(SLA_CALENDAR));
    Instant reportedAt = incident.instant(REPORTED_AT);
    if (calendar.isEmpty() || reportedAt == null) {
      return new Figures(incident.text(SLA_CALENDAR), null, null);
    }
    IncidentStatus status = incident.status();
    boolean ended = status == IncidentStatus.CLOSED || status == IncidentStatus.CANCELED;
    Instant responded = incident.instant(RESPONDED_AT);
    Clock response = clock(calendar.get(), reportedAt, incident.text(RESPONSE_TARGET), incident.instant(RESPONSE_DUE),
        responded, incident.isTrue(RESPONSE_BREACHED), incident.instant(RESPONSE_BREACHED_AT), false, 0, ended, now);
    Instant resolved = status == IncidentStatus.RESOLVED || status == IncidentStatus.CLOSED
        ? incident.instant(RESOLVED_AT) : null;
    Instant pausedSince = incident.instant(RESOLUTION_PAUSED_SINCE);
    long paused = incident.count(RESOLUTION_PAUSED_SECONDS)
        + (pausedSince == null ? 0 : calendar.get().workingTimeBetween(pausedSince, now).toSeconds());
    Clock resolution = clock(calendar.get(), reportedAt, incident.text(RESOLUTION_TARGET),
        incident.instant(RESOLUTION_DUE), resolved, incident.isTrue(RESOLUTION_BREACHED),
        incident.instant(RESOLUTION_BREACHED_AT), pausedSince != null, paused, ended, now);
    return new Figures(calendar.get().name(), response, resolution);
  }

  private static Clock clock(SlaCalendar calendar, Instant reportedAt, String target, Instant due, Instant stoppedAt,
      boolean breached, Instant breachedAt, boolean paused, long pausedSeconds, boolean ended, Instant now) {
    Duration targetTime = IncidentData.durationOrNull(target);
    if (targetTime == null || due == null) {
      return null;
    }
    Instant until = stoppedAt != null ? stoppedAt : now;
    long used = Math.max(0, calendar.workingTimeBetween(reportedAt, until).toSeconds() - pausedSeconds);
    Integer percent = targetTime.isZero() ? null : (int) Math.round(used * 100.0 / targetTime.toSeconds());
    State state = breached ? State.BREACHED : stoppedAt != null ? State.MET : paused ? State.PAUSED : State.RUNNING;
    Long left = stoppedAt != null || ended ? null
        : !now.isAfter(due) ? calendar.workingTimeBetween(now, due).toSeconds()
        : -calendar.workingTimeBetween(due, now).toSeconds();
    return new Clock(target, due, state, left, percent, stoppedAt, breachedAt);
  }
}
