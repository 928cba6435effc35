package io.incidentflow.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.AtOnce;
import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.NotificationJobs;
import io.incidentflow.api.ApiClient;
import io.incidentflow.notification.MailBodies;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Alertmanager webhook as Alertmanager calls it: a firing alert reports one incident, however many
 * copies arrive at once or hours later; a resolved alert is recorded and told to the group; a closed
 * incident lets the next firing report a new one.
 */
@IncidentFlowTest
class AlertWebhookTest extends IncidentFlowTestBase {

  @Autowired
  RepositoryService repository;
  @Autowired
  DataSource dataSource;

  private String fingerprint;

  @BeforeEach
  void newFingerprint() throws Exception {
    fingerprint = Long.toHexString(System.nanoTime());
    mailServer.clear();
  }


  @Test
  void aFiringAlert_reportsAnIncident_classifiedByItsLabels() {
    ResponseEntity<JsonNode> response = send(webhook("firing", alert("firing", "web-frontend", "critical")));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode outcome = response.getBody().get("alerts").get(0);
    assertThat(outcome.get("outcome").asText()).isEqualTo("created");
    assertThat(outcome.get("fingerprint").asText()).isEqualTo(fingerprint);
    String number = outcome.get("incidentNumber").asText();

    JsonNode incident = ApiClient.as(http, "alice").get("/api/incidents/" + number).getBody();
    assertThat(incident.get("channel").asText()).isEqualTo("monitoring");
    assertThat(incident.get("shortDescription").asText()).isEqualTo("Checkout answers 5xx for 12% of requests");
    assertThat(incident.get("affectedService").asText()).isEqualTo("website");
    assertThat(incident.get("impact").asText()).isEqualTo("high");
    assertThat(incident.get("urgency").asText()).isEqualTo("high");
    assertThat(incident.get("priorityLabel").asText()).isEqualTo("Critical");
    assertThat(incident.get("callerName").asText()).isEqualTo("Monitoring");
    assertThat(incident.get("callerEmail").asText()).isEqualTo("monitoring@incidentflow.example");
    assertThat(incident.get("description").asText()).contains("Prometheus alert HighErrorRate is firing since",
        "The error ratio of the checkout", "alertname: HighErrorRate", "service: web-frontend", "severity: critical",
        "summary: Checkout answers 5xx", "Source: http://prometheus.example:9090/graph?g0.expr=rate", "Fingerprint: "
            + fingerprint);
  }

  @Test
  void anAlertWhoseFingerprintAnotherNodeIsStillOpening_waits_andIsNeverRefused() throws Exception {
    // Another node has claimed the fingerprint and is still reporting its incident, for longer than H2
    // waits for a lock (1 s): this request must wait and retry, never answer 5xx. That node then fails
    // and rolls back, so the fingerprint is free again and this request reports the incident.
    Map<String, Object> webhook = webhook("firing", alert("firing", "vpn", "warning"));
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (Connection otherNode = dataSource.getConnection()) {
      otherNode.setAutoCommit(false);
      try (PreparedStatement claim = otherNode.prepareStatement("INSERT INTO monitoring_alert (fingerprint,"
          + " open_fingerprint, alert_name, first_seen, last_seen, occurrences)"
          + " VALUES (?, ?, 'HighErrorRate', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)")) {
        claim.setString(1, fingerprint);
        claim.setString(2, fingerprint);
        claim.executeUpdate();
      }
      Future<ResponseEntity<JsonNode>> answer = thread.submit(() -> send(webhook));
      // The other node's work takes its time (a slow start, a long garbage collection).
      Thread.sleep(2500);
      assertThat(answer.isDone()).as("still waiting for the other node").isFalse();
      otherNode.rollback();

      ResponseEntity<JsonNode> response = answer.get(30, TimeUnit.SECONDS);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(response.getBody().at("/alerts/0/outcome").asText()).isEqualTo("created");
      assertThat(incidentsOf(fingerprint)).hasSize(1);
    } finally {
      thread.shutdown();
    }
  }

