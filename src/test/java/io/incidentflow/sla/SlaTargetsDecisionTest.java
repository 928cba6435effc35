package io.incidentflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.incidentflow.DecisionTables;
import java.io.IOException;
import java.time.Duration;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dmn/SlaTargets.dmn} rule by rule: the default targets of the SLA issue, per priority, and the
 * resolution warning at 75% of the target.
 */
class SlaTargetsDecisionTest {

  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    decision = DecisionTables.parse("SlaTargets");
  }

  @ParameterizedTest(name = "P{0} -> respond within {1}, resolve within {2}, {3}, warn at 75%")
  @CsvSource({
      "1, PT15M, PT4H,  24x7",
      "2, PT30M, PT8H,  24x7",
      "3, PT4H,  PT24H, business-hours",
      "4, PT8H,  PT40H, business-hours",
      "5, PT16H, PT80H, business-hours"
  })
  void givesTheTargetsOfEachPriority(int priority, String response, String resolution, String calendar) {
    DmnDecisionTableResult result = evaluate(priority);

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap()).containsOnly(entry("responseTarget", response),
        entry("resolutionTarget", resolution), entry("calendar", calendar), entry("warningPercent", 75));
    // What the SLA clock will parse: ISO-8601 durations, the response due before the resolution.
    assertThat(Duration.parse(response)).isLessThan(Duration.parse(resolution));
  }

  @Test
  void holdsOneRulePerPriority() throws IOException {
    assertThat(DecisionTables.rules("SlaTargets")).hasSize(5);
  }

  @ParameterizedTest(name = "priority {0} -> no targets")
  @ValueSource(ints = {0, 6, -1})
  void givesNoTargetsForAPriorityOffTheScale(int priority) {
    assertThat(evaluate(priority)).isEmpty();
  }

  private static DmnDecisionTableResult evaluate(int priority) {
    return DecisionTables.ENGINE.evaluateDecisionTable(decision, Variables.createVariables().putValue("priority", priority));
  }
}
