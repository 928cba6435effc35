package io.incidentflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.incidentflow.DecisionTables;
import java.io.IOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code dmn/IncidentEscalation.dmn} rule by rule (FIRST hit: the table is read top-down): what each
 * SLA threshold does by priority and escalation level.
 */
class IncidentEscalationDecisionTest {

  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    decision = DecisionTables.parse("IncidentEscalation");
  }

  @ParameterizedTest(name = "{0} {1}, P{2}, level {3} -> assignee {4}, lead {5}, incident-managers {6}")
  @CsvSource({
      // Rule_ResponseBreachCriticalHigh
      "response,   breach,  1, 0, true, true,  true",
      "response,   breach,  2, 1, true, true,  true",
      // Rule_ResponseBreachOther
      "response,   breach,  3, 0, true, true,  false",
      "response,   breach,  5, 2, true, true,  false",
      // Rule_ResolutionWarningCriticalHigh
      "resolution, warning, 1, 0, true, true,  false",
      "resolution, warning, 2, 1, true, true,  false",
      // Rule_ResolutionWarningOther
      "resolution, warning, 3, 0, true, false, false",
      "resolution, warning, 5, 1, true, false, false",
      // Rule_ResolutionBreachUpToModerate
      "resolution, breach,  1, 1, true, true,  true",
      "resolution, breach,  3, 0, true, true,  true",
      // Rule_ResolutionBreachAlreadyEscalated
      "resolution, breach,  4, 1, true, true,  true",
      "resolution, breach,  5, 2, true, true,  true",
      // Rule_ResolutionBreachLow
      "resolution, breach,  4, 0, true, true,  false",
      "resolution, breach,  5, 0, true, true,  false"
  })
  void decidesEachThreshold(String slaType, String threshold, int priority, int level, boolean assignee,
      boolean lead, boolean raise) {
    DmnDecisionTableResult result = evaluate(slaType, threshold, priority, level);

    assertThat(result.getFirstResult().getEntryMap()).containsOnly(entry("notifyAssignee", assignee),
        entry("notifyGroupLead", lead), entry("raiseToIncidentManagers", raise));
  }

  @Test
  void holdsSevenRules() throws IOException {
    assertThat(DecisionTables.rules("IncidentEscalation")).hasSize(7);
  }

  @Test
  void knowsNoResponseWarning() {
    assertThat(evaluate("response", "warning", 1, 0)).isEmpty();
  }

  private static DmnDecisionTableResult evaluate(String slaType, String threshold, int priority, int level) {
    return DecisionTables.ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("slaType", slaType).putValue("slaThreshold", threshold).putValue("priority", priority)
        .putValue("escalationLevel", level));
  }
}
