package io.incidentflow.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.incidentflow.incident.IncidentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's figures, each one or a few aggregate queries over the read model {@code incident_summary}
 * (its columns of Flyway {@code V8}, indexed by the moments the periods select on), never a scan of the
 * engine's history. Durations are working seconds in each incident's SLA calendar, the pauses the SLA
 * excludes left out. What counts in a period:
 * <ul>
 *   <li>backlog and at risk: now, whatever the period;</li>
 *   <li>time to acknowledge: incidents taken in the period; time to resolve, quality: resolved in it;</li>
 *   <li>SLA compliance: incidents whose outcome fell in it (the clock stopped, or, before that, it breached);</li>
 *   <li>volume: incidents reported in it.</li>
 * </ul>
 */
@Repository
public class DashboardFigures {

  /** Age buckets of the backlog, in days since the report. */
  public static final List<String> AGES = List.of("0-1d", "1-3d", "3-7d", "7d+");
  /** Buckets of the share of resolution time used by running clocks. */
  public static final List<String> RISKS = List.of("50-75", "75-90", "90-100", "breached");
  /** How many incidents each at-risk bucket lists, most urgent first. */
  static final int RISK_LISTED = 20;
  private static final int TOP = 10;
  /** What a breakdown shows for an incident without the value. */
  private static final String NONE = "(none)";

  /** The backlog: open incidents. */
  static final String OPEN = "status IN (:open)";
  /** Open incidents whose resolution clock runs and has used half its target or more: at risk. */
  static final String RUNNING = OPEN + " AND resolution_paused = FALSE AND resolution_50_at <= :now";
  /** The {@link #AGES} bucket of an open incident; the list behind a bucket selects on it too. */
  static final String AGE_BUCKET = "CASE WHEN reported_at > :day1 THEN '0-1d' WHEN reported_at > :day3 THEN '1-3d'"
      + " WHEN reported_at > :day7 THEN '3-7d' ELSE '7d+' END";
  /** The {@link #RISKS} bucket of a {@link #RUNNING} incident; the list behind a bucket selects on it too. */
  static final String RISK_BUCKET = "CASE WHEN resolution_breached = TRUE OR resolution_due <= :now"
      + " THEN 'breached' WHEN resolution_90_at <= :now THEN '90-100' WHEN resolution_75_at <= :now THEN '75-90'"
      + " ELSE '50-75' END";

  private final NamedParameterJdbcTemplate jdbc;