  @Test
  void twentyIdenticalAlertsAtOnce_andTheSameGroupHoursLater_makeOneIncident() throws Exception {
    Map<String, Object> webhook = webhook("firing", alert("firing", "vpn", "warning"));
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<JsonNode>> senders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      senders.add(() -> {
        start.await();
        ResponseEntity<JsonNode> response = send(webhook);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().get("alerts").get(0);
      });
    }
    ExecutorService threads = Executors.newFixedThreadPool(senders.size());
    List<JsonNode> outcomes = new ArrayList<>();
    try {
      List<Future<JsonNode>> answers = new ArrayList<>();
      senders.forEach(sender -> answers.add(threads.submit(sender)));
      start.countDown();
      for (Future<JsonNode> answer : answers) {
        outcomes.add(answer.get());
      }
    } finally {
      threads.shutdown();
    }

    assertThat(outcomes.stream().filter(o -> o.get("outcome").asText().equals("created"))).hasSize(1);
    assertThat(outcomes.stream().filter(o -> o.get("outcome").asText().equals("occurrence"))).hasSize(19);
    String number = outcomes.get(0).get("incidentNumber").asText();
    assertThat(outcomes).allMatch(o -> o.get("incidentNumber").asText().equals(number));
    assertThat(incidentsOf(fingerprint)).containsExactly(number);
    JsonNode alert = alerts(number).get(0);
    assertThat(alert.get("occurrences").asInt()).isEqualTo(20);

    Instant later = Instant.now().plus(Duration.ofHours(4));
    ClockUtil.setCurrentTime(Date.from(later));
    JsonNode repeated = send(webhook).getBody().get("alerts").get(0);

    assertThat(repeated.get("outcome").asText()).isEqualTo("occurrence");
    assertThat(repeated.get("incidentNumber").asText()).isEqualTo(number);
    assertThat(incidentsOf(fingerprint)).containsExactly(number);
    alert = alerts(number).get(0);
    assertThat(alert.get("occurrences").asInt()).isEqualTo(21);
    assertThat(Instant.parse(alert.get("lastSeen").asText())).isEqualTo(later.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void aResolvedAlert_isRecorded_andToldToTheGroup_once() throws Exception {
    String number = send(webhook("firing", alert("firing", "postgres-orders", "error"))).getBody().get("alerts").get(0)
        .get("incidentNumber").asText();
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    NotificationJobs.run(management, instance);

    JsonNode cleared = send(webhook("resolved", alert("resolved", "postgres-orders", "error"))).getBody().get("alerts")
        .get(0);
    assertThat(cleared.get("outcome").asText()).isEqualTo("cleared");
    assertThat(cleared.get("incidentNumber").asText()).isEqualTo(number);
    JsonNode again = send(webhook("resolved", alert("resolved", "postgres-orders", "error"))).getBody().get("alerts")
        .get(0);
    assertThat(again.get("outcome").asText()).as("Alertmanager may send it twice").isEqualTo("ignored");

    NotificationJobs.run(management, instance);
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage mail : mailServer.received()) {
      if (mail.getSubject().endsWith("Monitoring: the alert has cleared")) {
        mails.add(mail);
      }
    }
    assertThat(mails).hasSize(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId("Task_NotifyGroupOfClearedAlert").count()).as("the model's own send task told the group").isEqualTo(1);
    assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo("database-support@incidentflow.example");
    assertThat(MailBodies.text(mails.get(0))).contains(number, "has cleared: HighErrorRate");

    JsonNode incident = ApiClient.as(http, "alice").get("/api/incidents/" + number).getBody();
    assertThat(incident.get("assignmentGroup").asText()).isEqualTo("database-support");
    assertThat(StreamSupport.stream(incident.get("timeline").spliterator(), false)
        .filter(e -> e.get("type").asText().equals("comment")).map(e -> e.get("text").asText()))
        .containsExactly("Alert cleared: HighErrorRate (ended 2026-11-23T10:30:00Z)");
    assertThat(alerts(number).get(0).get("clearedAt").asText()).isNotBlank();
  }

