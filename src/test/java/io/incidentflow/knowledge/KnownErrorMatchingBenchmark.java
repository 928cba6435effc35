package io.incidentflow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
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
 * database's prefilter handed to the scoring (same service or category, and a word in common). A measurement, not a test of speed: it only checks that a known
 * error written for the incident's words comes first. Run with
 * {@code mvn -Pbenchmark test -Dtest=KnownErrorMatchingBenchmark} (H2) or with {@code -Pbenchmark,postgres}.
 */
@Tag("benchmark")
@IncidentFlowTest
class KnownErrorMatchingBenchmark extends IncidentFlowTestBase {

  static final int KNOWN_ERRORS = 20_000;
  private static final int RUNS = 50;
  private static final String PREFIX = "PRB8";
  private static final String BY = "benchmark";
  private static final String INCIDENT = "VPN tunnel drops every time I am behind the hotel proxy";
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
  KnowledgeArticles articles;
  @Autowired
  DataSource dataSource;

  @Test
  void matchesAnIncidentAmong20000KnownErrors() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Random random = new Random(42);
    for (int i = 0; i < KNOWN_ERRORS; i++) {
      articles.publishKnownError(String.format("%s%06d", PREFIX, i), "Known error " + i,
          String.join(" ", words(random, 8)), null, "Restart it.",
          List.of(SERVICES[random.nextInt(SERVICES.length)]), CATEGORIES[random.nextInt(CATEGORIES.length)], BY);
    }
    articles.publishKnownError("PRB8999999", "Tunnel drops behind the proxy",
        "The vpn tunnel drops behind the hotel proxy", null, "Use the TCP profile.", List.of("vpn"), "network", BY);
    int sameServiceOrCategory = jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_article WHERE active = TRUE AND"
        + " kind = 'known-error' AND (services LIKE '%,vpn,%' OR category = 'network')", Integer.class);
    int candidates = articles.knownErrorsFor("vpn", "network", Words.of(INCIDENT)).size();

    long[] nanos = new long[RUNS];
    List<KnownErrorMatcher.Match> matches = List.of();
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      matches = matcher.match("vpn", "network", INCIDENT);
      nanos[run] = System.nanoTime() - start;
    }

    long[] weighing = new long[RUNS];
    long[] prefiltering = new long[RUNS];
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      matcher.weights("vpn", "network");
      weighing[run] = System.nanoTime() - start;
      start = System.nanoTime();
      articles.knownErrorsFor("vpn", "network", Words.of(INCIDENT));
      prefiltering[run] = System.nanoTime() - start;
    }
    Arrays.sort(weighing);
    Arrays.sort(prefiltering);
    System.out.printf("KnownErrorMatchingBenchmark: of which the decision %.1f ms, the prefilter %.1f ms (medians)%n",
        weighing[RUNS / 2] / 1e6, prefiltering[RUNS / 2] / 1e6);
    long first = nanos[0];
    Arrays.sort(nanos);
    System.out.printf("KnownErrorMatchingBenchmark: %d known errors, %d of the service or category, %d sharing a"
        + " word with the incident; first %.1f ms, median %.1f ms, slowest %.1f ms%n", KNOWN_ERRORS + 1,
        sameServiceOrCategory, candidates, first / 1e6, nanos[RUNS / 2] / 1e6, nanos[RUNS - 1] / 1e6);
    assertThat(matches).first().extracting(KnownErrorMatcher.Match::problemNumber).isEqualTo("PRB8999999");
  }

  @AfterEach
  void removeTheKnownErrors() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("DELETE FROM knowledge_word WHERE article_id IN (SELECT id FROM knowledge_article WHERE created_by = ?)",
        BY);
    jdbc.update("DELETE FROM knowledge_article WHERE created_by = ?", BY);
  }

  private static List<String> words(Random random, int count) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      words.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
    }
    return words;
  }
}
