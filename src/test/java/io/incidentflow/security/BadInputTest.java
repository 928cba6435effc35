package io.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.EngineDoor.Answer;
import io.incidentflow.EngineDoor;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.api.ApiClient;
import io.incidentflow.incident.IncidentProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Bad input gets a 4xx that says what is wrong, at every door, and never a 500: long texts within the
 * limits, control characters, unknown tasks, serialized objects, the wrong body for a deployment or a
 * resolution page, the error page; nothing a client sends forges a log line.
 */
@IncidentFlowTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputTest extends IncidentFlowTestBase {

  @LocalServerPort
  int port;

  @Test
  void aReportAtItsLimits_isAccepted_atEveryDoor() {
    Map<String, Object> longest = Incidents.vpnReport();
    longest.put("shortDescription", "S".repeat(159) + "!");
    longest.put("description", "phishing ".repeat(444) + "D".repeat(4));
    ResponseEntity<JsonNode> api = ApiClient.as(http, "alice").post("/api/incidents", longest);
    assertThat(api.getStatusCode()).as(String.valueOf(api.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(api.getBody().get("assignmentGroup").asText()).isEqualTo("security-operations");

    for (EngineDoor alice : EngineDoor.both(port, "alice").values()) {
      Answer engine = alice.post("/process-definition/key/" + IncidentProcess.KEY + "/submit-form",
          Map.of("variables", variables(longest)));
      assertThat(engine.status()).as(alice + " " + engine.body()).isEqualTo(200);
    }
  }

  @Test
  void anAlertWithLongLabelsAndAnnotations_reportsItsIncident() {
    String fingerprint = UUID.randomUUID().toString().replace("-", "");
    Map<String, Object> alert = Map.of("status", "firing", "fingerprint", fingerprint,
        "labels", Map.of("alertname", "DiskFull" + "x".repeat(1000), "service", "postgres-orders" + "y".repeat(5000),
            "severity", "critical" + "z".repeat(300)),
        "annotations", Map.of("summary", "Disk full on db-7 " + "s".repeat(500), "description", "d".repeat(10_000)),
        "startsAt", "2026-11-23T10:00:00Z", "endsAt", "0001-01-01T00:00:00Z" + "e".repeat(500));
    ResponseEntity<JsonNode> firing = ApiClient.withToken(http, "demo-alert-token").post("/api/alerts",
        Map.of("version", "4", "status", "firing", "alerts", List.of(alert)));
    assertThat(firing.getStatusCode()).as(String.valueOf(firing.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(firing.getBody().at("/alerts/0/outcome").asText()).isEqualTo("created");

    Map<String, Object> cleared = new HashMap<>(alert);
    cleared.put("status", "resolved");
    ResponseEntity<JsonNode> resolved = ApiClient.withToken(http, "demo-alert-token").post("/api/alerts",
        Map.of("version", "4", "status", "resolved", "alerts", List.of(cleared)));
    assertThat(resolved.getStatusCode()).as(String.valueOf(resolved.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(resolved.getBody().at("/alerts/0/outcome").asText()).isEqualTo("cleared");
  }

  @Test
  void controlCharacters_areRefusedNamingTheField_atEveryDoor() throws Exception {
    Map<String, Object> report = Incidents.vpnReport();
    report.put("shortDescription", "VPN\u0000down");
    assertApiField(ApiClient.as(http, "alice").post("/api/incidents", report), "shortDescription", "U+0000");
    report = Incidents.vpnReport();
    report.put("callerName", "Jane\u001b[31mDoe");
    assertApiField(ApiClient.as(http, "alice").post("/api/incidents", report), "callerName", "U+001B");
    HttpResponse<String> query = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
        + port + "/api/incidents?status=NEW%01")).header("Authorization", "Basic YWxpY2U6YWxpY2U=").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(query.body()).contains("\"field\":\"status\"", "U+0001");
    assertApiField(ApiClient.withToken(http, "demo-alert-token").post("/api/alerts", Map.of("version", "4",
        "alerts", List.of(Map.of("status", "firing", "fingerprint", "abc", "annotations", Map.of("summary", "a\u0000b"))))),
        "alerts[0].annotations.summary", "U+0000");

    for (EngineDoor alice : EngineDoor.both(port, "alice").values()) {
      Map<String, Object> withNul = Incidents.vpnReport();
      withNul.put("description", "Since this morning\u0000");
      Answer engine = alice.post("/process-definition/key/" + IncidentProcess.KEY + "/submit-form",
          Map.of("variables", variables(withNul)));
      assertThat(engine.status()).as(alice + " " + engine.body()).isEqualTo(400);
      assertThat(engine.json().get("message").asText()).contains("variables.description.value", "U+0000");
      assertNoClassNames(engine);
    }
  }

  @Test
  void requestsAboutAnUnknownTask_answer404_atBothDoors() {
    String unknown = "/task/" + UUID.randomUUID();
    for (EngineDoor bob : EngineDoor.both(port, "bob").values()) {
      for (Answer answer : List.of(bob.post(unknown + "/complete", Map.of()), bob.post(unknown + "/submit-form", Map.of()),
          bob.post(unknown + "/claim", Map.of("userId", "bob")), bob.get(unknown + "/variables"),
          bob.get(unknown + "/form-variables"), bob.get(unknown + "/deployed-form"),
          bob.post(unknown + "/comment/create", Map.of("message", "x")), bob.get(unknown))) {
        assertThat(answer.status()).as(bob + " " + answer.body()).isEqualTo(404);
        assertThat(answer.json().get("message").asText()).contains("No task with id");
        assertNoClassNames(answer);
      }
    }
  }

  @Test
  void serializedJavaObjects_andAJsonDeployment_areRefusedWithoutClassNames() {
    ProcessInstance incident = runtime.startProcessInstanceByKey(IncidentProcess.KEY, Incidents.vpnReport());
    String task = "/task/" + tasks.createTaskQuery().processInstanceId(incident.getId()).singleResult().getId();
    Map<String, Object> serialized = Map.of("value", "rO0ABXQAA2FiYw==", "type", "Object", "valueInfo",
        Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object"));
    for (EngineDoor demo : EngineDoor.both(port, "demo").values()) {
      Answer put = demo.put(task + "/variables/payload", serialized);
      assertThat(put.status()).as(demo + " " + put.body()).isEqualTo(400);
      assertThat(put.json().get("message").asText()).contains("serializationDataFormat", "serialized Java objects");
      assertNoClassNames(put);
      Answer complete = demo.post(task + "/complete", Map.of("variables", Map.of("payload", serialized)));
      assertThat(complete.status()).as(demo + " " + complete.body()).isEqualTo(400);
      assertNoClassNames(complete);

      Answer deployment = demo.post("/deployment/create", Map.of("deployment-name", "from-json"));
      assertThat(deployment.status()).as(demo + " " + deployment.body()).isEqualTo(415);
      assertThat(deployment.json().get("message").asText()).contains("multipart/form-data");
      assertNoClassNames(deployment);
    }
  }

  @Test
  void aBadReportThroughStart_answers400_not500() {
    Map<String, Object> report = Incidents.vpnReport();
    report.put("callerEmail", "nobody");
    Answer start = EngineDoor.engineRest(port, "alice").post("/process-definition/key/" + IncidentProcess.KEY
        + "/start", Map.of("variables", variables(report)));
    assertThat(start.status()).as(start.body()).isEqualTo(400);
    assertThat(start.json().get("message").asText()).contains("callerEmail must be an e-mail address");
    assertNoClassNames(start);
  }

  @Test
  void anOversizeBody_atTheEngine_is413() {
    String huge = "{\"value\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"type\": \"String\"}";
    Answer answer = EngineDoor.engineRest(port, "demo").send("PUT", "/task/any/variables/huge", "application/json", huge);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("message").asText()).contains("larger than the 2097152 bytes");
  }

  @Test
  void aMalformedMultipartAnswer_andTheErrorPage_are4xx() throws Exception {
    HttpResponse<String> multipart = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/api/incidents/INC0000001/resolution-confirmation/" + "A".repeat(43)))
        .header("Content-Type", "multipart/form-data; boundary=xyz")
        .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nbroken")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(multipart.statusCode()).as(multipart.body()).isBetween(400, 499);
    assertThat(http.getForEntity("/error", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("demo", "demo").getForEntity("/error", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theApplicationsPages_carryHardeningHeaders() {
    ResponseEntity<String> linkPage = http.getForEntity("/api/incidents/INC0000001/resolution-confirmation/"
        + "A".repeat(43) + "?accepted=true", String.class);
    ResponseEntity<String> mailbox = http.withBasicAuth("demo", "demo").getForEntity("/demo/mail", String.class);
    ResponseEntity<String> record = http.withBasicAuth("alice", "alice").getForEntity(
        "/api/incidents/INC9999999/closure-record", String.class);
    for (ResponseEntity<String> page : List.of(linkPage, mailbox, record)) {
      assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'",
          "frame-ancestors 'none'");
      assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
      assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
    }
  }

  @Test
  void textFromAClient_cannotForgeALogLine(CapturedOutput output) {
    String fingerprint = UUID.randomUUID().toString().replace("-", "");
    ApiClient.withToken(http, "demo-alert-token").post("/api/alerts", Map.of("version", "4", "alerts", List.of(Map.of(
        "status", "firing", "fingerprint", fingerprint,
        "labels", Map.of("alertname", "DiskFull\r\n2026-12-02T00:00:00Z ERROR FORGED: root logged in", "severity", "info"),
        "annotations", Map.of("summary", "Disk full")))));

    assertThat(output.getOut()).contains("DiskFull\\r\\n2026-12-02T00:00:00Z ERROR FORGED");
    assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("2026-12-02T00:00:00Z ERROR FORGED"));
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }

  private static void assertApiField(ResponseEntity<JsonNode> response, String field, String says) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().at("/fields/0/field").asText()).isEqualTo(field);
    assertThat(response.getBody().at("/fields/0/message").asText()).contains("control characters", says);
  }

  private static void assertNoClassNames(Answer answer) {
    assertThat(answer.body()).doesNotContain("Exception", "java.", "org.camunda", "org.glassfish");
  }
}
