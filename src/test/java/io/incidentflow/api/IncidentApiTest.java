package io.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.NotificationJobs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The incidents API over HTTP as portals and agents use it: reporting (idempotent, validated, size
 * limited), reading, listing, commenting and confirming, with their errors and who may do what.
 */
@IncidentFlowTest
class IncidentApiTest extends IncidentFlowTestBase {

  @Autowired
  IdentityService identity;
  @LocalServerPort
  int port;

  @Test
  void report_answers201_withTheIncidentAsDecided() {
    ResponseEntity<JsonNode> response = alice().post("/api/incidents", Incidents.vpnReport());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode incident = response.getBody();
    String number = incident.get("incidentNumber").asText();
    assertThat(number).matches("INC\\d{7}");
    assertThat(response.getHeaders().getLocation()).hasPath("/api/incidents/" + number);
    assertThat(incident.get("status").asText()).isEqualTo("NEW");
    assertThat(incident.get("priority").asInt()).isEqualTo(2);
    assertThat(incident.get("priorityLabel").asText()).isEqualTo("High");
    assertThat(incident.get("category").asText()).isEqualTo("network");
    assertThat(incident.get("assignmentGroup").asText()).isEqualTo("network-support");
    assertThat(incident.get("channel").asText()).isEqualTo("portal");
    // P2 counts around the clock: 30 minutes to respond, 8 hours to resolve.
    assertThat(Duration.between(instant(incident, "reportedAt"), instant(incident, "responseDue")))
        .hasMinutes(30);
    assertThat(Duration.between(instant(incident, "reportedAt"), instant(incident, "resolutionDue")))
        .hasHours(8);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isOne();
  }

