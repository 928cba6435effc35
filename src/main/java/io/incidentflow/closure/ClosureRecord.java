package io.incidentflow.closure;

import io.incidentflow.incident.IncidentHistory;
import io.incidentflow.notification.CommunicationLog;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that happened to one incident, written down when it closes: what was reported, how it was
 * classified and every change to that, who worked on it, its status timeline and on-hold periods, the
 * resolution, the mails sent, the figures a service desk is measured by, and its SLA clocks. Kept in the application's
 * own table ({@link ClosureRecords}), so it outlives the engine's history cleanup.
 *
 * @param closedBecause {@code accepted} (the caller confirmed the resolution) or {@code auto-closed}
 *     (nobody answered within the auto-close period)
 * @param resolutions every resolution given, with the caller's answer (a rejection's reason included): the
 *     {@code resolution} above is the last of them
 */
public record ClosureRecord(
    String incidentNumber,
    Reported reported,
    Classification classification,
    List<Change> changes,
    List<Agent> agents,
    List<StatusChange> statusTimeline,
    List<OnHoldPeriod> onHoldPeriods,
    Resolution resolution,
    int reopenCount,
    int reassignmentCount,
    Instant closedAt,
    String closedBecause,
    String confirmationComment,
    List<CommunicationLog.Entry> communications,
    Figures figures,
    Sla sla,
    List<IncidentHistory.ResolutionGiven> resolutions) {

  /** What the caller reported. */
  /** Every group the incident was assigned to, in order: who may read the record besides the service desk and managers. */
  public Set<String> assignmentGroups() {
    Set<String> groups = new LinkedHashSet<>();
    changes.stream().filter(change -> "assignmentGroup".equals(change.field())).map(Change::to)
        .filter(Objects::nonNull).forEach(groups::add);
    if (classification != null && classification.assignmentGroup() != null) {
      groups.add(classification.assignmentGroup());
    }
    return groups;
  }

  public record Reported(Instant at, String shortDescription, String description, String callerName,
      String callerEmail, String affectedService, String impact, String urgency, String channel) {
  }

  /** The classification the incident closed with. */
  public record Classification(String category, int priority, String priorityLabel, String assignmentGroup) {
  }

  /**
   * A change of category, priority or group. {@code from} is null when the value was first set;
   * {@code step} is the activity that changed it and {@code by} the agent working that step, if any.
   */
  public record Change(Instant at, String field, String from, String to, String step, String by) {
  }

  /** A person who worked on the incident and the steps they worked, in the order they first took part. */
  public record Agent(String userId, List<String> steps) {
  }

  /** The incident entered {@code status} at {@code at}. */
  public record StatusChange(Instant at, String status) {
  }

  /** A time on hold: from, until, why and for how long. */
  public record OnHoldPeriod(Instant from, Instant until, String reason, String note, long seconds) {
  }

  /** The resolution that was finally accepted or auto-closed. */
  public record Resolution(String code, String notes, String resolvedBy, Instant resolvedAt) {
  }

  /**
   * The figures, in seconds of elapsed time. Time to acknowledge runs from the report until an agent
   * first took the incident ({@code IN_PROGRESS}) or, resolved at first contact, until it was
   * resolved; time to resolve until the resolution that closed it; time on hold adds up the on-hold
   * periods.
   */
  public record Figures(Long timeToAcknowledgeSeconds, Long timeToResolveSeconds, long timeOnHoldSeconds) {
  }

  /**
   * The SLA clocks as they ended, counted in {@code calendar} ({@code 24x7} or {@code business-hours}).
   * {@code resolutionPausedSeconds} is the working time the resolution clock stood still: on hold for a
   * pausing reason, and resolved before a reopen.
   */
  public record Sla(String calendar, SlaClock response, SlaClock resolution, long resolutionPausedSeconds) {
  }

  /**
   * One SLA clock: its target (ISO-8601), when it was due, when it stopped (response: an agent took the
   * incident; resolution: the resolution that closed it), the working time it ran ({@code actualSeconds},
   * pauses not counted), and whether it was met; {@code breachedAt} is when its breach timer fired.
   */
  public record SlaClock(String target, Instant due, Instant stoppedAt, Long actualSeconds, boolean met,
      Instant breachedAt) {
  }
}
