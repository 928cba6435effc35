package io.incidentflow.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.incidentflow.DecisionTables;
import java.io.IOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code dmn/AlertClassification.dmn} rule by rule: the {@code service} label to the affected service
 * ({@code AlertService}), and the {@code severity} label with that service to impact and urgency.
 */
class AlertClassificationDecisionTest {

  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    decision = DecisionTables.parse(AlertIntake.DECISION);
  }

  @ParameterizedTest(name = "service label {0} -> {1}")
  @CsvSource({
      "openvpn-gw,        vpn",
      "Exchange,          email",
      "smtp-relay,        email",
      "core-switch,       network",
      "dns,               network",
      "sap-erp,           erp",
      "crm,               crm",
      "web-frontend,      website",
      "postgres-orders,   database",
      "keycloak,          identity",
      "print-server,      printing",
      "vdi-pool,          workstation",
      "node-exporter,     other",
      "'',                other"
  })
  void mapsTheServiceLabel_ruleByRule(String service, String affectedService) {
    assertThat(evaluate(service, "info").getSingleResult().getEntryMap()).contains(entry("affectedService", affectedService));
  }

  @ParameterizedTest(name = "severity {0} on {1} -> impact {2}, urgency {3}")
  @CsvSource({
      "critical, web-frontend,  high,   high",
      "page,     vpn,           high,   high",
      "critical, node-exporter, medium, high",
      "error,    crm,           medium, medium",
      "warning,  crm,           low,    medium",
      "info,     crm,           low,    low",
      "'',       crm,           medium, medium",
      "bogus,    crm,           medium, medium"
  })
  void mapsTheSeverity_ruleByRule(String severity, String service, String impact, String urgency) {
    assertThat(evaluate(service, severity).getSingleResult().getEntryMap())
        .contains(entry("impact", impact), entry("urgency", urgency));
  }

  @Test
  void holdsTheRulesTestedAbove() throws IOException {
    // 6 severity rules and 11 service rules: a new rule needs a line in the tables above.
    assertThat(DecisionTables.rules(AlertIntake.DECISION)).hasSize(17);
  }

  private static DmnDecisionResult evaluate(String service, String severity) {
    return DecisionTables.ENGINE.evaluateDecision(decision,
        Variables.createVariables().putValue("service", service).putValue("severity", severity));
  }
}
