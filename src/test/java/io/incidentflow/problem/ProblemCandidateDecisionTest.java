package io.incidentflow.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.DecisionTables;
import java.io.IOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code dmn/ProblemCandidate.dmn} rule by rule: when recurring incidents make a problem proposal. */
class ProblemCandidateDecisionTest {

  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    decision = DecisionTables.parse("ProblemCandidate");
  }

  @ParameterizedTest(name = "open problem {0}, {1}/{2}, {3} in 7 days, {4} in 30 days -> propose {5} ({6})")
  @CsvSource({
      "true,  vpn,   network,  9, 20, false, Rule_OpenProblemExists",
      "false, other, software, 9, 20, false, Rule_UnknownService",
      "false, erp,   inquiry,  9, 20, false, Rule_Inquiry",
      "false, vpn,   network,  3,  3, true,  Rule_ThreeInAWeek",
      "false, erp,   software, 2,  5, true,  Rule_FiveInAMonth",
      "false, erp,   software, 2,  4, false, Rule_NoRecurrence",
      "false, vpn,   network,  1,  1, false, Rule_NoRecurrence"
  })
  void decides(boolean openProblem, String service, String category, int week, int month, boolean propose,
      String rule) {
    DmnDecisionTableResult result = DecisionTables.ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("openProblem", openProblem).putValue("affectedService", service).putValue("category", category)
        .putValue("sameIncidents7Days", week).putValue("sameIncidents30Days", month));

    assertThat((Boolean) result.getSingleResult().getEntry("propose")).isEqualTo(propose);
  }

  @Test
  void holdsTheRulesTestedAbove() throws IOException {
    assertThat(DecisionTables.rules("ProblemCandidate")).extracting("id").containsExactly("Rule_OpenProblemExists",
        "Rule_UnknownService", "Rule_Inquiry", "Rule_ThreeInAWeek", "Rule_FiveInAMonth", "Rule_NoRecurrence");
  }
}
