package io.incidentflow.summary;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.ASSIGNMENT_GROUP;
import static io.incidentflow.incident.IncidentVariables.CALLER_EMAIL;
import static io.incidentflow.incident.IncidentVariables.CALLER_NAME;
import static io.incidentflow.incident.IncidentVariables.CATEGORY;
import static io.incidentflow.incident.IncidentVariables.CHANNEL;
import static io.incidentflow.incident.IncidentVariables.PRIORITY_LABEL;
import static io.incidentflow.incident.IncidentVariables.REPORTED_AT;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_DUE;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_DUE;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;
import static io.incidentflow.incident.IncidentVariables.STATUS;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.sla.SlaCalendars;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The read model of the incident lists, table {@code incident_summary}: one row per incident, written
 * from the incident's variables in the transaction that changes its status ({@link IncidentSummaryObserver}),
 * read page by page through indexes that end in the incident number, newest first.
 */
@Repository
public class IncidentSummaries {

  private static final String COLUMNS = "incident_number, status, priority, priority_label, category, assignment_group,"
      + " short_description, caller_name, affected_service, channel, reported_at, response_due, resolution_due, updated_at";

  /** The dashboard's columns, in the order of {@link DashboardFacts}. */
  private static final String FIGURES = "acknowledged_at, acknowledge_seconds, resolved_at, resolve_seconds, closed_at,"
      + " response_breached, response_breached_at, resolution_breached, resolution_breached_at, response_outcome_at,"
      + " resolution_outcome_at, on_hold_seconds, resolution_paused, resolution_50_at, resolution_75_at,"
      + " resolution_90_at, reopen_count, reassignment_count, first_contact";
  /** Rows written with the dashboard's columns; rows below it are filled by {@link ReadModelBackfill}. */
  static final int FIGURES_VERSION = 1;

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final SlaCalendars calendars;