  public DashboardFigures(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  /** Open incidents in one group at one priority. */
  public record Cell(String group, Integer priority, long count) {
  }

  /** Incidents in a named bucket. */
  public record Bucket(String bucket, long count) {
  }

  /** The open backlog now: by group and priority, and by age. */
  public record Backlog(long total, List<Cell> cells, List<Bucket> ages) {
  }

  /** An incident listed on the dashboard. */
  public record Listed(String incidentNumber, String shortDescription, Integer priority, String assignmentGroup,
      Instant resolutionDue) {
  }

  /** Running incidents whose resolution clock used a share of its target. */
  public record RiskBucket(String bucket, long count, List<Listed> incidents) {
  }

  /** Running resolution clocks by the share of their target used. */
  public record AtRisk(List<RiskBucket> buckets) {
  }

  /** Mean and 90th percentile of a duration, in seconds; null when count is 0. */
  public record Spread(long count, Long meanSeconds, Long p90Seconds) {
  }

  /** Times to acknowledge and to resolve of one priority or group (the other is null), or overall. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Times(Integer priority, String group, Spread acknowledge, Spread resolve) {
  }

  /** Times to acknowledge and to resolve, by priority, by group and overall. */
  public record TimeFigures(List<Times> byPriority, List<Times> byGroup, Times overall) {
  }

  /** How many SLA outcomes fell in the period, and how many met the target. */
  public record Outcomes(long count, long met) {
  }

  /** SLA outcomes of one group at one priority. */
  public record SlaCell(String group, Integer priority, Outcomes response, Outcomes resolution) {
  }

  /** Resolved in the period: how well. */
  public record Quality(long resolved, long firstContact, long reopened, Double meanReassignments) {
  }

  /** A value and how many incidents have it. */
  public record Count(String value, long count) {
  }

  /** Reported and resolved on one day of the dashboard's time zone. */
  public record Day(LocalDate day, long reported, long resolved) {
  }

  /** Reported in the period: by channel, top services and categories, and day by day with the resolved. */
  public record Volume(long reported, List<Count> channels, List<Count> services, List<Count> categories,
      List<Day> trend) {
  }

  /** The open backlog now, as {@code query}'s filters keep it. */
  public Backlog backlog(DashboardQuery query) {
    MapSqlParameterSource parameters = parameters(query);
    String where = " FROM incident_summary WHERE " + OPEN + filters(query, parameters);
    List<Cell> cells = jdbc.query("SELECT assignment_group, priority, COUNT(*) AS n" + where
        + " GROUP BY assignment_group, priority ORDER BY assignment_group, priority",
        parameters, (rs, i) -> new Cell(rs.getString(1), rs.getObject(2, Integer.class), rs.getLong(3)));
    Map<String, Long> ages = countBy(AGE_BUCKET, where, parameters);
    return new Backlog(cells.stream().mapToLong(Cell::count).sum(), cells,
        AGES.stream().map(a -> new Bucket(a, ages.getOrDefault(a, 0L))).toList());
  }

  /** Running resolution clocks now, by the share of their target used, each bucket's most urgent listed. */
  public AtRisk atRisk(DashboardQuery query) {
    MapSqlParameterSource parameters = parameters(query);
    String where = " FROM incident_summary WHERE " + RUNNING + filters(query, parameters);
    Map<String, Long> counts = countBy(RISK_BUCKET, where, parameters);
    Map<String, List<Listed>> listed = new LinkedHashMap<>();
    parameters.addValue("listed", RISK_LISTED);
    jdbc.query("SELECT * FROM (SELECT incident_number, short_description, priority, assignment_group, resolution_due, "
        + RISK_BUCKET + " AS bucket, ROW_NUMBER() OVER (PARTITION BY " + RISK_BUCKET
        + " ORDER BY resolution_due, incident_number) AS place" + where + ") ranked WHERE place <= :listed"
        + " ORDER BY resolution_due, incident_number", parameters, rs -> {
          listed.computeIfAbsent(rs.getString("bucket"), b -> new ArrayList<>()).add(listed(rs));
        });
    return new AtRisk(RISKS.stream().map(b -> new RiskBucket(b, counts.getOrDefault(b, 0L),
        listed.getOrDefault(b, List.of()))).toList());
  }

  /** How many of the rows {@code where} selects fall in each bucket that {@code bucket} (a CASE) names. */
  private Map<String, Long> countBy(String bucket, String where, MapSqlParameterSource parameters) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query("SELECT bucket, COUNT(*) FROM (SELECT " + bucket + " AS bucket" + where + ") buckets GROUP BY bucket",
        parameters, rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  /** Times to acknowledge (taken in the period) and to resolve (resolved in it). */
  public TimeFigures times(DashboardQuery query) {
    Durations acknowledge = durations(query, "acknowledged_at", "acknowledge_seconds");
    Durations resolve = durations(query, "resolved_at", "resolve_seconds");
    Spread none = new Spread(0, null, null);
    List<Times> byPriority = union(acknowledge.byPriority(), resolve.byPriority()).stream()
        .map(p -> new Times(p, null, spread(acknowledge.byPriority().get(p)), spread(resolve.byPriority().get(p))))
        .toList();
    List<Times> byGroup = union(acknowledge.byGroup(), resolve.byGroup()).stream()
        .map(g -> new Times(null, g, spread(acknowledge.byGroup().get(g)), spread(resolve.byGroup().get(g))))
        .toList();
    return new TimeFigures(byPriority, byGroup, new Times(null, null,
        acknowledge.all().isEmpty() ? none : spread(acknowledge.all()),
        resolve.all().isEmpty() ? none : spread(resolve.all())));
  }

  /** One duration of the period's incidents, each list in ascending order. */
  private record Durations(List<Long> all, Map<Integer, List<Long>> byPriority, Map<String, List<Long>> byGroup) {
  }

  /**
   * The durations in one read of the period, smallest first: the percentiles of every priority and group
   * come from it, where a query per grouping would read the period again for each.
   */
  private Durations durations(DashboardQuery query, String moment, String seconds) {
    MapSqlParameterSource parameters = parameters(query);
    Durations durations = new Durations(new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    jdbc.query("SELECT priority, assignment_group, " + seconds + " FROM incident_summary WHERE " + inPeriod(moment)
        + " AND " + seconds + " IS NOT NULL" + filters(query, parameters) + " ORDER BY " + seconds, parameters, rs -> {
          long value = rs.getLong(3);
          durations.all().add(value);
          durations.byPriority().computeIfAbsent(rs.getObject(1, Integer.class), k -> new ArrayList<>()).add(value);
          durations.byGroup().computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(value);
        });
    return durations;
  }

  /**
   * The mean and the 90th percentile of {@code sorted} (ascending), interpolated between the two nearest
   * values as SQL's {@code PERCENTILE_CONT(0.9)} does; no values: count 0.
   */
  static Spread spread(List<Long> sorted) {
    if (sorted == null || sorted.isEmpty()) {
      return new Spread(0, null, null);
    }
    double sum = 0;
    for (long value : sorted) {
      sum += value;
    }
    double position = (sorted.size() - 1) * 0.9;
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.size() - 1);
    double p90 = sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
    return new Spread(sorted.size(), Math.round(sum / sorted.size()), Math.round(p90));
  }

  /** SLA outcomes that fell in the period, by group and priority. */
  public List<SlaCell> sla(DashboardQuery query) {
    Map<GroupPriority, Outcomes> response = outcomes(query, "response");
    Map<GroupPriority, Outcomes> resolution = outcomes(query, "resolution");
    Outcomes none = new Outcomes(0, 0);
    return union(response, resolution).stream()
        .map(k -> new SlaCell(k.group(), k.priority(), response.getOrDefault(k, none), resolution.getOrDefault(k, none)))
        .toList();
  }

  /** Incidents resolved in the period: at first contact, reopened before, reassignments. */
  public Quality quality(DashboardQuery query) {
    MapSqlParameterSource parameters = parameters(query);
    return jdbc.queryForObject("SELECT COUNT(*), SUM(CASE WHEN first_contact = TRUE THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END), AVG(CAST(reassignment_count AS DOUBLE PRECISION))"
        + " FROM incident_summary WHERE " + inPeriod("resolved_at") + filters(query, parameters), parameters,
        (rs, i) -> new Quality(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4) == null ? null
            : rs.getDouble(4)));
  }

  /** Incidents reported in the period by channel, service and category; reported and resolved per day. */
  public Volume volume(DashboardQuery query) {
    // One read for the three breakdowns: at most channels x services x categories rows.
    Map<String, Long> channels = new LinkedHashMap<>();
    Map<String, Long> services = new LinkedHashMap<>();
    Map<String, Long> categories = new LinkedHashMap<>();
    MapSqlParameterSource parameters = parameters(query);
    jdbc.query("SELECT channel, affected_service, category, COUNT(*) FROM incident_summary WHERE "
        + inPeriod("reported_at") + filters(query, parameters) + " GROUP BY channel, affected_service, category",
        parameters, rs -> {
          long count = rs.getLong(4);
          channels.merge(Objects.toString(rs.getString(1), NONE), count, Long::sum);
          services.merge(Objects.toString(rs.getString(2), NONE), count, Long::sum);
          categories.merge(Objects.toString(rs.getString(3), NONE), count, Long::sum);
        });
    Map<LocalDate, long[]> days = new TreeMap<>();
    for (LocalDate day = query.from().atZone(query.zone()).toLocalDate();
        day.atStartOfDay(query.zone()).toInstant().isBefore(query.to()); day = day.plusDays(1)) {
      days.put(day, new long[2]);
    }
    perHour(query, "reported_at", days, 0);
    perHour(query, "resolved_at", days, 1);
    List<Day> trend = days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    return new Volume(channels.values().stream().mapToLong(Long::longValue).sum(), top(channels, Integer.MAX_VALUE),
        top(services, TOP), top(categories, TOP), trend);
  }

  /** The {@code limit} most frequent values, the most frequent first, equal counts by value. */
  private static List<Count> top(Map<String, Long> counts, int limit) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit).map(e -> new Count(e.getKey(), e.getValue())).toList();
  }

  /** A group at a priority, ordered by group, then priority; a missing value last. */
  private record GroupPriority(String group, Integer priority) implements Comparable<GroupPriority> {

    private static final Comparator<GroupPriority> ORDER = Comparator.comparing(GroupPriority::group,
        Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(GroupPriority::priority,
        Comparator.nullsLast(Comparator.<Integer>naturalOrder()));

    @Override
    public int compareTo(GroupPriority other) {
      return ORDER.compare(this, other);
    }
  }

  private Map<GroupPriority, Outcomes> outcomes(DashboardQuery query, String clock) {
    MapSqlParameterSource parameters = parameters(query);
    Map<GroupPriority, Outcomes> outcomes = new LinkedHashMap<>();
    jdbc.query("SELECT assignment_group, priority, COUNT(*), SUM(CASE WHEN " + clock + "_breached = TRUE THEN 0 ELSE 1 END)"
        + " FROM incident_summary WHERE " + inPeriod(clock + "_outcome_at") + filters(query, parameters)
        + " GROUP BY assignment_group, priority", parameters, rs -> {
          outcomes.put(new GroupPriority(rs.getString(1), rs.getObject(2, Integer.class)),
              new Outcomes(rs.getLong(3), rs.getLong(4)));
        });
    return outcomes;
  }

  /** Counts per hour in the database, so that days fall in the dashboard's time zone, not the database's. */
  private void perHour(DashboardQuery query, String moment, Map<LocalDate, long[]> days, int slot) {
    MapSqlParameterSource parameters = parameters(query);
    jdbc.query("SELECT DATE_TRUNC('HOUR', " + moment + ") AS bucket_hour, COUNT(*) FROM incident_summary WHERE "
        + inPeriod(moment) + filters(query, parameters) + " GROUP BY DATE_TRUNC('HOUR', " + moment + ")",
        parameters, rs -> {
          LocalDate day = rs.getTimestamp(1).toInstant().atZone(query.zone()).toLocalDate();
          long[] counts = days.get(day);
          if (counts != null) {
            counts[slot] += rs.getLong(2);
          }
        });
  }

  /** The parameters every query shares: the period, now, the bounds of the age buckets, the open statuses. */
  static MapSqlParameterSource parameters(DashboardQuery query) {
    Instant now = query.now();
    return new MapSqlParameterSource().addValue("from", ts(query.from())).addValue("to", ts(query.to()))
        .addValue("now", ts(now)).addValue("day1", ts(now.minus(Duration.ofDays(1))))
        .addValue("day3", ts(now.minus(Duration.ofDays(3)))).addValue("day7", ts(now.minus(Duration.ofDays(7))))
        .addValue("open", IncidentStatus.OPEN.stream().map(Enum::name).toList());
  }

  /** {@code column} falls in the period. */
  static String inPeriod(String column) {
    return column + " >= :from AND " + column + " < :to";
  }

  /** The filters of {@code query}, each " AND ..." when set. */
  static String filters(DashboardQuery query, MapSqlParameterSource parameters) {
    StringBuilder sql = new StringBuilder();
    filter(sql, parameters, "assignment_group", "groups", query.groups());
    filter(sql, parameters, "priority", "priorities", query.priorities());
    filter(sql, parameters, "affected_service", "services", query.services());
    filter(sql, parameters, "channel", "channels", query.channels());
    return sql.toString();
  }

  private static void filter(StringBuilder sql, MapSqlParameterSource parameters, String column, String name,
      List<?> values) {
    if (!values.isEmpty()) {
      sql.append(" AND ").append(column).append(" IN (:").append(name).append(')');
      parameters.addValue(name, values);
    }
  }

  /** The keys of both, in their natural order, a null key last. */
  private static <K extends Comparable<K>> List<K> union(Map<K, ?> a, Map<K, ?> b) {
    TreeSet<K> keys = new TreeSet<>(Comparator.nullsLast(Comparator.<K>naturalOrder()));
    keys.addAll(a.keySet());
    keys.addAll(b.keySet());
    return new ArrayList<>(keys);
  }

  private static Listed listed(ResultSet rs) throws SQLException {
    Timestamp due = rs.getTimestamp("resolution_due");
    return new Listed(rs.getString("incident_number"), rs.getString("short_description"),
        rs.getObject("priority", Integer.class), rs.getString("assignment_group"), due == null ? null : due.toInstant());
  }

  static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
