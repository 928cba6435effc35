package io.incidentflow.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One incident as {@code GET /api/incidents/{incidentNumber}} shows it: the report, the status and
 * classification, the SLA figures (the due dates, and whether and when they were met, where known) and
 * the timeline. Field names are the variable names of DESIGN.md.
 */
public record IncidentDetail(
    String incidentNumber,
    String status,
    String onHoldReason,
    Integer priority,
    String priorityLabel,
    String category,
    String assignmentGroup,
    String shortDescription,
    String description,
    String callerName,
    String callerEmail,
    String affectedService,
    String impact,
    String urgency,
    String channel,
    Instant reportedAt,
    Instant responseDue,
    Instant resolutionDue,
    Instant respondedAt,
    Boolean responseBreached,
    Boolean resolutionBreached,
    String resolutionCode,
    String resolutionNotes,
    Integer reopenCount,
    Integer reassignmentCount,
    Instant closedAt,
    List<TimelineEntry> timeline) {

  /**
   * Something that happened to the incident: a status change, an assignment (to a group, or an agent
   * taking a step), a comment or a notification. Only the fields of its type are there.
   *
   * @param type {@code status}, {@code assignment}, {@code comment} or {@code notification}
   * @param summary what happened, in a line
   * @param author a comment's author: {@code caller}, {@code agent} or {@code monitoring}
   * @param by who wrote a comment: the user or client that sent it
   * @param event a notification's event, e.g. {@code RESOLVED}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TimelineEntry(Instant at, String type, String summary, String status, String assignmentGroup,
      String assignee, String author, String by, String text, String event, List<String> recipients) {
  }
}
