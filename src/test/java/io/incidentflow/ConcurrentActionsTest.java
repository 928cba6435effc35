package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.EngineDoor.Answer;
import io.incidentflow.api.ApiClient;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People click at any moment: a task completed, a claim or the caller's answer sent in the very moment a
 * job of the same incident runs (its SLA timer, a mail going out) succeeds, every time, at the engine's
 * door and at the API's. Each race is run many times in a row.
 */
@IncidentFlowTest
class ConcurrentActionsTest extends IncidentFlowTestBase {

  private static final int ROUNDS = 12;

  @LocalServerPort
  int port;


  @Test
  void triageCompleted_whileTheResponseTimerEscalates_succeedsEveryTime() throws Exception {
    EngineDoor alice = EngineDoor.engineRest(port, "alice");
    for (int round = 0; round < ROUNDS; round++) {
      ClockUtil.reset();
      ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess",
          Incidents.vpnReport("high", "high"));
      Task triage = tasks.createTaskQuery().processInstanceId(incident.getId()).singleResult();
      Job timer = management.createJobQuery().processInstanceId(incident.getId()).activityId("Event_ResponseDue")
          .singleResult();
      ClockUtil.setCurrentTime(timer.getDuedate());

      List<Object> outcomes = AtOnce.run(
          () -> management.executeJob(timer.getId()),
          () -> alice.post("/task/" + triage.getId() + "/complete", Map.of("variables", Map.of(
              "triageDecision", Map.of("value", "route"), "category", Map.of("value", "network"),
              "assignmentGroup", Map.of("value", "network-support"), "impact", Map.of("value", "high"),
              "urgency", Map.of("value", "high")))));

      Answer completion = (Answer) outcomes.get(1);
      assertThat(completion.status()).as("round " + round + ": " + completion.body()).isEqualTo(204);
      // The job executor runs a timer that lost the race again.
      if (management.createJobQuery().jobId(timer.getId()).count() > 0) {
        management.executeJob(timer.getId());
      }
      assertThat(runtime.getVariable(incident.getId(), "status")).isEqualTo("ASSIGNED");
      assertThat(runtime.getVariable(incident.getId(), "escalationLevel")).as("escalated once").isEqualTo(1);
      Task investigation = tasks.createTaskQuery().processInstanceId(incident.getId()).singleResult();
      assertThat(tasks.getIdentityLinksForTask(investigation.getId())).extracting("groupId")
          .contains("network-support", "incident-managers");
    }
  }

  @Test
  void aClaim_rightAfterTheTriage_whileItsMailGoesOut_succeedsEveryTime() throws Exception {
    EngineDoor bob = EngineDoor.webapp(port, "bob");
    for (int round = 0; round < ROUNDS; round++) {
      Task investigation = incidents.task(incidents.routed());
      List<Job> mails = management.createJobQuery().processInstanceId(investigation.getProcessInstanceId()).messages()
          .list();

      List<Object> outcomes = AtOnce.run(
          () -> mails.forEach(mail -> management.executeJob(mail.getId())),
          () -> bob.post("/task/" + investigation.getId() + "/claim", Map.of("userId", "bob")));

      Answer claim = (Answer) outcomes.get(1);
      assertThat(claim.status()).as("round " + round + ": " + claim.body()).isEqualTo(204);
      assertThat(runtime.getVariable(investigation.getProcessInstanceId(), "status")).isEqualTo("IN_PROGRESS");
    }
  }

  @Test
  void theCallersRejection_rightAfterTheResolution_whileItsMailGoesOut_succeedsEveryTime() throws Exception {
    ApiClient alice = ApiClient.as(http, "alice");
    for (int round = 0; round < ROUNDS; round++) {
      Task investigation = incidents.task(incidents.routed());
      String instance = investigation.getProcessInstanceId();
      NotificationJobs.run(management, instance);
      tasks.claim(investigation.getId(), "bob");
      tasks.complete(investigation.getId(), Map.of("investigationOutcome", "resolved", "resolutionCode", "fixed",
          "resolutionNotes", "Replaced the home router."));
      String number = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
      List<Job> mails = management.createJobQuery().processInstanceId(instance).messages().list();

      List<Object> outcomes = AtOnce.run(
          () -> mails.forEach(mail -> management.executeJob(mail.getId())),
          () -> alice.post("/api/incidents/" + number + "/resolution-confirmation",
              Map.of("accepted", false, "comment", "Still drops at 10:15")));

      @SuppressWarnings("unchecked")
      org.springframework.http.ResponseEntity<com.fasterxml.jackson.databind.JsonNode> rejection =
          (org.springframework.http.ResponseEntity<com.fasterxml.jackson.databind.JsonNode>) outcomes.get(1);
      assertThat(rejection.getStatusCode().value()).as("round " + round + ": " + rejection.getBody()).isEqualTo(200);
      assertThat(runtime.getVariable(instance, "status")).isEqualTo("ASSIGNED");
      assertThat(runtime.getVariable(instance, "reopenCount")).isEqualTo(1);
    }
  }
}
