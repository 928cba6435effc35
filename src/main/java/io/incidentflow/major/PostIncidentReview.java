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

  /**
   * One action item: who owns it, what to do, whether problem management takes it on, and the problem raised
   * for it ({@code PRB...}) once the review is documented.
   */
  public record ActionItem(String owner, String action, boolean handToProblemManagement, String problemNumber) {

    /** An item as the review's form gives it, before any problem is raised. */
    public ActionItem(String owner, String action, boolean handToProblemManagement) {
      this(owner, action, handToProblemManagement, null);
    }

    /** This item, handed to the problem {@code number}. */
    ActionItem handedTo(String number) {
      return new ActionItem(owner, action, handToProblemManagement, number);
    }
  }

  /** One moment of the major incident's history. */
  public record TimelineEntry(Instant at, String what) {
  }
}