  @Test
  void report_withBadFields_is400NamingEachField_andStartsNothing() {
    long before = incidentCount();
    Map<String, Object> report = Incidents.vpnReport();
    report.put("shortDescription", "x".repeat(161));
    report.remove("description");
    report.put("callerEmail", "nobody");
    report.put("impact", "severe");
    report.put("callerName", Map.of("first", "Jane"));

    ResponseEntity<JsonNode> response = alice().post("/api/incidents", report);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("status").asInt()).isEqualTo(400);
    assertThat(fields(response)).containsExactly(
        "shortDescription: must be at most 160 characters",
        "description: is required",
        "callerName: must be text",
        "callerEmail: must be an e-mail address such as jane.doe@example.com",
        "impact: must be one of high, medium, low (was 'severe')");
    assertThat(incidentCount()).isEqualTo(before);
  }

  @Test
  void malformedJson_andNoObject_are400() {
    ResponseEntity<JsonNode> malformed = alice().post("/api/incidents", "{\"shortDescription\": \"VPN\"");
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody().get("error").asText()).startsWith("The body is no valid JSON").contains("line 1")
        .doesNotContain("Source");
    assertThat(malformed.getBody().toString()).doesNotContain("Exception", "at io.");

    ResponseEntity<JsonNode> list = alice().post("/api/incidents", "[1, 2]");
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list.getBody().get("error").asText()).isEqualTo("The body must be a JSON object");

    ResponseEntity<JsonNode> empty = alice().post("/api/incidents", "");
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<JsonNode> notJson = http.withBasicAuth("alice", "alice").exchange("/api/incidents", HttpMethod.POST,
        new HttpEntity<>("VPN down", text), JsonNode.class);
    assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(notJson.getBody().get("error").asText()).isEqualTo("Send the body as application/json (was text/plain)");
  }

  @Test
  void oversizeBody_is413_andStartsNothing() {
    long before = incidentCount();
    Map<String, Object> report = Incidents.vpnReport();
    report.put("description", "x".repeat(2 * 1024 * 1024));

    ResponseEntity<JsonNode> response = alice().post("/api/incidents", report);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(response.getBody().get("status").asInt()).isEqualTo(413);
    assertThat(incidentCount()).isEqualTo(before);
  }

  @Test
  void oversizeChunkedBody_withoutALength_is413Too() throws Exception {
    long before = incidentCount();
    byte[] body = ("{\"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        // A stream of unknown length goes chunked: the limit can only count what is read.
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

    HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"status\":413", "larger than the 1048576 bytes");
    assertThat(incidentCount()).isEqualTo(before);
  }

  @Test
  void idempotencyKey_aRetryAnswersTheSameIncident() {
    String key = "retry-" + System.nanoTime();
    ResponseEntity<JsonNode> first = alice().header("Idempotency-Key", key).post("/api/incidents", Incidents.vpnReport());
    ResponseEntity<JsonNode> retry = alice().header("Idempotency-Key", key).post("/api/incidents", Incidents.vpnReport());

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = first.getBody().get("incidentNumber").asText();
    assertThat(retry.getBody().get("incidentNumber").asText()).isEqualTo(number);
    assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.getHeaders().getLocation()).hasPath("/api/incidents/" + number);

    Map<String, Object> other = Incidents.vpnReport("low", "low");
    ResponseEntity<JsonNode> misuse = alice().header("Idempotency-Key", key).post("/api/incidents", other);
    assertThat(misuse.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(fields(misuse)).containsExactly("Idempotency-Key: was used before with a different body");

    // Keys belong to their client: another user's same key is a new incident.
    ResponseEntity<JsonNode> bob = ApiClient.as(http, "bob").header("Idempotency-Key", key)
        .post("/api/incidents", Incidents.vpnReport());
    assertThat(bob.getBody().get("incidentNumber").asText()).isNotEqualTo(number);
  }

  @Test
  void idempotencyKey_concurrentRetries_makeOneIncident() throws Exception {
    String key = "concurrent-" + System.nanoTime();
    List<Callable<ResponseEntity<JsonNode>>> retries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      retries.add(() -> alice().header("Idempotency-Key", key).post("/api/incidents", Incidents.vpnReport()));
    }
    ExecutorService threads = Executors.newFixedThreadPool(retries.size());
    List<String> numbers = new ArrayList<>();
    try {
      for (Future<ResponseEntity<JsonNode>> answer : threads.invokeAll(retries)) {
        assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        numbers.add(answer.get().getBody().get("incidentNumber").asText());
      }
    } finally {
      threads.shutdown();
    }
    assertThat(numbers).hasSize(8).containsOnly(numbers.get(0));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(numbers.get(0)).count()).isOne();
  }

  @Test
  void badIdempotencyKey_is400() {
    ResponseEntity<JsonNode> response = alice().header("Idempotency-Key", "k".repeat(201))
        .post("/api/incidents", Incidents.vpnReport());
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response)).containsExactly("Idempotency-Key: must be 1 to 200 characters, e.g. a UUID");
  }

  @Test
  void everyEndpoint_wantsCredentials_andTheRightGroup() {
    String number = report();
    ApiClient nobody = ApiClient.anonymous(http);
    for (ResponseEntity<JsonNode> response : List.of(nobody.post("/api/incidents", Incidents.vpnReport()),
        nobody.get("/api/incidents"), nobody.get("/api/incidents/" + number),
        nobody.post("/api/incidents/" + number + "/comments", Map.of("text", "hello")),
        nobody.post("/api/incidents/" + number + "/resolution-confirmation", Map.of("accepted", true)),
        nobody.post("/api/alerts", Map.of("version", "4")),
        ApiClient.withToken(http, "not-a-configured-token").get("/api/incidents"))) {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getBody().get("status").asInt()).isEqualTo(401);
      assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).anyMatch(h -> h.startsWith("Basic"))
          .anyMatch(h -> h.startsWith("Bearer"));
    }

    String visitor = "visitor" + System.nanoTime();
    User user = identity.newUser(visitor);
    user.setPassword(visitor);
    identity.saveUser(user);
    try {
      ApiClient stranger = ApiClient.as(http, visitor);
      assertThat(stranger.post("/api/incidents", Incidents.vpnReport()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(stranger.get("/api/incidents").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      ResponseEntity<JsonNode> forbidden = stranger.get("/api/incidents/" + number);
      assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(forbidden.getBody().get("error").asText()).startsWith(visitor + " may not read incidents");
    } finally {
      identity.deleteUser(visitor);
    }
    ApiClient alertmanager = ApiClient.withToken(http, "demo-alert-token");
    assertThat(alertmanager.post("/api/incidents", Incidents.vpnReport()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(alertmanager.get("/api/incidents/" + number).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(alice().post("/api/alerts", Map.of("version", "4")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anIncident_showsItsStatusSlaAndTimeline() {
    String number = report();
    String instance = instance(number);
    NotificationJobs.run(management, instance);
    complete(number, IncidentDriver.ROUTE);
    tasks.claim(task(number).getId(), "bob");
    ApiClient.as(http, "bob").post("/api/incidents/" + number + "/comments", Map.of("text", "Looking at the gateway"));

    ResponseEntity<JsonNode> response = alice().get("/api/incidents/" + number);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode incident = response.getBody();
    assertThat(incident.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(incident.get("callerEmail").asText()).isEqualTo("jane.doe@example.com");
    assertThat(incident.get("responseDue").asText()).isNotBlank();
    assertThat(incident.get("resolutionDue").asText()).isNotBlank();
    assertThat(incident.has("responseBreached")).as("read by name, null until the SLA clocks set it").isTrue();
    List<String> timeline = StreamSupport.stream(incident.get("timeline").spliterator(), false)
        .map(e -> e.get("type").asText() + ": " + e.get("summary").asText()).toList();
    assertThat(timeline).contains("status: Status NEW", "assignment: Assigned to group network-support",
        "status: Status ASSIGNED", "status: Status IN_PROGRESS", "assignment: bob took Investigate incident",
        "comment: Comment by agent (bob)");
    assertThat(timeline).anyMatch(e -> e.startsWith("notification: REPORTED mail: [" + number + "]"));
    assertThat(timeline.indexOf("status: Status NEW")).isLessThan(timeline.indexOf("status: Status ASSIGNED"));
  }

  @Test
  void unknownOrMalformedNumber_is404Or400() {
    ResponseEntity<JsonNode> unknown = alice().get("/api/incidents/INC9999999");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody().get("error").asText()).isEqualTo("No incident INC9999999");

    ResponseEntity<JsonNode> malformed = alice().get("/api/incidents/42");
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(malformed)).containsExactly(
        "incidentNumber: must be INC followed by 7 digits, e.g. INC0001042 (was '42')");
    assertThat(alice().post("/api/incidents/INC9999999/comments", Map.of("text", "hi")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theList_isNewestFirst_filteredAndPaged() {
    Map<String, Object> databaseReport = Incidents.vpnReport("high", "high");
    databaseReport.put("affectedService", "database");
    databaseReport.put("shortDescription", "Orders database refuses connections");
    String first = alice().post("/api/incidents", databaseReport).getBody().get("incidentNumber").asText();
    String second = alice().post("/api/incidents", databaseReport).getBody().get("incidentNumber").asText();
    String third = alice().post("/api/incidents", databaseReport).getBody().get("incidentNumber").asText();

    JsonNode page = alice().get("/api/incidents?assignmentGroup=database-support&priority=1&status=NEW&size=2").getBody();
    assertThat(numbers(page)).containsExactly(third, second);
    assertThat(page.get("page").asInt()).isZero();
    assertThat(page.get("size").asInt()).isEqualTo(2);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
    JsonNode item = page.get("items").get(0);
    assertThat(item.get("priorityLabel").asText()).isEqualTo("Critical");
    assertThat(item.get("shortDescription").asText()).isEqualTo("Orders database refuses connections");
    assertThat(alice().get("/api/incidents?assignmentGroup=database-support&priority=1&size=2&page=1").getBody()
        .get("items").get(0).get("incidentNumber").asText()).isEqualTo(first);

    complete(second, IncidentDriver.triage("category", "database", "assignmentGroup", "database-support",
        "impact", "high", "urgency", "high"));
    assertThat(numbers(alice().get("/api/incidents?assignmentGroup=database-support&status=NEW,ASSIGNED&size=3")
        .getBody())).containsExactly(third, second, first);
    assertThat(numbers(alice().get("/api/incidents?status=ASSIGNED&size=100").getBody())).contains(second)
        .doesNotContain(first, third);
    JsonNode everything = alice().get("/api/incidents").getBody();
    assertThat(everything.get("size").asInt()).isEqualTo(20);
    assertThat(numbers(everything).get(0)).isEqualTo(third);
  }

  @Test
  void theList_badFilters_are400NamingEach() {
    ResponseEntity<JsonNode> response = alice().get("/api/incidents?status=OPEN&priority=9&assignmentGroup=ops&size=500");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response)).containsExactly(
        "status: must be one of NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELED (was 'OPEN')",
        "priority: must be 1 to 5 (was '9')",
        "assignmentGroup: must be one of service-desk, network-support, application-support, database-support,"
            + " workplace-support, security-operations (was 'ops')",
        "size: must be 1 to 100 (was 500)");
    assertThat(fields(alice().get("/api/incidents?page=first"))).containsExactly("page: must be a number (was 'first')");
    ResponseEntity<JsonNode> wrongMethod = alice().post("/api/incidents/INC0000001", Map.of());
    assertThat(wrongMethod.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(wrongMethod.getBody().get("status").asInt()).isEqualTo(405);
    ResponseEntity<JsonNode> noSuchEndpoint = alice().get("/api/incidentz");
    assertThat(noSuchEndpoint.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(noSuchEndpoint.getBody().get("error").asText()).isEqualTo("No such endpoint: /api/incidentz");
  }

  @Test
  void aCallerComment_resumesAnIncidentAwaitingTheCaller_andAnAgentsDoesNot() {
    String number = report();
    investigateAsBob(number);
    complete(number, Map.of("investigationOutcome", "on-hold", "onHoldReason", "awaiting-caller",
        "onHoldNote", "Please send the VPN client log"));

    ResponseEntity<JsonNode> agent = ApiClient.as(http, "bob").post("/api/incidents/" + number + "/comments",
        Map.of("text", "Reminded the caller by phone"));
    assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(agent.getBody().get("status").asText()).isEqualTo("ON_HOLD");
    assertThat(agent.getBody().get("resumed").asBoolean()).isFalse();

    assertThat(alice().get("/api/incidents/" + number).getBody().get("onHoldReason").asText())
        .isEqualTo("awaiting-caller");

    ResponseEntity<JsonNode> caller = alice().post("/api/incidents/" + number + "/comments",
        Map.of("author", "caller", "text", "Log attached to the ticket mail"));
    assertThat(caller.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(caller.getBody().get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(caller.getBody().get("resumed").asBoolean()).isTrue();
    assertThat(caller.getBody().get("writtenBy").asText()).isEqualTo("alice");

    Task investigation = task(number);
    assertThat(investigation.getTaskDefinitionKey()).isEqualTo("Task_InvestigateIncident");
    assertThat(investigation.getAssignee()).as("back with the agent who held it").isEqualTo("bob");
    assertThat(runtime.getVariable(instance(number), "status")).isEqualTo("IN_PROGRESS");
    assertThat(alice().get("/api/incidents/" + number).getBody().get("onHoldReason").isNull()).isTrue();
    assertThat(tasks.getProcessInstanceComments(instance(number))).extracting(c -> c.getFullMessage())
        .contains("agent (bob): Reminded the caller by phone");
  }

  @Test
  void aCallerComment_leavesAnIncidentAwaitingAVendorOnHold() {
    String number = report();
    investigateAsBob(number);
    complete(number, Map.of("investigationOutcome", "on-hold", "onHoldReason", "awaiting-vendor"));

    ResponseEntity<JsonNode> caller = alice().post("/api/incidents/" + number + "/comments",
        Map.of("author", "caller", "text", "Any news?"));

    assertThat(caller.getBody().get("status").asText()).isEqualTo("ON_HOLD");
    assertThat(task(number).getTaskDefinitionKey()).isEqualTo("Task_AwaitInformation");
  }

  @Test
  void comments_wantTheRightGroup_validFields_andAnOpenIncident() {
    String number = report();
    complete(number, IncidentDriver.ROUTE);

    ResponseEntity<JsonNode> otherGroup = ApiClient.as(http, "carol").post("/api/incidents/" + number + "/comments",
        Map.of("text", "Not mine"));
    assertThat(otherGroup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ApiClient.as(http, "bob").post("/api/incidents/" + number + "/comments", Map.of("text", "Mine"))
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);

    ResponseEntity<JsonNode> bad = alice().post("/api/incidents/" + number + "/comments",
        Map.of("author", "boss", "text", "y".repeat(4001)));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(bad)).containsExactly("text: must be at most 4000 characters",
        "author: must be one of caller, agent (was 'boss')");
    assertThat(fields(alice().post("/api/incidents/" + number + "/comments", Map.of())))
        .containsExactly("text: is required");

    String canceled = report();
    complete(canceled, IncidentDriver.triage("triageDecision", "cancel", "cancelReason", "Duplicate of " + number));
    ResponseEntity<JsonNode> closed = alice().post("/api/incidents/" + canceled + "/comments", Map.of("text", "Hello?"));
    assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(closed.getBody().get("error").asText()).isEqualTo(canceled + " is CANCELED and takes no comments");
  }

  @Test
  void theConfirmation_closesOrReopens_andOnlyWhenResolved() {
    String number = report();
    ResponseEntity<JsonNode> early = alice().post("/api/incidents/" + number + "/resolution-confirmation",
        Map.of("accepted", true));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().get("error").asText()).startsWith(number + " is NEW, not RESOLVED");

    resolve(number);
    ResponseEntity<JsonNode> bad = alice().post("/api/incidents/" + number + "/resolution-confirmation",
        Map.of("accepted", "perhaps", "comment", "z".repeat(2001)));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(bad)).containsExactly("accepted: must be true or false",
        "comment: must be at most 2000 characters");
    assertThat(runtime.getVariable(instance(number), "status")).isEqualTo("RESOLVED");

    ResponseEntity<JsonNode> rejected = alice().post("/api/incidents/" + number + "/resolution-confirmation",
        Map.of("accepted", false, "comment", "Still drops at 10:15"));
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rejected.getBody().get("status").asText()).isEqualTo("ASSIGNED");
    assertThat(runtime.getVariable(instance(number), "reopenCount")).isEqualTo(1);

    resolve(number);
    ResponseEntity<JsonNode> accepted = ApiClient.as(http, "bob").post("/api/incidents/" + number
        + "/resolution-confirmation", Map.of("accepted", true, "comment", "Works now"));
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(accepted.getBody().get("status").asText()).isEqualTo("CLOSED");
    assertThat(alice().get("/api/incidents/" + number).getBody().get("status").asText()).isEqualTo("CLOSED");
  }

  private ApiClient alice() {
    return ApiClient.as(http, "alice");
  }

  /** Reports the VPN incident through the API; its number. */
  private String report() {
    return alice().post("/api/incidents", Incidents.vpnReport()).getBody().get("incidentNumber").asText();
  }

  /** Routes the incident to network-support, where bob takes it. */
  private void investigateAsBob(String number) {
    complete(number, IncidentDriver.ROUTE);
    tasks.claim(task(number).getId(), "bob");
  }

  /** Takes the incident from wherever it is (triage or investigation) to RESOLVED. */
  private void resolve(String number) {
    if ("Task_TriageIncident".equals(task(number).getTaskDefinitionKey())) {
      complete(number, IncidentDriver.ROUTE);
    }
    tasks.claim(task(number).getId(), "bob");
    complete(number, Map.of("investigationOutcome", "resolved", "resolutionCode", "fixed",
        "resolutionNotes", "Replaced the home router."));
  }

  private void complete(String number, Map<String, Object> variables) {
    tasks.complete(task(number).getId(), new HashMap<>(variables));
  }

  private Task task(String number) {
    return tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
  }

  private String instance(String number) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
  }

  private long incidentCount() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("IncidentManagementProcess").count();
  }

  private static Instant instant(JsonNode node, String field) {
    return Instant.parse(node.get(field).asText());
  }

  /** The fields of an error body, as "field: message". */
  static List<String> fields(ResponseEntity<JsonNode> response) {
    return StreamSupport.stream(response.getBody().get("fields").spliterator(), false)
        .map(f -> f.get("field").asText() + ": " + f.get("message").asText()).toList();
  }

  private static List<String> numbers(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("incidentNumber").asText())
        .toList();
  }
}
