package io.incidentflow.dashboard;

import static io.incidentflow.dashboard.DashboardFigures.filters;
import static io.incidentflow.dashboard.DashboardFigures.inPeriod;
import static io.incidentflow.dashboard.DashboardFigures.parameters;
import static io.incidentflow.dashboard.DashboardFigures.ts;

import io.incidentflow.incident.CodeList;
import io.incidentflow.incident.Codes.Category;
import io.incidentflow.incident.RequestRefusedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The incidents behind a figure of the dashboard, newest first: a manager clicks a cell, a bar or a bucket
 * and sees (or exports) the incidents it counts. Each figure selects exactly as {@link DashboardFigures}
 * counts it.
 */
@Repository
public class DashboardIncidents {

  /** What a list can be behind. */
  public static final List<String> FIGURES = List.of("backlog", "at-risk", "reported", "acknowledged", "resolved",
      "response-breached", "resolution-breached", "first-contact", "reopened");

  private static final String COLUMNS = "incident_number, status, priority, assignment_group, affected_service,"
      + " channel, category, short_description, reported_at, acknowledged_at, resolved_at, closed_at, resolution_due,"
      + " acknowledge_seconds, resolve_seconds, on_hold_seconds, response_breached, resolution_breached, reopen_count,"
      + " reassignment_count, first_contact";

  private final NamedParameterJdbcTemplate jdbc;

  public DashboardIncidents(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  /**
   * Which incidents: a figure and what narrows it ({@code age} of the backlog, {@code bucket} of at risk,
   * {@code category} and {@code day} of the reported or resolved); each may be null.
   */
  public record Slice(String figure, String age, String bucket, String category, String day) {
  }

  /** One incident as the dashboard lists it; durations in working seconds of its SLA calendar. */
  public record Row(String incidentNumber, String status, Integer priority, String assignmentGroup,
      String affectedService, String channel, String category, String shortDescription, Instant reportedAt,
      Instant acknowledgedAt, Instant resolvedAt, Instant closedAt, Instant resolutionDue, Long acknowledgeSeconds,
      Long resolveSeconds, long onHoldSeconds, boolean responseBreached, boolean resolutionBreached, int reopenCount,
      int reassignmentCount, boolean firstContact) {
  }

  /** A page of the list, and how many incidents the slice holds. */
  public record Page(List<Row> items, int page, int size, long total) {
  }

  /**
   * The incidents of a slice in a period, checked: a bad slice fails here, before an export writes its first
   * byte, and the export does not run a query only to find out.
   */
  public record Selection(String where, MapSqlParameterSource parameters) {
  }

  /** The selection of {@code slice} in {@code query}'s period and filters; 400 naming a bad parameter. */
  public Selection select(DashboardQuery query, Slice slice) {
    MapSqlParameterSource parameters = parameters(query);
    return new Selection(where(query, slice, parameters), parameters);
  }

  /** Page {@code page} of {@code size} incidents of {@code slice}. */
  public Page page(DashboardQuery query, Slice slice, int page, int size) {
    return page(select(query, slice), page, size);
  }

  /** Page {@code page} of {@code size} incidents of the selection. */
  public Page page(Selection selection, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource(selection.parameters().getValues());
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM incident_summary WHERE " + selection.where(), parameters,
        Long.class);
    parameters.addValue("limit", size).addValue("offset", (long) page * size);
    List<Row> items = jdbc.query("SELECT " + COLUMNS + " FROM incident_summary WHERE " + selection.where()
        + " ORDER BY incident_number DESC LIMIT :limit OFFSET :offset", parameters, DashboardIncidents::row);
    return new Page(items, page, size, total == null ? 0 : total);
  }

  /** Every incident of the selection, newest first, one at a time (an export: no page held in memory). */
  public void each(Selection selection, Consumer<Row> consumer) {
    jdbc.query("SELECT " + COLUMNS + " FROM incident_summary WHERE " + selection.where()
        + " ORDER BY incident_number DESC", selection.parameters(), rs -> {
          consumer.accept(row(rs, 0));
        });
  }

