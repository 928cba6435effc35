package io.incidentflow.mailin;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.DecisionTables;
import java.io.IOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code dmn/ClosedIncidentReply.dmn} rule by rule: what a reply to a closed or canceled incident makes. */
class ClosedIncidentReplyDecisionTest {

  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    decision = DecisionTables.parse(MailIntake.CLOSED_REPLY_DECISION);
  }

  @ParameterizedTest(name = "{0}, {1} days, P{2} -> {3}")
  @CsvSource({
      "CANCELED, 0,  1, new",
      "CLOSED,   7,  2, reopen",
      "CLOSED,   3,  4, reopen",
      "CLOSED,   14, 3, new-linked",
      "CLOSED,   15, 1, new",
      "CLOSED,   8,  2, new-linked",
      "CLOSED,   4,  3, new-linked"
  })
  void decides_ruleByRule(String status, long days, int priority, String action) {
    assertThat(DecisionTables.ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("status", status).putValue("daysSinceClosed", days).putValue("priority", priority))
        .getSingleResult().getEntry("action").toString()).isEqualTo(action);
  }

  @Test
  void everyRuleIsCovered() throws IOException {
    assertThat(DecisionTables.rules(MailIntake.CLOSED_REPLY_DECISION)).hasSize(5);
  }
}
