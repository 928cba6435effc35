package io.incidentflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Grafana dashboard in {@code docs/grafana} is held to the code: it imports with the Prometheus data
 * source as an input, every metric its PromQL uses is one that {@code /actuator/prometheus} shows, and every
 * {@code incidentflow_*} metric there has a panel.
 */
@IncidentFlowTest
class GrafanaDashboardTest extends IncidentFlowTestBase {

  static final Path DASHBOARD = Path.of("docs/grafana/incident-flow-dashboard.json");
  static final String DATA_SOURCE = "${DS_PROMETHEUS}";

  /** What is no metric name in an expression: label matchers, ranges, grouping clauses, strings. */
  private static final Pattern NOT_NAMES = Pattern.compile("\\{[^}]*}|\\[[^]]*]|\\b(by|without|on|ignoring"
      + "|group_left|group_right)\\s*\\([^)]*\\)|\"[^\"]*\"");
  /** A name not followed by an opening parenthesis (that would be a function or an aggregation). */
  private static final Pattern NAME = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "by", "without");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

  @Autowired
  DashboardMetrics metrics;

  @Test
  void itImports_withThePrometheusDataSourceAsAnInput() throws IOException {
    JsonNode dashboard = read();

    assertThat(dashboard.get("__inputs")).hasSize(1);
    assertThat(dashboard.at("/__inputs/0/name").asText()).isEqualTo("DS_PROMETHEUS");
    assertThat(dashboard.at("/__inputs/0/pluginId").asText()).isEqualTo("prometheus");
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : panels(dashboard)) {
      assertThat(ids.add(panel.get("id").asInt())).as("panel ids are unique: " + panel.get("id")).isTrue();
      assertThat(panel.at("/gridPos/x").asInt() + panel.at("/gridPos/w").asInt()).as(title(panel)).isLessThanOrEqualTo(24);
      if ("row".equals(panel.get("type").asText())) {
        continue;
      }
      assertThat(panel.at("/datasource/uid").asText()).as(title(panel)).isEqualTo(DATA_SOURCE);
      assertThat(panel.get("targets")).as(title(panel)).isNotEmpty();
      for (JsonNode target : panel.get("targets")) {
        assertThat(target.at("/datasource/uid").asText()).as(title(panel)).isEqualTo(DATA_SOURCE);
        assertThat(target.get("expr").asText()).as(title(panel)).isNotBlank();
      }
    }
    assertThat(dashboard.at("/templating/list/0/datasource/uid").asText()).isEqualTo(DATA_SOURCE);
  }

  @Test
  void everyMetricItQueries_isExposed_andEveryIncidentFlowMetricHasAPanel() throws IOException {
    // Every series family shows once there is an open incident and one taken and resolved in the window.
    incidents.report();
    ProcessInstance resolved = incidents.investigating("bob");
    incidents.resolve(resolved, "configuration-change", "Split tunnel re-enabled on the VPN profile.");
    metrics.refresh();
    Set<String> exposed = Scrape.of(http).names();

    Set<String> queried = queriedMetrics(read());

    assertThat(queried).as("the dashboard queries these").contains("incidentflow_backlog", "incidentflow_jobs_failed");
    assertThat(exposed).as("what /actuator/prometheus shows").containsAll(queried);
    Set<String> ours = new TreeSet<>(exposed);
    ours.removeIf(name -> !name.startsWith("incidentflow_"));
    assertThat(queried).as("every incidentflow_* metric has a panel").containsAll(ours);
  }

  @Test
  void theNamesOfAnExpression_leaveOutFunctionsLabelsAndRanges() {
    assertThat(names("sum by (group) (max without (instance) (increase(incidentflow_a_total{group=~\"$group\"}[1h])))"
        + " / on (group) incidentflow_b offset 5m"))
        .containsExactlyInAnyOrder("incidentflow_a_total", "incidentflow_b");
    assertThat(names("time() - min(incidentflow_c_seconds) * 60")).containsExactly("incidentflow_c_seconds");
  }

  private static Set<String> queriedMetrics(JsonNode dashboard) {
    Set<String> names = new TreeSet<>();
    for (JsonNode panel : panels(dashboard)) {
      panel.path("targets").forEach(target -> names.addAll(names(target.get("expr").asText())));
    }
    for (JsonNode variable : dashboard.at("/templating/list")) {
      Matcher metric = LABEL_VALUES.matcher(variable.at("/query/query").asText());
      while (metric.find()) {
        names.add(metric.group(1));
      }
    }
    return names;
  }

  private static Set<String> names(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher name = NAME.matcher(NOT_NAMES.matcher(expression).replaceAll(" "));
    while (name.find()) {
      if (!KEYWORDS.contains(name.group(1))) {
        names.add(name.group(1));
      }
    }
    return names;
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.get("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  private static String title(JsonNode panel) {
    return panel.path("title").asText();
  }

  private static JsonNode read() throws IOException {
    return new ObjectMapper().readTree(DASHBOARD.toFile());
  }
}
