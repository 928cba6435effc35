package io.incidentflow.triage;

import static io.incidentflow.incident.IncidentVariables.IMPACT;
import static io.incidentflow.incident.IncidentVariables.PRIORITY;
import static io.incidentflow.incident.IncidentVariables.PRIORITY_LABEL;
import static io.incidentflow.incident.IncidentVariables.TASK_PRIORITY;
import static io.incidentflow.incident.IncidentVariables.URGENCY;
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
 * Checks {@code dmn/IncidentPriority.dmn} cell by cell against the ITIL priority matrix of DESIGN.md,
 * on Camunda's standalone DMN engine (the same FEEL engine the process engine uses).
 */
class IncidentPriorityDecisionTest {

  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    decision = DecisionTables.parse("IncidentPriority");
  }

  /** The task priority orders Tasklist, highest first: P1 on top. */
  @ParameterizedTest(name = "impact {0}, urgency {1} -> {2} {3}, task priority {4}")
  @CsvSource({
      "high,   high,   1, Critical, 100",
      "high,   medium, 2, High,     80",
      "high,   low,    3, Moderate, 60",
      "medium, high,   2, High,     80",
      "medium, medium, 3, Moderate, 60",
      "medium, low,    4, Low,      40",
      "low,    high,   3, Moderate, 60",
      "low,    medium, 4, Low,      40",
      "low,    low,    5, Planning, 20"
  })
  void givesThePriorityOfTheMatrixCell(String impact, String urgency, int priority, String priorityLabel,
      int taskPriority) {
    DmnDecisionTableResult result = evaluate(impact, urgency);

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap())
        .containsOnly(entry(PRIORITY, priority), entry(PRIORITY_LABEL, priorityLabel), entry(TASK_PRIORITY, taskPriority));
  }

  @Test
  void holdsExactlyTheNineCellsOfTheMatrix() throws IOException {
    // An extra rule would never show up in the cell tests above, only as a surprise for odd input.
    assertThat(DecisionTables.rules("IncidentPriority")).hasSize(9);
  }

  /** Values off the scale must not be guessed into a priority: triage has to correct them. */
  @ParameterizedTest(name = "impact {0}, urgency {1} -> no result")
  @CsvSource(nullValues = "null", value = {
      "critical, high",
      "high,     asap",
      "High,     high",
      "null,     high",
      "medium,   null",
      "null,     null"
  })
  void givesNoResultForValuesOffTheScale(String impact, String urgency) {
    assertThat(evaluate(impact, urgency)).isEmpty();
  }

  private static DmnDecisionTableResult evaluate(String impact, String urgency) {
    return DecisionTables.ENGINE.evaluateDecisionTable(decision,
        Variables.createVariables().putValue(IMPACT, impact).putValue(URGENCY, urgency));
  }
}
