package io.incidentflow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.DecisionTables;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code dmn/KnownErrorMatching.dmn} rule by rule: the weights known errors are scored with. */
class KnownErrorMatchingDecisionTest {

  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    decision = DecisionTables.parse(KnownErrorMatcher.DECISION);
  }

  @ParameterizedTest(name = "{0}/{1} -> service {2}, category {3}, words {4}, minimum {5}")
  @CsvSource({
      "other, software,   0, 2, 8, 4",
      "other, monitoring, 0, 2, 8, 4",
      "vpn,   monitoring, 4, 1, 4, 5",
      "vpn,   network,    3, 1, 6, 5",
      "erp,   ,           3, 1, 6, 5"
  })
  void weighs(String service, String category, double serviceWeight, double categoryWeight, double wordWeight,
      double minimum) {
    Map<String, Object> weights = DecisionTables.ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("affectedService", service).putValue("category", category)).getSingleResult().getEntryMap();

    assertThat(weights).containsEntry("serviceWeight", serviceWeight).containsEntry("categoryWeight", categoryWeight)
        .containsEntry("wordWeight", wordWeight).containsEntry("minimumScore", minimum)
        .containsEntry("maxSuggestions", 3);
  }

  @Test
  void holdsARulePerCase_andTheDefault() throws IOException {
    assertThat(DecisionTables.rules(KnownErrorMatcher.DECISION)).extracting("id").containsExactly("Rule_UnknownService",
        "Rule_MonitoringAlert", "Rule_AnyIncident");
  }
}
