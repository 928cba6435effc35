package io.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.summary.IncidentSummaries.Filter;
import io.incidentflow.summary.IncidentSummaries;
import io.incidentflow.summary.IncidentSummary;
import io.incidentflow.summary.ListPage;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the incident list performs with {@value #ROWS} incidents in the read model: prints the median time
 * of each kind of list query. A measurement, not a test of speed (machines differ): it only checks that
 * the pages are right. Run with {@code mvn -Pbenchmark test} (H2) or {@code mvn -Pbenchmark,postgres test}.
 */
@Tag("benchmark")
@IncidentFlowTest
class IncidentListBenchmark extends IncidentFlowTestBase {

  static final int ROWS = 300_000;
  /** Numbers far above the test incidents', removed afterwards. */
  private static final int FIRST = 5_000_000;
  private static final int RUNS = 25;
  private static final String[] STATUSES = {"NEW", "ASSIGNED", "IN_PROGRESS", "ON_HOLD", "RESOLVED", "CLOSED", "CANCELED"};
  /** Most incidents are long closed, as in a real service desk. */
  private static final int[] STATUS_WEIGHTS = {2, 3, 4, 2, 2, 80, 7};
  private static final String[] LABELS = {"Critical", "High", "Moderate", "Low", "Planning"};
  private static final String[] GROUPS = {"service-desk", "network-support", "application-support", "database-support",
      "workplace-support", "security-operations"};

  @Autowired
  IncidentSummaries summaries;
  @Autowired
  DataSource dataSource;

  @Test
  void listQueries_with300kIncidents() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long loading = System.nanoTime();
    insertIncidents(jdbc);
    String database = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
    // A table that has been in use is analyzed (and, on PostgreSQL, vacuumed) by then; a fresh bulk load is not.
    jdbc.execute(database.contains("PostgreSQL") ? "VACUUM ANALYZE incident_summary" : "ANALYZE");
    System.out.printf("%nread model: %d incidents inserted and analyzed in %d ms (%s)%n", ROWS,
        (System.nanoTime() - loading) / 1_000_000, database);

    measure("newest 20, no filter", new Filter(List.of(), List.of(), List.of()), 0, 20);
    measure("status=NEW", new Filter(List.of("NEW"), List.of(), List.of()), 0, 20);
    measure("status=CLOSED (80%)", new Filter(List.of("CLOSED"), List.of(), List.of()), 0, 20);
    measure("assignmentGroup=network-support&status=ASSIGNED,IN_PROGRESS",
        new Filter(List.of("ASSIGNED", "IN_PROGRESS"), List.of(), List.of("network-support")), 0, 20);
    measure("priority=1&status=NEW,ASSIGNED,IN_PROGRESS,ON_HOLD",
        new Filter(List.of("NEW", "ASSIGNED", "IN_PROGRESS", "ON_HOLD"), List.of(1), List.of()), 0, 20);
    measure("priority=1 (all statuses)", new Filter(List.of(), List.of(1), List.of()), 0, 20);
    measure("page 500 of 20, no filter", new Filter(List.of(), List.of(), List.of()), 500, 20);
  }

  @AfterEach
  void removeIncidents() {
    new JdbcTemplate(dataSource).update("DELETE FROM incident_summary WHERE incident_number >= ?", number(FIRST));
  }

  private void measure(String what, Filter filter, int page, int size) {
    ListPage<IncidentSummary> result = null;
    long[] times = new long[RUNS];
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      result = summaries.find(filter, page, size);
      times[run] = System.nanoTime() - start;
    }
    long first = times[0];
    Arrays.sort(times);
    // The first run is the honest one on H2, which answers a repeated query from its result cache.
    System.out.printf("  %-62s first %7.2f ms, median %6.2f ms (%d items of %d)%n", what, first / 1e6,
        times[RUNS / 2] / 1e6, result.items().size(), result.total());
    assertThat(result.items()).hasSize(size);
    List<String> numbers = result.items().stream().map(IncidentSummary::incidentNumber).toList();
    assertThat(numbers).isSortedAccordingTo((a, b) -> b.compareTo(a));
    result.items().forEach(item -> {
      assertThat(filter.statuses().isEmpty() || filter.statuses().contains(item.status())).isTrue();
      assertThat(filter.priorities().isEmpty() || filter.priorities().contains(item.priority())).isTrue();
      assertThat(filter.assignmentGroups().isEmpty() || filter.assignmentGroups().contains(item.assignmentGroup()))
          .isTrue();
    });
  }

  private static void insertIncidents(JdbcTemplate jdbc) {
    Random random = new Random(42);
    Instant start = Instant.parse("2020-01-01T00:00:00Z");
    List<Object[]> batch = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Timestamp reported = Timestamp.from(start.plusSeconds(i * 300L));
      int priority = 1 + random.nextInt(5);
      batch.add(new Object[] {number(FIRST + i), "benchmark-" + i, reported, reported, status(random), priority,
          LABELS[priority - 1], "network", GROUPS[random.nextInt(GROUPS.length)], "vpn", "portal",
          "Benchmark incident " + i});
      if (batch.size() == 5_000) {
        insert(jdbc, batch);
        batch.clear();
      }
    }
    insert(jdbc, batch);
  }

  private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
    jdbc.batchUpdate("INSERT INTO incident_summary (incident_number, process_instance_id, reported_at, updated_at,"
        + " status, priority, priority_label, category, assignment_group, affected_service, channel, short_description)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
  }

  private static String status(Random random) {
    int pick = random.nextInt(100);
    for (int i = 0; i < STATUSES.length; i++) {
      pick -= STATUS_WEIGHTS[i];
      if (pick < 0) {
        return STATUSES[i];
      }
    }
    return STATUSES[STATUSES.length - 1];
  }

  private static String number(int value) {
    return String.format("INC%07d", value);
  }
}
