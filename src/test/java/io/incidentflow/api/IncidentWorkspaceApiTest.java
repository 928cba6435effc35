package io.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.EngineDoor;
import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.notification.MailBodies;
import io.incidentflow.summary.ReadModelBackfill;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The API behind the incident workspace in Tasklist, as agents of different groups use it: the record
 * with its SLA standing, resolutions and timeline; work notes and messages to the caller; finding any
 * incident; and the Tasklist session as a way in. Each group sees exactly what it may.
 */
@IncidentFlowTest
class IncidentWorkspaceApiTest extends IncidentFlowTestBase {

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;
  @Autowired
  ReadModelBackfill backfill;

  @Test
  void theRecord_showsTheSlaAsItStandsNow() {
    // Now, not a fixed date: the login throttle counts by the engine's clock too, and a clock set into the
    // past would find the failed logins of other tests still in the future.
    Instant reported = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    ClockUtil.setCurrentTime(Date.from(reported));
    ProcessInstance incident = incidents.report(Incidents.vpnReport("high", "high"));
    String number = incident.getBusinessKey();

    ClockUtil.setCurrentTime(Date.from(reported.plus(Duration.ofMinutes(5))));
    ResponseEntity<JsonNode> read = alice().get("/api/incidents/" + number);
    assertThat(read.getStatusCode()).as(String.valueOf(read.getBody())).isEqualTo(HttpStatus.OK);
    JsonNode sla = read.getBody().get("sla");
    assertThat(sla.get("calendar").asText()).isEqualTo("24x7");
    assertThat(sla.at("/response/state").asText()).isEqualTo("RUNNING");
    assertThat(sla.at("/response/target").asText()).isEqualTo("PT15M");
    assertThat(sla.at("/response/secondsLeft").asLong()).isEqualTo(600);
    assertThat(sla.at("/response/percentUsed").asInt()).isEqualTo(33);
    assertThat(sla.at("/resolution/state").asText()).isEqualTo("RUNNING");

    // Nobody took it: the response timer, due after 15 minutes, fires 20 minutes after the report.
    ClockUtil.setCurrentTime(Date.from(reported.plus(Duration.ofMinutes(20))));
    Job responseDue = management.createJobQuery().processInstanceId(incident.getId()).activityId("Event_ResponseDue")
        .singleResult();
    management.executeJob(responseDue.getId());
    sla = alice().get("/api/incidents/" + number).getBody().get("sla");
    assertThat(sla.at("/response/state").asText()).isEqualTo("BREACHED");
    assertThat(Instant.parse(sla.at("/response/breachedAt").asText())).isEqualTo(reported.plus(Duration.ofMinutes(20)));

    // On hold awaiting the caller: the resolution clock stands still.
    incidents.complete(incident, IncidentDriver.triage("impact", "high", "urgency", "high"));
    tasks.claim(incidents.task(incident).getId(), "bob");
    incidents.hold(incident, "awaiting-caller", "Please send the VPN client log.");
    ClockUtil.setCurrentTime(Date.from(reported.plus(Duration.ofMinutes(80))));
    JsonNode resolution = alice().get("/api/incidents/" + number).getBody().at("/sla/resolution");
    assertThat(resolution.get("state").asText()).isEqualTo("PAUSED");
    assertThat(resolution.get("percentUsed").asInt()).as("20 of 240 minutes ran before the hold").isEqualTo(8);
    assertThat(alice().get("/api/incidents/" + number).getBody().get("assignee").asText()).isEqualTo("bob");
  }

