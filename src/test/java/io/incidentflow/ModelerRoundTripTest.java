package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A process owner changes a rule in Camunda Modeler and deploys it: the next incident follows the
 * changed rule, without a restart or a rebuild. The request is the one Modeler sends.
 */
@IncidentFlowTest
class ModelerRoundTripTest {

  static final Path PRIORITY_DMN = Path.of("dmn", "IncidentPriority.dmn");
  static final Path SLA_TARGETS_DMN = Path.of("dmn", "SlaTargets.dmn");

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;

  @AfterEach
  void deployTheProjectsRuleAgain() throws IOException {
    // Later tests expect the matrix of DESIGN.md: the project's own file becomes the latest version again.
    assertThat(deploy("paula", PRIORITY_DMN, Files.readString(PRIORITY_DMN)).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(deploy("paula", SLA_TARGETS_DMN, Files.readString(SLA_TARGETS_DMN)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
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
  void aChangedSlaTargetAppliesToTheNextIncident() throws IOException {
    assertThat(responseMinutes("high", "high")).isEqualTo(15);
    String dmn = Files.readString(SLA_TARGETS_DMN);
    String changed = dmn.replace("<text>\"PT15M\"</text>", "<text>\"PT10M\"</text>");
    assertThat(changed).isNotEqualTo(dmn);

    assertThat(deploy("paula", SLA_TARGETS_DMN, changed).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(responseMinutes("high", "high")).as("P1 responds within the new 10 minutes").isEqualTo(10);
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
    String rule = dmn.substring(dmn.indexOf("<rule id=\"Rule_LowImpactLowUrgency\">"));
    rule = rule.substring(0, rule.indexOf("</rule>"));
    String edited = rule.replace("<text>5</text>", "<text>4</text>").replace("<text>\"Planning\"</text>", "<text>\"Low\"</text>");
    assertThat(edited).isNotEqualTo(rule);
    return dmn.replace(rule, edited);
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
