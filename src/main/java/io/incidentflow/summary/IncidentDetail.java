package io.incidentflow.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.incidentflow.sla.SlaStanding;
import java.time.Instant;
import java.util.List;

/**
 * One incident as {@code GET /api/incidents/{incidentNumber}} shows it, and the incident record beside
 * every task in Tasklist: the report, the status and classification, who has it, the SLA clocks as they
 * stand now ({@code sla}), every resolution with the caller's answer, the link to the closure record once
 * there is one, the timeline and the files kept with it, and the work it is linked to: the incident it follows up
 * ({@code followUpOf}, {@code followUpKind} {@code reopening} or {@code linked}), its major incident
 * ({@code parentIncidentNumber}) and its problem ({@code problemNumber}). Field names are the variable names of
 * DESIGN.md.
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
    String assignee,
    SlaStanding.Figures sla,
    List<Resolution> resolutions,
    String closureRecord,
    List<TimelineEntry> timeline,
    List<Attachment> attachments,
    String followUpOf,
    String followUpKind,
    String parentIncidentNumber,
    String problemNumber) {

  /**
   * A file kept with the incident, such as an attachment of the caller's mail.
   *
   * @param url where it is downloaded, with the incident's read rule
   */
  public record Attachment(long id, String fileName, String contentType, long size, Instant at, String url) {
  }

  /**
   * A resolution given to the incident and the caller's answer to it.
   *
   * @param answer {@code accepted}, {@code rejected} (the incident was reopened), {@code auto-closed} (nobody
   *     answered within the auto-close period) or {@code pending}
   * @param comment the caller's words with the answer, e.g. why the resolution did not help
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Resolution(Instant at, String code, String notes, String resolvedBy, String answer,
      Instant answeredAt, String comment) {
  }

  /**
   * Something that happened to the incident: a status change, an assignment (to a group, or an agent
   * taking a step), a comment (the caller's, an agent's to the caller, monitoring's), a work note, a
   * notification or an alert. Only the fields of its type are there.
   *
   * @param type {@code status}, {@code assignment}, {@code comment}, {@code note}, {@code notification} or
   *     {@code alert}
   * @param summary what happened, in a line
   * @param author a comment's author: {@code caller}, {@code agent} or {@code monitoring}
   * @param by who wrote a comment or note: the user or client that sent it
   * @param visibility a comment's or note's readers: {@code internal} (the staff) or {@code caller}
   * @param event a notification's event, e.g. {@code RESOLVED}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TimelineEntry(Instant at, String type, String summary, String status, String assignmentGroup,
      String assignee, String author, String by, String text, String event, List<String> recipients,
      String visibility) {

    /** An entry with a type and a summary only (what other features contribute, such as alerts). */
    public static TimelineEntry of(Instant at, String type, String summary) {
      return new TimelineEntry(at, type, summary, null, null, null, null, null, null, null, null, null);
    }
  }
}
