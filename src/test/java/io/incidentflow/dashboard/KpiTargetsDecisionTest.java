package io.incidentflow.dashboard;

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

/** {@code dmn/KpiTargets.dmn} rule by rule: the SLA compliance a manager expects per priority and group. */
class KpiTargetsDecisionTest {

  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    decision = DecisionTables.parse("KpiTargets");
  }

  @ParameterizedTest(name = "P{0} {1} -> response {2} %, resolution {3} %")
  @CsvSource({
      "1, security-operations, 98, 95",
      "2, security-operations, 98, 95",
      "1, network-support, 95, 90",
      "2, service-desk, 95, 90",
      "3, security-operations, 90, 85",
      "3, application-support, 90, 85",
      "4, workplace-support, 85, 80",
      "5, database-support, 80, 75",
  })
  void decidesPerPriorityAndGroup(int priority, String group, double response, double resolution) {
    assertThat(targets(priority, group)).containsEntry("responseTargetPercent", response)
        .containsEntry("resolutionTargetPercent", resolution);
  }

  @Test
  void aCellWithoutPriorityOrGroup_getsTheDefault() {
    assertThat(targets(null, null)).containsEntry("responseTargetPercent", 80.0)
        .containsEntry("resolutionTargetPercent", 75.0);
  }

  @Test
  void holdsARulePerLevel_andTheDefault() throws IOException {
    assertThat(DecisionTables.rules("KpiTargets")).hasSize(5);
  }

  private static Map<String, Object> targets(Integer priority, String group) {
    return DecisionTables.ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("priority", priority).putValue("assignmentGroup", group)).getSingleResult().getEntryMap();
  }
}
