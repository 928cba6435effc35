package io.incidentflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.dashboard.DashboardIncidents.Slice;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the manager's dashboard performs with {@value #ROWS} incidents in the read model (one every five
 * minutes over almost three years; the last two weeks' mostly open, older ones mostly closed): prints the
 * first and median time of each figure's queries for 7 days, 30 days and a year, and of the whole
 * dashboard (every figure, one after the other, as one browser would load them on one connection). A
 * measurement, not a test of speed: it only checks the figures add up. Run with {@code mvn -Pbenchmark test}
 * (H2) or {@code mvn -Pbenchmark,postgres test}.
 */
@Tag("benchmark")
@IncidentFlowTest
class DashboardBenchmark extends IncidentFlowTestBase {

  static final int ROWS = 300_000;
  private static final int FIRST = 6_000_000;
  private static final int RUNS = 15;
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant NOW = START.plusSeconds(ROWS * 300L);
  private static final String[] GROUPS = {"service-desk", "network-support", "application-support", "database-support",
      "workplace-support", "security-operations"};
  private static final String[] SERVICES = {"email", "vpn", "network", "erp", "crm", "website", "database",
      "workstation", "printing", "identity", "other"};
  private static final String[] CHANNELS = {"portal", "phone", "email", "chat", "monitoring"};
  private static final String[] CATEGORIES = {"security", "network", "software", "database", "hardware", "access",
      "monitoring", "inquiry"};
  private static final long[] RESOLUTION_TARGET_HOURS = {4, 8, 24, 40, 80};

  @Autowired
  DashboardFigures figures;
  @Autowired
  SlaCompliance compliance;
  @Autowired
  DashboardIncidents listed;
  @Autowired
  DataSource dataSource;

  @Test
  void dashboard_with300kIncidents() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long loading = System.nanoTime();
    insertIncidents(jdbc);
    String database = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
    jdbc.execute(database.contains("PostgreSQL") ? "VACUUM ANALYZE incident_summary" : "ANALYZE");
    System.out.printf("%ndashboard: %d incidents inserted and analyzed in %d ms (%s)%n", ROWS,
        (System.nanoTime() - loading) / 1_000_000, database);

