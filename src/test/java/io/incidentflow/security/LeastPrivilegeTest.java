package io.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.api.ApiClient;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each caller reaches what its role needs and nothing more: the alert token sends alerts and nothing else,
 * the demo mailbox (every resolution link) is for administrators, the actuator's metrics need an operator
 * while its health stays public, and the demo profile, whose passwords are public, listens on this machine
 * only.
 */
@IncidentFlowTest
class LeastPrivilegeTest extends IncidentFlowTestBase {

  @Autowired
  ServletWebServerApplicationContext context;

  @Test
  void theAlertToken_sendsAlerts_andNothingElse() {
    ApiClient alice = ApiClient.as(http, "alice");
    String number = alice.post("/api/incidents", Incidents.vpnReport()).getBody().get("incidentNumber").asText();
    ApiClient monitoring = ApiClient.withToken(http, "demo-alert-token");

    for (ResponseEntity<JsonNode> answer : List.of(
        monitoring.post("/api/incidents", Incidents.vpnReport()),
        monitoring.get("/api/incidents"),
        monitoring.get("/api/incidents/" + number),
        monitoring.get("/api/incidents/" + number + "/alerts"),
        monitoring.get("/api/incidents/" + number + "/closure-record"),
        monitoring.post("/api/incidents/" + number + "/comments", Map.of("text", "hello")),
        monitoring.post("/api/incidents/" + number + "/resolution-confirmation", Map.of("accepted", true)),
        monitoring.get("/demo/mail"),
        monitoring.get("/demo/mail/0"),
        monitoring.get("/actuator/metrics"),
        monitoring.get("/actuator/info"))) {
      assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
    }
    // A bearer token is no login at the engine's doors.
    assertThat(monitoring.get("/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(monitoring.post("/api/alerts", Map.of("version", "4", "alerts", List.of(Map.of("status", "resolved",
        "fingerprint", "never-fired")))).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theDemoMailbox_isForAdministrators() {
    assertThat(http.getForEntity("/demo/mail", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String user : List.of("alice", "bob", "dave", "erin", "paula")) {
      assertThat(http.withBasicAuth(user, user).getForEntity("/demo/mail", String.class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.withBasicAuth("demo", "demo").getForEntity("/demo/mail", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theActuator_keepsItsHealthPublic_andItsMetricsForOperators() {
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/health/deployment", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    for (String path : List.of("/actuator/metrics", "/actuator/metrics/http.server.requests", "/actuator/info")) {
      assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(http.withBasicAuth("erin", "erin").getForEntity(path, String.class).getStatusCode()).as(path)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<JsonNode> metrics = http.withBasicAuth("demo", "demo").exchange("/actuator/metrics", HttpMethod.GET,
        null, JsonNode.class);
    assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(metrics.getBody().get("names").toString()).contains("http.server.requests");
  }

  @Test
  void theDemoProfile_listensOnThisMachineOnly() {
    Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
    Object address = connector.getProperty("address");
    assertThat(address).isInstanceOf(InetAddress.class);
    assertThat(((InetAddress) address).isLoopbackAddress()).isTrue();
  }
}
