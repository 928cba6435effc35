package io.incidentflow.major;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.DecisionTables;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decisions of major incidents, rule by rule: {@code MajorIncidentTrigger}, {@code CommunicationCadence} (with
 * the {@code CommunicationPhase} it requires), {@code ParentChildSync} and {@code PostIncidentReviewDue}.
 */
class MajorIncidentDecisionsTest {

  private static DmnDecision trigger;
  private static DmnDecision cadence;
  private static DmnDecision sync;
  private static DmnDecision reviewDue;

  @BeforeAll
  static void parseDecisions() throws IOException {
    trigger = DecisionTables.parse("MajorIncidentTrigger");
    cadence = DecisionTables.parse("CommunicationCadence");
    sync = DecisionTables.parse("ParentChildSync");
    reviewDue = DecisionTables.parse("PostIncidentReviewDue");
  }

  @ParameterizedTest(name = "open major {0}, P{1}, {2}, {3} recent on {4} -> {5}")
  @CsvSource({
      // ChildOfOpenMajorIncident: whatever the priority
      "true, 1, monitoring, 9, vpn, propose-child",
      "true, 4, portal, 1, vpn, propose-child",
      // CriticalFromMonitoring
      "false, 1, monitoring, 1, database, declare",
      // Critical
      "false, 1, phone, 1, database, propose",
      // LargeCluster: any priority
      "false, 4, portal, 5, erp, declare",
      // HighCluster
      "false, 2, portal, 3, erp, propose",
      "false, 3, portal, 4, erp, none",
      // HighOnCoreService
      "false, 2, email, 2, email, propose",
      "false, 2, email, 2, identity, propose",
      "false, 2, portal, 2, crm, none",
      "false, 2, portal, 1, network, none",
      // Otherwise
      "false, 3, portal, 1, vpn, none",
      "false, 5, monitoring, 0, printing, none"
  })
  void triggerDecidesPerRule(boolean open, int priority, String channel, int recent, String service, String action) {
    VariableMap input = Variables.createVariables().putValue("majorIncidentOpenOnService", open)
        .putValue("priority", priority).putValue("channel", channel).putValue("recentIncidentsOnService", recent)
        .putValue("affectedService", service);
    assertThat((String) DecisionTables.ENGINE.evaluateDecisionTable(trigger, input).getSingleResult()
        .getEntry("majorIncidentAction")).isEqualTo(action);
  }

  @ParameterizedTest(name = "P{0}, {1} updates, {2} min -> {3}, {4}")
  @CsvSource({
      // CommunicationPhase FirstUpdate -> CommunicationCadence FirstUpdate
      "1, 0, 0, PT5M, stakeholders-and-chat",
      "3, 0, 300, PT5M, stakeholders-and-chat",
      // FirstHours
      "1, 1, 10, PT20M, stakeholders-and-chat",
      "1, 6, 119, PT20M, stakeholders-and-chat",
      // Sustained
      "1, 7, 120, PT1H, stakeholders-and-chat",
      "2, 1, 30, PT30M, stakeholders",
      "4, 3, 90, PT30M, stakeholders",
      "2, 5, 121, PT2H, stakeholders"
  })
  void cadenceDecidesPerPhaseAndPriority(int priority, int posted, int minutes, String interval, String audience) {
    DmnDecisionResultEntries result = DecisionTables.ENGINE.evaluateDecision(cadence, Variables.createVariables()
        .putValue("priority", priority).putValue("updatesPosted", posted).putValue("minutesSinceDeclaration", minutes))
        .getSingleResult();
    assertThat(result.<String>getEntry("updateInterval")).isEqualTo(interval);
    assertThat(result.<String>getEntry("updateAudience")).isEqualTo(audience);
  }

  @ParameterizedTest(name = "{0} of the parent ({3}) to a {1} child -> {2}")
  @CsvSource({
      "resolution, NEW, true,",
      "resolution, ON_HOLD, true,",
      "resolution, RESOLVED, false,",
      "work-note, IN_PROGRESS, true,",
      "work-note, ASSIGNED, true,",
      "work-note, CLOSED, false,",
      "work-note, CANCELED, false,",
      "hold, IN_PROGRESS, true, awaiting-vendor",
      "hold, ASSIGNED, true, awaiting-change",
      "hold, IN_PROGRESS, true, awaiting-problem",
      "hold, IN_PROGRESS, false, awaiting-caller",
      "hold, ASSIGNED, false, awaiting-caller",
      "hold, NEW, false, awaiting-vendor",
      "hold, ON_HOLD, false, awaiting-vendor",
      "hold, RESOLVED, false, awaiting-change"
  })
  void syncDecidesWhatIsCopied(String change, String childStatus, boolean copy, String parentOnHoldReason) {
    assertThat((Boolean) DecisionTables.ENGINE.evaluateDecisionTable(sync, Variables.createVariables()
        .putValue("parentChange", change).putValue("childStatus", childStatus)
        .putValue("parentOnHoldReason", parentOnHoldReason)).getSingleResult()
        .getEntry("copyToChild")).isEqualTo(copy);
  }

  @ParameterizedTest(name = "P{0} -> {1} {2}")
  @CsvSource({
      "1, 3, calendar-days",
      "2, 5, business-days",
      "3, 10, business-days",
      "5, 10, business-days"
  })
  void reviewIsDuePerPriority(int priority, int days, String counted) {
    Map<String, Object> result = DecisionTables.ENGINE.evaluateDecisionTable(reviewDue, Variables.createVariables()
        .putValue("priority", priority)).getSingleResult().getEntryMap();
    assertThat(result).containsEntry("reviewWithinDays", days).containsEntry("reviewDays", counted);
  }

  @Test
  void everyRuleIsCoveredAbove() throws IOException {
    assertThat(DecisionTables.rules("MajorIncidentTrigger")).hasSize(7);
    assertThat(DecisionTables.rules("CommunicationCadence")).hasSize(8);
    assertThat(DecisionTables.rules("ParentChildSync")).hasSize(5);
    assertThat(DecisionTables.rules("PostIncidentReviewDue")).hasSize(3);
  }
}
