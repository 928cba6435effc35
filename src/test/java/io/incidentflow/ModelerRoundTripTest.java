package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.dashboard.KpiTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A process owner changes a rule in Camunda Modeler and deploys it: the next incident follows the
 * changed rule, without a restart or a rebuild: the priority matrix, the SLA targets, the pause policy
 * and the escalation rules. The request is the one Modeler sends.
 */
@IncidentFlowTest
class ModelerRoundTripTest extends IncidentFlowTestBase {

  @Autowired
  KpiTargets kpiTargets;

  static final Path PRIORITY_DMN = Path.of("dmn", "IncidentPriority.dmn");
  static final Path SLA_TARGETS_DMN = Path.of("dmn", "SlaTargets.dmn");
  static final Path PAUSE_POLICY_DMN = Path.of("dmn", "SlaPausePolicy.dmn");
  static final Path ESCALATION_DMN = Path.of("dmn", "IncidentEscalation.dmn");
  static final Path KPI_TARGETS_DMN = Path.of("dmn", "KpiTargets.dmn");


  @AfterEach
  void deployTheProjectsRuleAgain() throws IOException {
    // Later tests expect the matrix of DESIGN.md: the project's own file becomes the latest version again.
    assertThat(deploy("paula", PRIORITY_DMN, Files.readString(PRIORITY_DMN)).getStatusCode()).isEqualTo(HttpStatus.OK);
    for (Path rule : List.of(SLA_TARGETS_DMN, PAUSE_POLICY_DMN, ESCALATION_DMN, KPI_TARGETS_DMN)) {
      assertThat(deploy("paula", rule, Files.readString(rule)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    ClockUtil.reset();
  }

  @Test
  void aChangedPriorityMatrixAppliesToTheNextIncident() throws IOException {
    assertThat(prioritize("low", "low")).isEqualTo(5);
    String changed = lowLowIsLow(Files.readString(PRIORITY_DMN));

    ResponseEntity<JsonNode> refused = deploy("alice", PRIORITY_DMN, changed);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(prioritize("low", "low")).isEqualTo(5);

    ResponseEntity<JsonNode> deployed = deploy("paula", PRIORITY_DMN, changed);
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(deployed.getBody().get("deployedDecisionDefinitions")).isNotEmpty();

    assertThat(prioritize("low", "low")).isEqualTo(4);
    assertThat(prioritize("high", "high")).isEqualTo(1);
  }

  @Test
  void aChangedKpiTarget_coloursTheNextDashboard() throws IOException {
    assertThat(kpiTargets.current().of(4, "network-support").response()).isEqualTo(85.0);
    String dmn = Files.readString(KPI_TARGETS_DMN);
    String changed = dmn.replace("<text>85</text>", "<text>70</text>");
    assertThat(changed).isNotEqualTo(dmn);

    assertThat(deploy("paula", KPI_TARGETS_DMN, changed).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(kpiTargets.current().of(4, "network-support").response()).isEqualTo(70.0);
    assertThat(kpiTargets.current().of(3, "network-support").response()).isEqualTo(90.0);
  }

  @Test
  void aChangedSlaTargetAppliesToTheNextIncident() throws IOException {
    assertThat(responseMinutes("high", "high")).isEqualTo(15);
    String dmn = Files.readString(SLA_TARGETS_DMN);
    String changed = dmn.replace("<text>\"PT15M\"</text>", "<text>\"PT10M\"</text>");
    assertThat(changed).isNotEqualTo(dmn);

    assertThat(deploy("paula", SLA_TARGETS_DMN, changed).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(responseMinutes("high", "high")).as("P1 responds within the new 10 minutes").isEqualTo(10);
  }

  @Test
  void aChangedPausePolicyAppliesToTheNextIncident() throws IOException {
    String dmn = Files.readString(PAUSE_POLICY_DMN);
    String vendorTimeCounts = editRule(dmn, "Rule_AwaitingVendor", "<text>true</text>", "<text>false</text>");

    assertThat(deploy("paula", PAUSE_POLICY_DMN, vendorTimeCounts).getStatusCode()).isEqualTo(HttpStatus.OK);

    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", Incidents.vpnReport());
    String triage = tasks.createTaskQuery().processInstanceId(incident.getId()).singleResult().getId();
    tasks.complete(triage, IncidentDriver.ROUTE);
    String investigation = tasks.createTaskQuery().processInstanceId(incident.getId()).singleResult().getId();
    tasks.claim(investigation, "bob");
    tasks.complete(investigation, Map.of("investigationOutcome", "on-hold", "onHoldReason", "awaiting-vendor"));

    assertThat(runtime.getVariable(incident.getId(), "pauseResolutionClock")).isEqualTo(false);
    assertThat(runtime.getVariable(incident.getId(), "resolutionPausedSince")).isNull();
    assertThat(management.createJobQuery().processInstanceId(incident.getId()).activityId("Event_ResolutionWarningDue")
        .active().count()).as("the warning timer runs on").isEqualTo(1);
  }

  @Test
  void aChangedEscalationAppliesToTheNextIncident() throws IOException {
    String dmn = Files.readString(ESCALATION_DMN);
    // The process owner's edit: a late response of a P3 to P5 goes up to the incident managers too.
    String raiseEveryLateResponse = editRule(dmn, "Rule_ResponseBreachOther",
        "<outputEntry id=\"OutputEntry_ResponseBreachOther_RaiseToIncidentManagers\">\n          <text>false</text>",
        "<outputEntry id=\"OutputEntry_ResponseBreachOther_RaiseToIncidentManagers\">\n          <text>true</text>");

    assertThat(deploy("paula", ESCALATION_DMN, raiseEveryLateResponse).getStatusCode()).isEqualTo(HttpStatus.OK);

    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess",
        Incidents.vpnReport("medium", "medium"));
    Job responseDue = management.createJobQuery().processInstanceId(incident.getId()).activityId("Event_ResponseDue")
        .singleResult();
    ClockUtil.setCurrentTime(responseDue.getDuedate());
    management.executeJob(responseDue.getId());

    assertThat(runtime.getVariable(incident.getId(), "escalationLevel")).as("P3 raised").isEqualTo(1);
  }

  /** One rule of a decision table edited as a process owner would in Modeler's table editor. */
  private static String editRule(String dmn, String ruleId, String from, String to) {
    String rule = dmn.substring(dmn.indexOf("<rule id=\"" + ruleId + "\">"));
    rule = rule.substring(0, rule.indexOf("</rule>"));
    String edited = rule.replace(from, to);
    assertThat(edited).as("the edit of %s", ruleId).isNotEqualTo(rule);
    return dmn.replace(rule, edited);
  }

  /** Minutes from the report to responseDue of a new incident. */
  private long responseMinutes(String impact, String urgency) {
    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess",
        Incidents.vpnReport(impact, urgency));
    Date reported = (Date) runtime.getVariable(incident.getId(), "reportedAt");
    Date due = (Date) runtime.getVariable(incident.getId(), "responseDue");
    return Duration.between(reported.toInstant(), due.toInstant()).toMinutes();
  }

  /** The process owner's edit: low impact and low urgency become P4 Low instead of P5 Planning. */
  private static String lowLowIsLow(String dmn) {
    String lowPriority = editRule(dmn, "Rule_LowImpactLowUrgency", "<text>5</text>", "<text>4</text>");
    return editRule(lowPriority, "Rule_LowImpactLowUrgency", "<text>\"Planning\"</text>", "<text>\"Low\"</text>");
  }

  private int prioritize(String impact, String urgency) {
    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess",
        Incidents.vpnReport(impact, urgency));
    return (Integer) runtime.getVariable(incident.getId(), "priority");
  }

  /** What Camunda Modeler sends to /engine-rest/deployment/create when a process owner clicks Deploy. */
  private ResponseEntity<JsonNode> deploy(String user, Path file, String dmn) {
    String fileName = file.getFileName().toString();
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", fileName.replace(".dmn", ""));
    form.add("deployment-source", "Camunda Modeler");
    form.add("deploy-changed-only", "true");
    form.add(fileName, new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, user).postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(form, headers), JsonNode.class);
  }
}