    Map<String, Function<DashboardQuery, Object>> figure = new LinkedHashMap<>();
    figure.put("backlog", figures::backlog);
    figure.put("at-risk", figures::atRisk);
    figure.put("times", figures::times);
    figure.put("sla (with KpiTargets)", compliance::of);
    figure.put("quality", figures::quality);
    figure.put("volume", figures::volume);
    figure.put("incidents behind backlog, page 1", q -> listed.page(q, new Slice("backlog", null, null, null, null), 0, 20));
    for (DashboardQuery query : List.of(query("7d", null, null), query("30d", null, null),
        query("custom", null, "2025-07-21"), query("30d", "network-support", null))) {
      String name = query.period() + (query.groups().isEmpty() ? "" : " group=" + query.groups().get(0))
          + ("custom".equals(query.period()) ? " (a year)" : "");
      System.out.printf(" period %s%n", name);
      figure.forEach((what, compute) -> measure(what, () -> compute.apply(query)));
      measure("whole dashboard (the six figures)", () -> figure.entrySet().stream()
          .filter(e -> !e.getKey().startsWith("incidents")).map(e -> e.getValue().apply(query)).toList());
      assertThat(figures.volume(query).reported()).isPositive();
    }
    DashboardQuery all = query("30d", null, null);
    assertThat(figures.backlog(all).total()).isEqualTo(listed.page(all, new Slice("backlog", null, null, null, null), 0, 1)
        .total());
  }

  @AfterEach
  void removeIncidents() {
    new JdbcTemplate(dataSource).update("DELETE FROM incident_summary WHERE incident_number >= ?", number(FIRST));
  }

  private static DashboardQuery query(String period, String group, String from) {
    return DashboardQuery.parse(period, from, from == null ? null : "2026-07-20",
        group == null ? List.of() : List.of(group), List.of(), List.of(), List.of(), ZoneOffset.UTC, NOW);
  }

  private static void measure(String what, java.util.function.Supplier<Object> query) {
    long[] times = new long[RUNS];
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      query.get();
      times[run] = System.nanoTime() - start;
    }
    long first = times[0];
    Arrays.sort(times);
    System.out.printf("  %-40s first %7.1f ms, median %7.1f ms, max %7.1f ms%n", what, first / 1e6,
        times[RUNS / 2] / 1e6, times[RUNS - 1] / 1e6);
  }

  private static void insertIncidents(JdbcTemplate jdbc) {
    Random random = new Random(42);
    List<Object[]> batch = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      batch.add(row(random, i));
      if (batch.size() == 5_000) {
        insert(jdbc, batch);
        batch.clear();
      }
    }
    insert(jdbc, batch);
  }

  /** One incident: reported every 5 minutes; the last two weeks' mostly open, older ones mostly closed. */
  private static Object[] row(Random random, int i) {
    Instant reported = START.plusSeconds(i * 300L);
    boolean recent = Duration.between(reported, NOW).toDays() < 14;
    int priority = 1 + random.nextInt(5);
    Duration target = Duration.ofHours(RESOLUTION_TARGET_HOURS[priority - 1]);
    int pick = random.nextInt(100);
    String status = recent ? (pick < 10 ? "NEW" : pick < 30 ? "ASSIGNED" : pick < 55 ? "IN_PROGRESS"
        : pick < 65 ? "ON_HOLD" : pick < 75 ? "RESOLVED" : pick < 95 ? "CLOSED" : "CANCELED")
        : (pick < 1 ? "IN_PROGRESS" : pick < 93 ? "CLOSED" : "CANCELED");
    boolean taken = !status.equals("NEW") && !status.equals("ASSIGNED") && !status.equals("CANCELED");
    boolean resolved = status.equals("RESOLVED") || status.equals("CLOSED");
    long ackSeconds = 60 + random.nextInt(3 * 3600);
    long resolveSeconds = ackSeconds + random.nextInt((int) target.toSeconds() * 3 / 2);
    Instant acknowledged = taken ? reported.plusSeconds(ackSeconds) : null;
    Instant resolvedAt = resolved ? reported.plusSeconds(resolveSeconds) : null;
    boolean responseBreached = ackSeconds > 1800 * priority;
    boolean resolutionBreached = resolved && resolveSeconds > target.toSeconds();
    boolean open = !resolved && !status.equals("CANCELED");
    boolean paused = status.equals("ON_HOLD") && random.nextBoolean();
    int reopen = random.nextInt(20) == 0 ? 1 : 0;
    return new Object[] {number(FIRST + i), "benchmark-" + i, ts(reported), ts(reported), status, priority,
        CATEGORIES[random.nextInt(CATEGORIES.length)], GROUPS[random.nextInt(GROUPS.length)],
        SERVICES[random.nextInt(SERVICES.length)], CHANNELS[random.nextInt(CHANNELS.length)], "Benchmark incident " + i,
        ts(reported.plus(target)), ts(acknowledged), taken ? ackSeconds : null, ts(resolvedAt),
        resolved ? resolveSeconds : null, status.equals("CLOSED") ? ts(resolvedAt.plus(Duration.ofDays(1))) : null,
        taken && responseBreached, taken && responseBreached ? ts(reported.plusSeconds(1800L * priority)) : null,
        resolutionBreached, resolutionBreached ? ts(reported.plus(target)) : null,
        taken ? ts(acknowledged) : null, resolved ? ts(resolvedAt) : null, paused ? 3600L : 0L, paused,
        open && !paused ? ts(reported.plus(target.dividedBy(2))) : null,
        open && !paused ? ts(reported.plus(target.multipliedBy(3).dividedBy(4))) : null,
        open && !paused ? ts(reported.plus(target.multipliedBy(9).dividedBy(10))) : null,
        reopen, random.nextInt(4) == 0 ? 1 : 0, resolved && reopen == 0 && random.nextInt(4) == 0};
  }

  private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
    jdbc.batchUpdate("INSERT INTO incident_summary (incident_number, process_instance_id, reported_at, updated_at,"
        + " status, priority, category, assignment_group, affected_service, channel, short_description, resolution_due,"
        + " acknowledged_at, acknowledge_seconds, resolved_at, resolve_seconds, closed_at, response_breached,"
        + " response_breached_at, resolution_breached, resolution_breached_at, response_outcome_at,"
        + " resolution_outcome_at, on_hold_seconds, resolution_paused, resolution_50_at, resolution_75_at,"
        + " resolution_90_at, reopen_count, reassignment_count, first_contact, figures_version)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", batch);
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static String number(int value) {
    return String.format("INC%07d", value);
  }
}