  private static String where(DashboardQuery query, Slice slice, MapSqlParameterSource parameters) {
    String figure = slice.figure() == null ? "" : slice.figure();
    String where = switch (figure) {
      case "backlog" -> DashboardFigures.OPEN
          + bucket("age", slice.age(), DashboardFigures.AGES, DashboardFigures.AGE_BUCKET, parameters);
      case "at-risk" -> DashboardFigures.RUNNING
          + bucket("bucket", slice.bucket(), DashboardFigures.RISKS, DashboardFigures.RISK_BUCKET, parameters);
      case "reported" -> inPeriod("reported_at") + day("reported_at", slice.day(), query, parameters)
          + category(slice.category(), parameters);
      case "acknowledged" -> inPeriod("acknowledged_at");
      case "resolved" -> inPeriod("resolved_at") + day("resolved_at", slice.day(), query, parameters);
      case "response-breached" -> inPeriod("response_outcome_at") + " AND response_breached = TRUE";
      case "resolution-breached" -> inPeriod("resolution_outcome_at") + " AND resolution_breached = TRUE";
      case "first-contact" -> inPeriod("resolved_at") + " AND first_contact = TRUE";
      case "reopened" -> inPeriod("resolved_at") + " AND reopen_count > 0";
      default -> throw RequestRefusedException.badField("figure", "must be one of " + String.join(", ", FIGURES)
          + " (was '" + figure + "')");
    };
    return where + filters(query, parameters);
  }

  /** The incidents in bucket {@code value} (null: every one) of the figure whose CASE {@code expression} names. */
  private static String bucket(String field, String value, List<String> buckets, String expression,
      MapSqlParameterSource parameters) {
    if (value == null) {
      return "";
    }
    if (!buckets.contains(value)) {
      throw RequestRefusedException.badField(field, "must be one of " + String.join(", ", buckets)
          + " (was '" + value + "')");
    }
    parameters.addValue("bucketValue", value);
    return " AND " + expression + " = :bucketValue";
  }

  private static String day(String column, String day, DashboardQuery query, MapSqlParameterSource parameters) {
    if (day == null) {
      return "";
    }
    try {
      LocalDate date = LocalDate.parse(day);
      parameters.addValue("dayStart", ts(date.atStartOfDay(query.zone()).toInstant()))
          .addValue("dayEnd", ts(date.plusDays(1).atStartOfDay(query.zone()).toInstant()));
      return " AND " + column + " >= :dayStart AND " + column + " < :dayEnd";
    } catch (DateTimeParseException e) {
      throw RequestRefusedException.badField("day", "must be a day as YYYY-MM-DD (was '" + day + "')");
    }
  }

  private static String category(String category, MapSqlParameterSource parameters) {
    if (category == null) {
      return "";
    }
    if (!CodeList.contains(Category.class, category)) {
      throw RequestRefusedException.badField("category", "must be one of "
          + String.join(", ", CodeList.values(Category.class)) + " (was '" + category + "')");
    }
    parameters.addValue("category", category);
    return " AND category = :category";
  }

  private static Row row(ResultSet rs, int index) throws SQLException {
    return new Row(rs.getString("incident_number"), rs.getString("status"), rs.getObject("priority", Integer.class),
        rs.getString("assignment_group"), rs.getString("affected_service"), rs.getString("channel"),
        rs.getString("category"), rs.getString("short_description"), instant(rs.getTimestamp("reported_at")),
        instant(rs.getTimestamp("acknowledged_at")), instant(rs.getTimestamp("resolved_at")),
        instant(rs.getTimestamp("closed_at")), instant(rs.getTimestamp("resolution_due")),
        rs.getObject("acknowledge_seconds", Long.class), rs.getObject("resolve_seconds", Long.class),
        rs.getLong("on_hold_seconds"), rs.getBoolean("response_breached"), rs.getBoolean("resolution_breached"),
        rs.getInt("reopen_count"), rs.getInt("reassignment_count"), rs.getBoolean("first_contact"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
