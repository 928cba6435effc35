package io.incidentflow.major;

import java.time.Instant;
import java.util.List;

/**
 * The post-incident review of a major incident, as stored (table {@code post_incident_review}) and served by number
 * as JSON and HTML: the major incident at a glance, its timeline from the history, and what the review found.
 */
public record PostIncidentReview(
    String incidentNumber,
    String shortDescription,
    Integer priority,
    String priorityLabel,
    String affectedService,
    String incidentCommander,
    String communicationsLead,
    List<String> engagedGroups,
    List<String> linkedIncidents,
    Instant declaredAt,
    Instant resolvedAt,
    Instant reviewDue,
    Instant heldAt,
    String heldBy,
    String rootCause,
    String wentWell,
    String wentBadly,
    List<ActionItem> actionItems,
    List<TimelineEntry> timeline) {

  /** One action item: who owns it, what to do, and whether problem management takes it on. */
  public record ActionItem(String owner, String action, boolean handToProblemManagement) {
  }

  /** One moment of the major incident's history. */
  public record TimelineEntry(Instant at, String what) {
  }
}
