package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.REVIEW_DAYS;
import static io.incidentflow.major.MajorIncidentVariables.REVIEW_DUE;
import static io.incidentflow.major.MajorIncidentVariables.REVIEW_WITHIN_DAYS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_CODE;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_NOTES;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentProcess;
import io.incidentflow.major.PostIncidentReview.TimelineEntry;
import io.incidentflow.sla.BusinessHoursCalendar;
import io.incidentflow.sla.SlaCalendars;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Post-incident reviews: when one is due (PostIncidentReviewDue's days, counted in calendar days or in the SLA's
 * business-hours calendar's working days), the timeline that prefills it from the history, and the stored
 * documents (table {@code post_incident_review}). The model calls it as {@code majorIncidentReviews}.
 */
@Component("majorIncidentReviews")
public class MajorIncidentReviews {

  static final String BUSINESS_DAYS = "business-days";
  /** A text variable holds 4,000 characters: the timeline the review form shows fits, and each line of a long one. */
  static final int TIMELINE_MAX = 4000;
  static final int TIMELINE_LINE_MAX = 300;
  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final SlaCalendars calendars;
  private final HistoryService history;
  private final MajorIncidentRoles roles;
  private final MajorIncidentChildren children;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public MajorIncidentReviews(SlaCalendars calendars, HistoryService history, MajorIncidentRoles roles,
      MajorIncidentChildren children, DataSource dataSource, ObjectMapper json) {
    this.calendars = calendars;
    this.history = history;
    this.roles = roles;
    this.children = children;
    this.jdbc = new JdbcTemplate(dataSource);
    this.json = json;
  }

  /** On the flow from PostIncidentReviewDue to the review task: {@code reviewDue}, the task's due date. */
  public void schedule(DelegateExecution execution) {
    int days = ((Number) execution.getVariable(REVIEW_WITHIN_DAYS)).intValue();
    Instant now = EngineClock.now();
    Instant due = BUSINESS_DAYS.equals(execution.getVariable(REVIEW_DAYS))
        ? calendars.named(BusinessHoursCalendar.NAME).filter(BusinessHoursCalendar.class::isInstance)
            .map(BusinessHoursCalendar.class::cast).orElseThrow().addWorkingDays(now, days)
        : now.plus(java.time.Duration.ofDays(days));
    execution.setVariable(REVIEW_DUE, Date.from(due));
  }

  /**
   * The major incident's history, oldest first: the incident's report, the major incident raised and declared,
   * every role change, every stakeholder update, the incidents linked and unlinked, the resolution.
   */
  public List<TimelineEntry> timeline(DelegateExecution major) {
    String number = major.getProcessBusinessKey();
    String majorProcessInstanceId = major.getProcessInstanceId();
    List<TimelineEntry> entries = new ArrayList<>();
    HistoricProcessInstance incident = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(IncidentProcess.KEY).processInstanceBusinessKey(number).singleResult();
    if (incident != null) {
      entries.add(new TimelineEntry(incident.getStartTime().toInstant(), "Incident " + number + " reported"));
    }
    history.createHistoricDetailQuery().processInstanceId(majorProcessInstanceId).variableUpdates()
        .orderByTime().asc().list().stream().map(HistoricVariableUpdate.class::cast)
        .forEach(update -> describe(update).ifPresent(what -> entries.add(
            new TimelineEntry(update.getTime().toInstant(), what))));
    roles.of(number).forEach(change -> entries.add(new TimelineEntry(change.changedAt(),
        change.from() == null ? change.role() + ": " + change.to() + " (by " + change.changedBy() + ")"
            : change.role() + ": " + change.from() + " -> " + change.to() + " (by " + change.changedBy() + ")")));
    children.of(number).forEach(link -> {
      entries.add(new TimelineEntry(link.linkedAt(), "Linked " + link.childNumber() + " (by " + link.linkedBy() + ")"));
      if (link.unlinkedAt() != null) {
        entries.add(new TimelineEntry(link.unlinkedAt(), "Unlinked " + link.childNumber() + " (by "
            + link.unlinkedBy() + ")"));
      }
    });
    // From the variables, not the history: the resolution happened in this very transaction, not written yet.
    Instant resolved = IncidentData.of(major).instant(MajorIncidentVariables.RESOLVED_AT);
    if (resolved != null) {
      entries.add(new TimelineEntry(resolved, "Major incident resolved (" + major.getVariable(RESOLUTION_CODE) + "): "
          + major.getVariable(RESOLUTION_NOTES)));
    }
    entries.sort(Comparator.comparing(TimelineEntry::at));
    return entries;
  }

  private static Optional<String> describe(HistoricVariableUpdate update) {
    Object value = update.getValue();
    return Optional.ofNullable(switch (update.getVariableName()) {
      case MajorIncidentVariables.RAISED_BY -> "Major incident raised by " + value;
      case MajorIncidentVariables.DECLARED_BY -> "Major incident declared (" + value + ")";
      case MajorIncidentVariables.STAKEHOLDER_UPDATE -> "Stakeholder update: " + value;
      default -> null;
    });
  }

  /**
   * The timeline as the review form shows it: one line a moment, in the {@value #TIMELINE_MAX} characters a text
   * variable holds. A long one keeps its first moments and its last (the resolution), each line cut to
   * {@value #TIMELINE_LINE_MAX} characters, and says how many moments in between the review document has.
   */
  public static String asText(List<TimelineEntry> timeline) {
    List<String> lines = timeline.stream().map(entry -> "- " + MINUTE.format(entry.at()) + ": " + entry.what())
        .toList();
    String whole = String.join("\n", lines);
    if (whole.length() <= TIMELINE_MAX) {
      return whole;
    }
    List<String> cut = lines.stream().map(line -> line.length() > TIMELINE_LINE_MAX
        ? line.substring(0, TIMELINE_LINE_MAX - 1) + "…" : line).toList();
    String last = cut.get(cut.size() - 1);
    StringBuilder text = new StringBuilder();
    int shown = 0;
    // Room for the last line and the note of what is left out (at most 80 characters).
    while (shown < cut.size() - 1
        && text.length() + cut.get(shown).length() + 1 + last.length() + 80 <= TIMELINE_MAX) {
      text.append(cut.get(shown++)).append("\n");
    }
    int left = cut.size() - 1 - shown;
    if (left > 0) {
      text.append("- … ").append(left).append(left == 1 ? " more moment" : " more moments")
          .append(": the post-incident review document has all\n");
    }
    return text.append(last).toString();
  }

  /** Stores the review; a review written again for the same major incident replaces the earlier one. */
  public void save(PostIncidentReview review) {
    String document;
    try {
      document = json.writeValueAsString(review);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(review.incidentNumber() + ": the review cannot be written as JSON", e);
    }
    jdbc.update("DELETE FROM post_incident_review WHERE incident_number = ?", review.incidentNumber());
    jdbc.update("INSERT INTO post_incident_review (incident_number, held_at, held_by, review) VALUES (?, ?, ?, ?)",
        review.incidentNumber(), Timestamp.from(review.heldAt()), review.heldBy(), document);
  }

  /** The review of major incident {@code number}, once it is held. */
  public Optional<PostIncidentReview> find(String number) {
    return jdbc.queryForList("SELECT review FROM post_incident_review WHERE incident_number = ?", String.class, number)
        .stream().findFirst().map(document -> {
          try {
            return json.readValue(document, PostIncidentReview.class);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(number + ": the stored review cannot be read", e);
          }
        });
  }
}
