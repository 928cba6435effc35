package io.incidentflow.mailin;

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

/**
 * {@code dmn/MailReportDefaults.dmn} rule by rule: the subject's words to the affected service ({@code MailService}),
 * the sender's importance and the subject to impact and urgency.
 */
class MailReportDefaultsDecisionTest {

  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    decision = DecisionTables.parse(MailIntake.DEFAULTS_DECISION);
  }

  @ParameterizedTest(name = "subject {0} -> {1}")
  @CsvSource({
      "VPN drops every hour,                vpn",
      "Cannot open my Outlook calendar,     email",
      "Printer on floor 3 jams,             printing",
      "I am locked out of my account,       identity",
      "SAP posting fails,                   erp",
      "CRM shows an error,                  crm",
      "Orders database slow,                database",
      "Website shows old prices,            website",
      "No WiFi in room 2,                   network",
      "Laptop will not boot,                workstation",
      "Something strange,                   other"
  })
  void mapsTheSubjectToTheService_ruleByRule(String subject, String affectedService) {
    assertThat(evaluate(subject, "normal")).containsEntry("affectedService", affectedService);
  }

  @ParameterizedTest(name = "importance {0}, subject {1} -> impact {2}, urgency {3}")
  @CsvSource({
      "high,   VPN outage for all users,  high,   high",
      "normal, Website outage,            high,   medium",
      "normal, URGENT: laptop broken,     medium, high",
      "high,   Laptop broken,             medium, high",
      "low,    Printer toner low,         low,    low",
      "normal, Printer toner low,         low,    medium"
  })
  void decidesImpactAndUrgency_ruleByRule(String importance, String subject, String impact, String urgency) {
    assertThat(evaluate(subject, importance)).containsEntry("impact", impact).containsEntry("urgency", urgency);
  }

  @Test
  void everyRuleIsCovered() throws IOException {
    // 11 service rules and 6 defaults rules, each hit by one case above.
    assertThat(DecisionTables.rules(MailIntake.DEFAULTS_DECISION)).hasSize(17);
  }

  private static Map<String, Object> evaluate(String subject, String importance) {
    return DecisionTables.ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("subject", subject).putValue("importance", importance)).getSingleResult().getEntryMap();
  }
}