  @Test
  void everyResolution_andTheCallersReasonForRejectingOne_stayInTheRecord() {
    ProcessInstance incident = incidents.investigating("bob");
    String number = incident.getBusinessKey();
    incidents.resolve(incident, "configuration-change", "Raised the idle timeout to 1 hour.");
    incidents.confirm(incident, false, "Still drops at 10:15");
    tasks.claim(incidents.task(incident).getId(), "bob");
    incidents.resolve(incident, "hardware-replaced", "Replaced the home router.");

    JsonNode resolutions = alice().get("/api/incidents/" + number).getBody().get("resolutions");
    assertThat(resolutions).hasSize(2);
    assertThat(resolutions.get(0).get("code").asText()).isEqualTo("configuration-change");
    assertThat(resolutions.get(0).get("notes").asText()).isEqualTo("Raised the idle timeout to 1 hour.");
    assertThat(resolutions.get(0).get("resolvedBy").asText()).isEqualTo("bob");
    assertThat(resolutions.get(0).get("answer").asText()).isEqualTo("rejected");
    assertThat(resolutions.get(0).get("comment").asText()).isEqualTo("Still drops at 10:15");
    assertThat(resolutions.get(1).get("notes").asText()).isEqualTo("Replaced the home router.");
    assertThat(resolutions.get(1).get("answer").asText()).isEqualTo("pending");
    assertThat(alice().get("/api/incidents/" + number).getBody().get("closureRecord").isNull()).isTrue();

    incidents.confirm(incident, true, "Works now");
    incidents.sendNotifications(incident);
    JsonNode closed = alice().get("/api/incidents/" + number).getBody();
    assertThat(closed.at("/resolutions/1/answer").asText()).isEqualTo("accepted");
    assertThat(closed.get("closureRecord").asText()).isEqualTo("/api/incidents/" + number + "/closure-record");
    JsonNode record = alice().get(closed.get("closureRecord").asText()).getBody();
    assertThat(record.at("/resolutions/0/comment").asText()).as("the closure record keeps the rejection too")
        .isEqualTo("Still drops at 10:15");
    assertThat(record.at("/resolutions/0/accepted").asBoolean()).isFalse();
  }

  @Test
  void aWorkNote_staysInternal_andAMessageToTheCaller_isMailedInTheThread() throws Exception {
    ProcessInstance incident = incidents.investigating("bob");
    String number = incident.getBusinessKey();
    incidents.sendNotifications(incident);
    mailServer.clear();

    ResponseEntity<JsonNode> note = bob().post("/api/incidents/" + number + "/notes",
        Map.of("text", "Concentrator logs show idle timeouts at 600 s."));
    assertThat(note.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(note.getBody().get("visibility").asText()).isEqualTo("internal");
    assertThat(note.getBody().get("mailed").asBoolean()).isFalse();
    ResponseEntity<JsonNode> message = bob().post("/api/incidents/" + number + "/comments",
        Map.of("text", "Does it also happen on the office network?"));
    assertThat(message.getBody().get("visibility").asText()).isEqualTo("caller");
    assertThat(message.getBody().get("mailed").asBoolean()).isTrue();
    incidents.sendNotifications(incident);

    List<MimeMessage> mails = mailServer.received();
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo("jane.doe@example.com");
    assertThat(mails.get(0).getSubject()).contains(number);
    assertThat(mails.get(0).getHeader("References")[0]).as("in the incident's thread").contains(number);
    assertThat(MailBodies.text(mails.get(0)))
        .contains("Does it also happen on the office network?").doesNotContain("idle timeouts");

    JsonNode timeline = alice().get("/api/incidents/" + number).getBody().get("timeline");
    JsonNode noteEntry = entries(timeline, "note").get(0);
    assertThat(noteEntry.get("text").asText()).isEqualTo("Concentrator logs show idle timeouts at 600 s.");
    assertThat(noteEntry.get("visibility").asText()).isEqualTo("internal");
    assertThat(noteEntry.get("by").asText()).isEqualTo("bob");
    assertThat(entries(timeline, "comment")).extracting(e -> e.get("text").asText())
        .contains("Does it also happen on the office network?");
    // Agents see both on the task in Tasklist as well.
    assertThat(tasks.getProcessInstanceComments(incident.getId())).extracting(c -> c.getFullMessage())
        .contains("work note (bob): Concentrator logs show idle timeouts at 600 s.");

    ResponseEntity<JsonNode> empty = bob().post("/api/incidents/" + number + "/notes", Map.of("text", "  "));
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().at("/fields/0/field").asText()).isEqualTo("text");
  }

