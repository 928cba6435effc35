package io.incidentflow.summary;

import static io.incidentflow.incident.IncidentVariables.CLOSED_AT;
import static io.incidentflow.incident.IncidentVariables.REASSIGNMENT_COUNT;
import static io.incidentflow.incident.IncidentVariables.REOPEN_COUNT;
import static io.incidentflow.incident.IncidentVariables.REPORTED_AT;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_BREACHED;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_BREACHED_AT;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_PAUSED_SECONDS;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_PAUSED_SINCE;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_TARGET;
import static io.incidentflow.incident.IncidentVariables.RESOLVED_AT;
import static io.incidentflow.incident.IncidentVariables.RESPONDED_AT;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_BREACHED;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_BREACHED_AT;
import static io.incidentflow.incident.IncidentVariables.SLA_CALENDAR;
import static io.incidentflow.incident.IncidentVariables.TRIAGE_DECISION;

import io.incidentflow.incident.Codes.TriageDecision;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.sla.SlaCalendar;
import io.incidentflow.sla.SlaCalendars;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the manager's dashboard needs of one incident, derived from its variables whenever its row is
 * written: times as working seconds in the incident's SLA calendar (the pauses the SLA excludes left
 * out), breaches, when each SLA outcome fell, and the moments a running resolution clock reaches 50, 75
 * and 90 % of its target.
 *
 * @param resolvedAt the resolution that stands: null unless the incident is resolved or closed (reopening
 *     takes it back)
 * @param responseOutcomeAt when the response target was met or missed: taken, else breached, else null
 * @param resolutionOutcomeAt when the resolution target was met or missed: resolved, else breached, else null
 * @param onHoldSeconds working seconds of the finished pauses of the resolution clock
 * @param firstContact resolved by the service desk at triage and never reopened
 */
public record DashboardFacts(Instant acknowledgedAt, Long acknowledgeSeconds, Instant resolvedAt, Long resolveSeconds,
    Instant closedAt, boolean responseBreached, Instant responseBreachedAt, boolean resolutionBreached,
    Instant resolutionBreachedAt, Instant responseOutcomeAt, Instant resolutionOutcomeAt, long onHoldSeconds,
    boolean resolutionPaused, Instant resolution50At, Instant resolution75At, Instant resolution90At,
    int reopenCount, int reassignmentCount, boolean firstContact) {

  /** The facts of {@code incident}, counted in the calendar {@code calendars} knows by its name. */
  public static DashboardFacts of(IncidentData incident, SlaCalendars calendars) {
    Optional<SlaCalendar> calendar = calendars.named(incident.text(SLA_CALENDAR));
    Instant reported = incident.instant(REPORTED_AT);
    IncidentStatus status = incident.status();
    boolean resolved = status == IncidentStatus.RESOLVED || status == IncidentStatus.CLOSED;
    Instant acknowledgedAt = incident.instant(RESPONDED_AT);
    Instant resolvedAt = resolved ? incident.instant(RESOLVED_AT) : null;
    long paused = incident.count(RESOLUTION_PAUSED_SECONDS);
    Long acknowledgeSeconds = working(calendar, reported, acknowledgedAt);
    Long resolveSeconds = working(calendar, reported, resolvedAt);
    if (resolveSeconds != null) {
      resolveSeconds = Math.max(0, resolveSeconds - paused);
    }
    Instant responseBreachedAt = incident.instant(RESPONSE_BREACHED_AT);
    Instant resolutionBreachedAt = incident.instant(RESOLUTION_BREACHED_AT);
    boolean pausedNow = incident.has(RESOLUTION_PAUSED_SINCE);
    boolean running = status != null && status.isOpen() && !pausedNow;
    Duration target = incident.duration(RESOLUTION_TARGET);
    boolean atRiskKnown = running && calendar.isPresent() && reported != null && target != null;
    int reopenCount = (int) Math.max(0, incident.count(REOPEN_COUNT));
    return new DashboardFacts(acknowledgedAt, acknowledgeSeconds, resolvedAt, resolveSeconds,
        incident.instant(CLOSED_AT), incident.isTrue(RESPONSE_BREACHED), responseBreachedAt,
        incident.isTrue(RESOLUTION_BREACHED), resolutionBreachedAt,
        acknowledgedAt != null ? acknowledgedAt : responseBreachedAt,
        resolvedAt != null ? resolvedAt : resolutionBreachedAt, paused, pausedNow,
        atRiskKnown ? share(calendar.get(), reported, target, paused, 50) : null,
        atRiskKnown ? share(calendar.get(), reported, target, paused, 75) : null,
        atRiskKnown ? share(calendar.get(), reported, target, paused, 90) : null,
        reopenCount, (int) incident.count(REASSIGNMENT_COUNT),
        resolved && reopenCount == 0 && TriageDecision.RESOLVE.value().equals(incident.text(TRIAGE_DECISION)));
  }

  private static Long working(Optional<SlaCalendar> calendar, Instant from, Instant until) {
    if (calendar.isEmpty() || from == null || until == null) {
      return null;
    }
    return until.isAfter(from) ? calendar.get().workingTimeBetween(from, until).toSeconds() : 0L;
  }

  /** The moment the clock has used {@code percent} of {@code target}, its finished pauses not counted. */
  private static Instant share(SlaCalendar calendar, Instant reported, Duration target, long pausedSeconds,
      int percent) {
    return calendar.add(reported, target.multipliedBy(percent).dividedBy(100).plusSeconds(pausedSeconds));
  }
}
