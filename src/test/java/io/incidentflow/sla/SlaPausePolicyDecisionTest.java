package io.incidentflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.DecisionTables;
import java.io.IOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code dmn/SlaPausePolicy.dmn} rule by rule: which on-hold reasons stop the resolution clock. */
class SlaPausePolicyDecisionTest {

  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    decision = DecisionTables.parse("SlaPausePolicy");
  }

  @ParameterizedTest(name = "{0} -> pause: {1}")
  @CsvSource({
      "awaiting-caller, true",
      "awaiting-vendor, true",
      "awaiting-change, true",
      "awaiting-problem, false",
      "awaiting-lunch, false"
  })
  void decidesPerReason(String reason, boolean pause) {
    assertThat(pause(reason)).isEqualTo(pause);
  }

  @Test
  void anIncidentWithoutReason_keepsItsClockRunning() {
    assertThat(pause(null)).isFalse();
  }

  @Test
  void holdsARulePerReason_andTheDefault() throws IOException {
    assertThat(DecisionTables.rules("SlaPausePolicy")).hasSize(5);
  }

  private static Boolean pause(String reason) {
    return DecisionTables.ENGINE.evaluateDecisionTable(decision, Variables.createVariables().putValue("onHoldReason", reason))
        .getSingleResult().getEntry("pauseResolutionClock");
  }
}