  @Test
  void anotherGroup_neitherReadsNorWritesTheRecord_butTheGroupsItPassedThroughDo() {
    ProcessInstance incident = incidents.investigating("bob");
    String number = incident.getBusinessKey();
    ApiClient carol = ApiClient.as(http, "carol");

    for (String path : List.of("", "/alerts", "/notifications")) {
      assertThat(carol.get("/api/incidents/" + number + path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(carol.post("/api/incidents/" + number + "/notes", Map.of("text", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(numbers(carol.get("/api/incidents?size=100").getBody())).doesNotContain(number);
    String taskId = incidents.task(incident).getId();
    assertThat(carol.get("/api/tasks/" + taskId + "/incident").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // Reassigned to carol's group: now hers, and still readable by bob's group, which worked it.
    incidents.complete(incident, Map.of("investigationOutcome", "reassign", "assignmentGroup", "application-support"));
    assertThat(carol.get("/api/incidents/" + number).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(bob().get("/api/incidents/" + number).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ApiClient.as(http, "erin").get("/api/incidents/" + number).getStatusCode())
        .as("managers read every incident").isEqualTo(HttpStatus.OK);
  }

  @Test
  void anyIncident_isFoundByNumber_callerOrWords_amongThoseTheUserMayRead() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> report = Incidents.vpnReport();
    report.put("callerName", "Maria " + marker + " Lopez");
    report.put("callerEmail", "maria." + marker + "@example.com");
    report.put("shortDescription", "Laptop dock " + marker + " flickers");
    ProcessInstance incident = incidents.report(report);
    String number = incident.getBusinessKey();

    for (String q : List.of(number, number.toLowerCase(), "MARIA " + marker.toUpperCase(), "maria." + marker + "@",
        "dock " + marker)) {
      assertThat(numbers(alice().get("/api/incidents?q=" + q).getBody())).as(q).containsExactly(number);
    }
    assertThat(numbers(alice().get("/api/incidents?q=" + marker + "%25").getBody()))
        .as("% is a character, not a wildcard").isEmpty();
    JsonNode found = alice().get("/api/incidents?q=" + marker).getBody().get("items").get(0);
    assertThat(found.get("callerName").asText()).isEqualTo("Maria " + marker + " Lopez");

    // Closed ones too.
    incidents.complete(incident, IncidentDriver.triage("triageDecision", "cancel", "cancelReason", "Duplicate"));
    assertThat(numbers(alice().get("/api/incidents?q=" + marker).getBody())).containsExactly(number);
    // Categorized for network support (bob's group) when reported; carol's group never had it.
    assertThat(numbers(bob().get("/api/incidents?q=" + marker).getBody())).containsExactly(number);
    assertThat(numbers(ApiClient.as(http, "carol").get("/api/incidents?q=" + marker).getBody())).isEmpty();

    ResponseEntity<JsonNode> tooLong = alice().get("/api/incidents?q=" + "x".repeat(255));
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody().at("/fields/0/field").asText()).isEqualTo("q");
  }

  @Test
  void incidentsListedBeforeTheCallerWasSearchable_getTheirCallerFromHistory() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> report = Incidents.vpnReport();
    report.put("callerEmail", "olaf." + marker + "@example.com");
    String number = incidents.report(report).getBusinessKey();
    new JdbcTemplate(dataSource).update("UPDATE incident_summary SET caller_name = NULL, caller_email = NULL, figures_version = 0"
        + " WHERE incident_number = ?", number);
    assertThat(numbers(alice().get("/api/incidents?q=olaf." + marker).getBody())).isEmpty();

    backfill.run(null);

    assertThat(numbers(alice().get("/api/incidents?q=olaf." + marker).getBody())).containsExactly(number);
  }

  @Test
  void theTasklistSession_readsTheApi_andAChangeNeedsItsCsrfToken() {
    ProcessInstance incident = incidents.investigating("bob");
    String number = incident.getBusinessKey();
    EngineDoor bob = EngineDoor.webapp(port, "bob");

    assertThat(bob.app("GET", "/api/incidents/" + number, null, true).status()).isEqualTo(200);
    EngineDoor.Answer forged = bob.app("POST", "/api/incidents/" + number + "/notes", Map.of("text", "forged"), false);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.json().at("/fields/0/field").asText()).isEqualTo("X-XSRF-TOKEN");
    assertThat(bob.app("POST", "/api/incidents/" + number + "/notes", Map.of("text", "From Tasklist"), true).status())
        .isEqualTo(201);
    JsonNode card = bob.app("GET", "/api/tasks/" + incidents.task(incident).getId() + "/incident", null, true).json();
    assertThat(card.get("incidentNumber").asText()).isEqualTo(number);
    assertThat(card.get("priority").asInt()).isEqualTo(2);
    assertThat(card.at("/sla/resolution/state").asText()).isEqualTo("RUNNING");
    assertThat(bob.app("GET", "/api/tasks/no-such-task/incident", null, true).status()).isEqualTo(404);
    assertThat(bob.app("GET", "/api/tasks/bad%20id/incident", null, true).status()).isEqualTo(400);
  }

  @Test
  void tasklistsOwnAddComment_isAWorkNote_andTheHistoryTabShowsTheTasksHistory() {
    ProcessInstance incident = incidents.routed();
    String number = incident.getBusinessKey();
    String taskId = incidents.task(incident).getId();

    EngineDoor bob = EngineDoor.webapp(port, "bob");
    assertThat(bob.post("/task/" + taskId + "/claim", Map.of("userId", "bob")).status()).isEqualTo(204);
    EngineDoor.Answer added = bob.post("/task/" + taskId + "/comment/create",
        Map.of("message", "Called the caller back, waiting for the log."));
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(bob.get("/task/" + taskId + "/comment").json()).hasSize(1);
    assertThat(bob.get("/history/user-operation?taskId=" + taskId).json()).as("History tab: bob's claim")
        .extracting(entry -> entry.get("operationType").asText()).contains("Claim");
    // The service desk reads every open task's history too.
    EngineDoor alice = EngineDoor.webapp(port, "alice");
    assertThat(alice.get("/task/" + taskId + "/comment").json()).hasSize(1);
    assertThat(alice.get("/history/user-operation?taskId=" + taskId).json()).isNotEmpty();

    JsonNode notes = entries(alice().get("/api/incidents/" + number).getBody().get("timeline"), "note").get(0);
    assertThat(notes.get("text").asText()).isEqualTo("Called the caller back, waiting for the log.");
    assertThat(notes.get("by").asText()).isEqualTo("bob");
    // Recorded once, though the API mirrors its own notes onto the task.
    bob().post("/api/incidents/" + number + "/notes", Map.of("text", "Second note"));
    assertThat(entries(alice().get("/api/incidents/" + number).getBody().get("timeline"), "note")).hasSize(2);
  }

  private ApiClient alice() {
    return ApiClient.as(http, "alice");
  }

  private ApiClient bob() {
    return ApiClient.as(http, "bob");
  }

  private static List<JsonNode> entries(JsonNode timeline, String type) {
    return StreamSupport.stream(timeline.spliterator(), false).filter(e -> type.equals(e.get("type").asText())).toList();
  }

  private static List<String> numbers(JsonNode page) {
    List<String> numbers = new ArrayList<>();
    page.get("items").forEach(item -> numbers.add(item.get("incidentNumber").asText()));
    return numbers;
  }
}