  @Test
  void aResolvedAlert_whileItsIncidentsTimerFires_isClearedAndToldEveryTime() throws Exception {
    for (int round = 0; round < 8; round++) {
      ClockUtil.reset();
      fingerprint = Long.toHexString(System.nanoTime());
      String number = send(webhook("firing", alert("firing", "postgres-orders", "critical"))).getBody().get("alerts")
          .get(0).get("incidentNumber").asText();
      String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
      Job timer = management.createJobQuery().processInstanceId(instance).activityId("Event_ResponseDue")
          .singleResult();
      ClockUtil.setCurrentTime(timer.getDuedate());

      List<Object> outcomes = AtOnce.run(() -> management.executeJob(timer.getId()),
          () -> send(webhook("resolved", alert("resolved", "postgres-orders", "critical"))));

      @SuppressWarnings("unchecked")
      ResponseEntity<JsonNode> clearing = (ResponseEntity<JsonNode>) outcomes.get(1);
      assertThat(clearing.getStatusCode().value()).as("round " + round + ": " + clearing.getBody()).isEqualTo(200);
      assertThat(clearing.getBody().get("alerts").get(0).get("outcome").asText()).isEqualTo("cleared");
      if (management.createJobQuery().jobId(timer.getId()).count() > 0) {
        management.executeJob(timer.getId());
      }
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
          .activityId("Task_NotifyGroupOfClearedAlert").count()).as("round " + round).isEqualTo(1);
      assertThat(runtime.getVariable(instance, "responseBreached")).as("the timer fired too").isEqualTo(true);
    }
  }

  @Test
  void onceTheIncidentIsClosed_theNextFiringReportsANewOne() {
    String first = send(webhook("firing", alert("firing", "crm", "info"))).getBody().get("alerts").get(0)
        .get("incidentNumber").asText();
    String triage = tasks.createTaskQuery().processInstanceBusinessKey(first).singleResult().getId();
    tasks.complete(triage, IncidentDriver.triage("triageDecision", "cancel", "category", "monitoring",
        "assignmentGroup", "service-desk", "impact", "low", "urgency", "low", "cancelReason", "Planned maintenance"));

    JsonNode next = send(webhook("firing", alert("firing", "crm", "info"))).getBody().get("alerts").get(0);

    assertThat(next.get("outcome").asText()).isEqualTo("created");
    assertThat(next.get("incidentNumber").asText()).isNotEqualTo(first);
    assertThat(incidentsOf(fingerprint)).containsExactlyInAnyOrder(first, next.get("incidentNumber").asText());
  }

  @Test
  void aChangedClassification_deployedAsFromModeler_appliesToTheNextAlert() throws Exception {
    String dmn = Files.readString(Path.of("dmn", AlertIntake.DECISION + ".dmn"));
    String rule = dmn.substring(dmn.indexOf("<rule id=\"Rule_Warning\">"));
    rule = rule.substring(0, rule.indexOf("</rule>"));
    // The process owner's edit: a warning is as urgent as an error.
    String edited = rule.replace("<text>\"low\"</text>", "<text>\"medium\"</text>");
    assertThat(edited).isNotEqualTo(rule);
    Deployment changed = repository.createDeployment().name("AlertClassification").source("Camunda Modeler")
        .addString("AlertClassification.dmn", dmn.replace(rule, edited)).deploy();
    try {
      String number = send(webhook("firing", alert("firing", "crm", "warning"))).getBody().get("alerts").get(0)
          .get("incidentNumber").asText();

      JsonNode incident = ApiClient.as(http, "alice").get("/api/incidents/" + number).getBody();
      assertThat(incident.get("impact").asText()).isEqualTo("medium");
      assertThat(incident.get("priorityLabel").asText()).isEqualTo("Moderate");
    } finally {
      repository.deleteDeployment(changed.getId(), true);
    }
  }

  @Test
  void aBadGroup_is400NamingEachField_andReportsNothing() {
    Map<String, Object> bad = alert("pending", "vpn", "critical");
    bad.put("fingerprint", "");
    Map<String, Object> webhook = webhook("firing", alert("firing", "vpn", "critical"), bad);
    webhook.put("version", "3");

    ResponseEntity<JsonNode> response = send(webhook);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(StreamSupport.stream(response.getBody().get("fields").spliterator(), false)
        .map(f -> f.get("field").asText() + ": " + f.get("message").asText())).containsExactly(
        "version: must be \"4\", the Alertmanager webhook payload this receiver reads (was '3')",
        "alerts[1].status: must be firing or resolved (was 'pending')",
        "alerts[1].fingerprint: is required");
    assertThat(incidentsOf(fingerprint)).isEmpty();

    Map<String, Object> listLabels = alert("firing", "vpn", "critical");
    listLabels.put("labels", List.of("vpn"));
    ResponseEntity<JsonNode> wrongType = send(webhook("firing", listLabels));
    assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongType.getBody().get("fields").get(0).get("field").asText()).isEqualTo("alerts[0].labels");

    ResponseEntity<JsonNode> malformed = ApiClient.withToken(http, "demo-alert-token").post("/api/alerts", "{\"alerts\": [");
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ResponseEntity<JsonNode> send(Map<String, Object> webhook) {
    return ApiClient.withToken(http, "demo-alert-token").post("/api/alerts", webhook);
  }

  /** The incidents whose alert has the fingerprint, as the read model lists them. */
  /** The incidents, open or ended, whose description names the alert's fingerprint. */
  private List<String> incidentsOf(String fingerprint) {
    List<String> numbers = new ArrayList<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey("IncidentManagementProcess").variableValueLike(
        "description", "%Fingerprint: " + fingerprint).list().forEach(p -> numbers.add(p.getBusinessKey()));
    return numbers;
  }

  private JsonNode alerts(String number) {
    return ApiClient.as(http, "alice").get("/api/incidents/" + number + "/alerts").getBody();
  }

  @SafeVarargs
  private Map<String, Object> webhook(String status, Map<String, Object>... alerts) {
    Map<String, Object> webhook = new LinkedHashMap<>();
    webhook.put("version", "4");
    webhook.put("groupKey", "{}:{alertname=\"HighErrorRate\"}");
    webhook.put("truncatedAlerts", 0);
    webhook.put("status", status);
    webhook.put("receiver", "incident-flow");
    webhook.put("groupLabels", Map.of("alertname", "HighErrorRate"));
    webhook.put("commonLabels", Map.of("alertname", "HighErrorRate"));
    webhook.put("commonAnnotations", Map.of());
    webhook.put("externalURL", "http://alertmanager.example:9093");
    webhook.put("alerts", new ArrayList<>(List.of(alerts)));
    return webhook;
  }

  private Map<String, Object> alert(String status, String service, String severity) {
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("status", status);
    alert.put("labels", Map.of("alertname", "HighErrorRate", "service", service, "severity", severity,
        "instance", "web-1:9100"));
    alert.put("annotations", Map.of("summary", "Checkout answers 5xx for 12% of requests",
        "description", "The error ratio of the checkout has been above 5% for 10 minutes."));
    alert.put("startsAt", "2026-11-23T10:00:00Z");
    alert.put("endsAt", "resolved".equals(status) ? "2026-11-23T10:30:00Z" : "0001-01-01T00:00:00Z");
    alert.put("generatorURL", "http://prometheus.example:9090/graph?g0.expr=rate");
    alert.put("fingerprint", fingerprint);
    return alert;
  }
}
