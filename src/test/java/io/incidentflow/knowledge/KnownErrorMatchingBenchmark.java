package io.incidentflow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
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
 * How matching performs with {@value #KNOWN_ERRORS} active known errors spread over the service catalog and the
 * categories: prints the first and the median time of matching an incident, and how many known errors the
 * database's prefilter handed to the scoring. A measurement, not a test of speed: it only checks that a known
 * error written for the incident's words comes first. Run with
 * {@code mvn -Pbenchmark test -Dtest=KnownErrorMatchingBenchmark} (H2) or with {@code -Pbenchmark,postgres}.
 */
@Tag("benchmark")
@IncidentFlowTest
class KnownErrorMatchingBenchmark extends IncidentFlowTestBase {

  static final int KNOWN_ERRORS = 20_000;
  private static final int RUNS = 50;
  private static final String PREFIX = "PRB8";
  private static final String[] SERVICES = {"email", "vpn", "network", "erp", "crm", "website", "database",
      "workstation", "printing", "identity", "other"};
  private static final String[] CATEGORIES = {"security", "network", "software", "database", "hardware", "access",
      "monitoring", "inquiry"};
  private static final String[] VOCABULARY = ("client server login password timeout crash freeze slow error screen"
      + " printer toner paper queue driver update install license certificate expired proxy firewall tunnel gateway"
      + " invoice export report dashboard session cookie browser mobile laptop dock monitor keyboard mailbox calendar"
      + " search index backup restore replication disk memory cpu latency packet dns dhcp wifi cable port switch")
      .split(" ");

  @Autowired
  KnownErrorMatcher matcher;
  @Autowired
  DataSource dataSource;

  @Test
  void matchesAnIncidentAmong20000KnownErrors() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Random random = new Random(42);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < KNOWN_ERRORS; i++) {
      String text = String.join(" ", words(random, 8));
      rows.add(new Object[] {String.format("%s%06d", PREFIX, i), "Known error " + i, text, "Restart it.",
          "," + SERVICES[random.nextInt(SERVICES.length)] + ",", CATEGORIES[random.nextInt(CATEGORIES.length)],
          " " + Words.line(text + " Known error restart") + " ", Timestamp.from(Instant.now())});
    }
    jdbc.batchUpdate("INSERT INTO knowledge_article (kind, reference, title, symptom, workaround, services, category,"
        + " words, active, created_by, created_at) VALUES ('known-error', ?, ?, ?, ?, ?, ?, ?, TRUE, 'benchmark', ?)",
        rows);
    jdbc.update("INSERT INTO knowledge_article (kind, reference, title, symptom, workaround, services, category, words,"
        + " active, created_by, created_at) VALUES ('known-error', 'PRB8999999', 'Tunnel drops behind the proxy',"
        + " 'The vpn tunnel drops behind the hotel proxy', 'Use the TCP profile.', ',vpn,', 'network',"
        + " ' behind drop hotel profile proxy tcp tunnel vpn ', TRUE, 'benchmark', ?)", Timestamp.from(Instant.now()));
    int candidates = jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_article WHERE active = TRUE AND kind ="
        + " 'known-error' AND (services LIKE '%,vpn,%' OR category = 'network')", Integer.class);

    long[] nanos = new long[RUNS];
    List<KnownErrorMatcher.Match> matches = List.of();
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      matches = matcher.match("vpn", "network", "VPN tunnel drops every time I am behind the hotel proxy");
      nanos[run] = System.nanoTime() - start;
    }

    long first = nanos[0];
    Arrays.sort(nanos);
    System.out.printf("KnownErrorMatchingBenchmark: %d known errors, %d after the prefilter; first %.1f ms,"
        + " median %.1f ms, slowest %.1f ms%n", KNOWN_ERRORS + 1, candidates, first / 1e6, nanos[RUNS / 2] / 1e6,
        nanos[RUNS - 1] / 1e6);
    assertThat(matches).first().extracting(KnownErrorMatcher.Match::problemNumber).isEqualTo("PRB8999999");
  }

  @AfterEach
  void removeTheKnownErrors() {
    new JdbcTemplate(dataSource).update("DELETE FROM knowledge_article WHERE created_by = 'benchmark'");
  }

  private static List<String> words(Random random, int count) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      words.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
    }
    return words;
  }
}
