package io.incidentflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The doors of the web layer: the engine REST API wants credentials, Admin's first-run setup is shut. */
@IncidentFlowTest
class WebSecurityTest extends IncidentFlowTestBase {

  @Autowired
  IdentityService identity;

  @Test
  void engineRest_withoutCredentials_is401() {
    ResponseEntity<String> response = http.getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @Test
  void engineRest_withAnUnknownUser_is401() {
    // An unknown user: a wrong password for a real one would lock that account for a few seconds.
    assertThat(http.withBasicAuth("mallory", "guess").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void engineRest_withCredentials_answers() {
    assertThat(http.withBasicAuth("alice", "alice").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void adminSetup_cannotCreateAnAdministrator() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> body = Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "X",
        "email", "i@example.com"), "credentials", Map.of("password", "intruder-password"));

    ResponseEntity<JsonNode> response = http.postForEntity("/camunda/api/admin/setup/default/user/create",
        new HttpEntity<>(body, headers), JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody().get("error").asText()).contains("setup is closed");
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void engineRest_badReport_is400WithTheFields() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> report = Incidents.vpnReport();
    report.put("callerEmail", "nobody");
    Map<String, Object> variables = new java.util.HashMap<>();
    report.forEach((k, v) -> variables.put(k, Map.of("value", v)));

    ResponseEntity<JsonNode> response = http.withBasicAuth("alice", "alice").postForEntity(
        "/engine-rest/process-definition/key/IncidentManagementProcess/submit-form",
        new HttpEntity<>(Map.of("variables", variables), headers), JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").asText()).contains("callerEmail must be an e-mail address");
  }
}