  public IncidentSummaries(DataSource dataSource, SlaCalendars calendars) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.calendars = calendars;
  }

  /**
   * What a list may be filtered by; an empty list does not filter. {@code text} (may be null) is found in
   * the number, the caller's name or e-mail or the short description, in any case. {@code visibleTo} (null:
   * every incident) keeps the incidents assigned to one of those groups.
   */
  public record Filter(List<String> statuses, List<Integer> priorities, List<String> assignmentGroups, String text,
      List<String> visibleTo) {

    public Filter(List<String> statuses, List<Integer> priorities, List<String> assignmentGroups) {
      this(statuses, priorities, assignmentGroups, null, null);
    }
  }

  /**
   * Writes the row of the incident whose variables {@code scope} sees, creating it on the first call. A
   * variable that is not (or no longer) there keeps the value the row has.
   */
  public void record(VariableScope scope, String processInstanceId) {
    record(IncidentData.of(scope), processInstanceId);
  }

  /**
   * Writes the row of {@code incident}: what lists show, as {@link #record(VariableScope, String)} says, and
   * the dashboard's figures, derived anew from the variables each time ({@link DashboardFacts}).
   */
  public void record(IncidentData incident, String processInstanceId) {
    String incidentNumber = incident.number();
    if (incidentNumber == null) {
      return;
    }
    Timestamp now = Timestamp.from(EngineClock.now());
    DashboardFacts facts = DashboardFacts.of(incident, calendars);
    Object[] values = {incident.text(STATUS), incident.priority(), incident.text(PRIORITY_LABEL),
        incident.text(CATEGORY), incident.text(ASSIGNMENT_GROUP), incident.text(AFFECTED_SERVICE),
        incident.text(CHANNEL), incident.text(SHORT_DESCRIPTION), timestamp(incident.instant(RESPONSE_DUE)),
        timestamp(incident.instant(RESOLUTION_DUE)), incident.text(CALLER_NAME), incident.text(CALLER_EMAIL),
        timestamp(facts.acknowledgedAt()), facts.acknowledgeSeconds(), timestamp(facts.resolvedAt()),
        facts.resolveSeconds(), timestamp(facts.closedAt()), facts.responseBreached(),
        timestamp(facts.responseBreachedAt()), facts.resolutionBreached(), timestamp(facts.resolutionBreachedAt()),
        timestamp(facts.responseOutcomeAt()), timestamp(facts.resolutionOutcomeAt()), facts.onHoldSeconds(),
        facts.resolutionPaused(), timestamp(facts.resolution50At()), timestamp(facts.resolution75At()),
        timestamp(facts.resolution90At()), facts.reopenCount(), facts.reassignmentCount(), facts.firstContact()};
    int[] types = {Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR,
        Types.TIMESTAMP, Types.BIGINT, Types.TIMESTAMP, Types.BIGINT, Types.TIMESTAMP, Types.BOOLEAN,
        Types.TIMESTAMP, Types.BOOLEAN, Types.TIMESTAMP, Types.TIMESTAMP, Types.TIMESTAMP, Types.BIGINT,
        Types.BOOLEAN, Types.TIMESTAMP, Types.TIMESTAMP, Types.TIMESTAMP, Types.INTEGER, Types.INTEGER,
        Types.BOOLEAN};
    int updated = jdbc.update("UPDATE incident_summary SET status = COALESCE(?, status),"
            + " priority = COALESCE(?, priority), priority_label = COALESCE(?, priority_label),"
            + " category = COALESCE(?, category), assignment_group = COALESCE(?, assignment_group),"
            + " affected_service = COALESCE(?, affected_service), channel = COALESCE(?, channel),"
            + " short_description = COALESCE(?, short_description), response_due = COALESCE(?, response_due),"
            + " resolution_due = COALESCE(?, resolution_due), caller_name = COALESCE(?, caller_name),"
            + " caller_email = COALESCE(?, caller_email), " + FIGURES.replace(",", " = ?,") + " = ?,"
            + " figures_version = " + FIGURES_VERSION + ", updated_at = ? WHERE incident_number = ?",
        append(values, now, incidentNumber), append(types, Types.TIMESTAMP, Types.VARCHAR));
    if (updated == 0) {
      jdbc.update("INSERT INTO incident_summary (status, priority, priority_label, category, assignment_group,"
              + " affected_service, channel, short_description, response_due, resolution_due, caller_name,"
              + " caller_email, " + FIGURES + ", updated_at, incident_number, process_instance_id, reported_at,"
              + " figures_version) VALUES (" + "?, ".repeat(values.length + 4) + FIGURES_VERSION + ")",
          append(values, now, incidentNumber, processInstanceId, timestamp(incident.instant(REPORTED_AT))),
          append(types, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP));
    }
  }

  /** The row of one incident. */
  public Optional<IncidentSummary> find(String incidentNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM incident_summary WHERE incident_number = ?",
        IncidentSummaries::summary, incidentNumber).stream().findFirst();
  }

  /** Page {@code page} (from 0) of {@code size} incidents that pass {@code filter}, newest first. */
  public ListPage<IncidentSummary> find(Filter filter, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    List<String> conditions = new ArrayList<>();
    condition(conditions, parameters, "status", filter.statuses());
    condition(conditions, parameters, "priority", filter.priorities());
    condition(conditions, parameters, "assignment_group", filter.assignmentGroups());
    if (filter.visibleTo() != null) {
      conditions.add(filter.visibleTo().isEmpty() ? "1 = 0" : "assignment_group IN (:visibleTo)");
      parameters.addValue("visibleTo", filter.visibleTo());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      conditions.add("(LOWER(incident_number) LIKE :text ESCAPE '!' OR LOWER(caller_name) LIKE :text ESCAPE '!'"
          + " OR LOWER(caller_email) LIKE :text ESCAPE '!' OR LOWER(short_description) LIKE :text ESCAPE '!')");
      parameters.addValue("text", "%" + likeLiteral(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    Long total = named.queryForObject("SELECT COUNT(*) FROM incident_summary" + where, parameters, Long.class);
    parameters.addValue("limit", size).addValue("offset", (long) page * size);
    List<IncidentSummary> items = named.query("SELECT " + COLUMNS + " FROM incident_summary" + where
        + " ORDER BY incident_number DESC LIMIT :limit OFFSET :offset", parameters, IncidentSummaries::summary);
    return new ListPage<>(items, page, size, total == null ? 0 : total);
  }

  private static void condition(List<String> conditions, MapSqlParameterSource parameters, String column,
      List<?> values) {
    if (!values.isEmpty()) {
      conditions.add(column + " IN (:" + column + ")");
      parameters.addValue(column, values);
    }
  }

  private static IncidentSummary summary(ResultSet rs, int row) throws SQLException {
    return new IncidentSummary(rs.getString("incident_number"), rs.getString("status"),
        rs.getObject("priority", Integer.class), rs.getString("priority_label"), rs.getString("category"),
        rs.getString("assignment_group"), rs.getString("short_description"), rs.getString("caller_name"),
        rs.getString("affected_service"),
        rs.getString("channel"), instant(rs.getTimestamp("reported_at")), instant(rs.getTimestamp("response_due")),
        instant(rs.getTimestamp("resolution_due")), instant(rs.getTimestamp("updated_at")));
  }

  /** {@code text} as a literal inside a LIKE pattern with escape character {@code !}. */
  private static String likeLiteral(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Object[] append(Object[] values, Object... more) {
    Object[] all = Arrays.copyOf(values, values.length + more.length);
    System.arraycopy(more, 0, all, values.length, more.length);
    return all;
  }

  private static int[] append(int[] types, int... more) {
    int[] all = Arrays.copyOf(types, types.length + more.length);
    System.arraycopy(more, 0, all, types.length, more.length);
    return all;
  }
}
