package io.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.EngineDoor.Answer;
import io.incidentflow.EngineDoor;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.incident.IncidentProcess;
import io.incidentflow.notification.DemoMailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent writes only what his task's form asks for, through either door of the engine: no variable
 * outside a completion, no field the form does not have (everything the process computes), no value the
 * form would not take; a report starts with the report's fields only. The incident is its business key,
 * whatever a variable says.
 */
@IncidentFlowTest
class TaskInputGuardTest extends IncidentFlowTestBase {

  @Autowired
  RepositoryService repository;
  @Autowired
  DemoMailServer mail;
  @LocalServerPort
  int port;

  private ProcessInstance incident;
  private Task investigation;

  @BeforeEach
  void incidentClaimedByBob() {
    investigation = incidents.task(incidents.routed());
    incident = runtime.createProcessInstanceQuery().processInstanceId(investigation.getProcessInstanceId()).singleResult();
    tasks.claim(investigation.getId(), "bob");
  }

  @Test
  void variablesOutsideACompletion_areRefused_atBothDoors() {
    String task = "/task/" + investigation.getId();
    for (EngineDoor bob : EngineDoor.both(port, "bob").values()) {
      assertRefused(bob.put(task + "/variables/incidentNumber", Map.of("value", "INC0000001", "type", "String")),
          bob + " PUT variables/incidentNumber", 403, "incidentNumber");
      assertRefused(bob.put(task + "/localVariables/escalationLevel", Map.of("value", -7, "type", "Integer")),
          bob + " PUT localVariables", 403, "escalationLevel");
      assertRefused(bob.post(task + "/variables", Map.of("modifications", Map.of("reopenCount",
          Map.of("value", -1, "type", "Integer")), "deletions", List.of("status"))), bob + " POST variables", 403,
          "reopenCount, status");
      assertRefused(bob.delete(task + "/variables/responseDue"), bob + " DELETE variables", 403, "responseDue");
      assertRefused(bob.put(task, Map.of("name", "Nothing to see", "priority", 100)), bob + " PUT task", 403,
          "priority");
    }
    Map<String, Object> variables = runtime.getVariables(incident.getId());
    assertThat(variables.get("incidentNumber")).isEqualTo(incident.getBusinessKey());
    assertThat(variables).containsEntry("escalationLevel", 0).containsEntry("reopenCount", 0)
        .containsEntry("status", "IN_PROGRESS").containsKey("responseDue");
    assertThat(tasks.createTaskQuery().taskId(investigation.getId()).singleResult().getPriority()).isEqualTo(80);
  }

  @Test
  void aCompletion_carriesOnlyTheFieldsOfTheForm_atBothDoors() {
    String task = "/task/" + investigation.getId();
    for (EngineDoor bob : EngineDoor.both(port, "bob").values()) {
      for (String computed : List.of("incidentNumber", "priority", "status", "responseBreached", "escalationLevel",
          "reopenCount", "resolutionDue", "resolvedAt", "closedAt")) {
        Map<String, Object> variables = resolved();
        variables.put(computed, Map.of("value", "one"));
        assertRefused(bob.post(task + "/complete", Map.of("variables", variables)), bob + " complete + " + computed,
            403, computed);
        assertRefused(bob.post(task + "/submit-form", Map.of("variables", variables)),
            bob + " submit-form + " + computed, 403, computed);
      }
      Map<String, Object> bogus = resolved();
      bogus.put("resolutionCode", Map.of("value", "solved-it-myself"));
      assertRefused(bob.post(task + "/submit-form", Map.of("variables", bogus)), bob + " bad code", 400,
          "resolutionCode must be one of");
      Map<String, Object> bytes = resolved();
      bytes.put("resolutionNotes", Map.of("value", "AAAA", "type", "Bytes"));
      assertRefused(bob.post(task + "/complete", Map.of("variables", bytes)), bob + " bytes", 400,
          "resolutionNotes must be text");
      Map<String, Object> tooLong = resolved();
      tooLong.put("resolutionNotes", Map.of("value", "x".repeat(4001)));
      assertRefused(bob.post(task + "/submit-form", Map.of("variables", tooLong)), bob + " too long", 400,
          "resolutionNotes must be at most 4000 characters");
    }
    assertThat(tasks.createTaskQuery().taskId(investigation.getId()).count()).isOne();

    Answer done = EngineDoor.webapp(port, "bob").post(task + "/submit-form", Map.of("variables", resolved()));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(runtime.getVariable(incident.getId(), "status")).isEqualTo("RESOLVED");
  }

  @Test
  void aReport_startsWithTheReportsFieldsOnly_atBothDoors() {
    String start = "/process-definition/key/" + IncidentProcess.KEY;
    for (EngineDoor alice : EngineDoor.both(port, "alice").values()) {
      Map<String, Object> closedAlready = report();
      closedAlready.put("status", Map.of("value", "CLOSED"));
      assertRefused(alice.post(start + "/start", Map.of("variables", closedAlready)), alice + " start", 403, "status");
      Map<String, Object> p1 = report();
      p1.put("priority", Map.of("value", 1, "type", "Integer"));
      assertRefused(alice.post(start + "/submit-form", Map.of("variables", p1)), alice + " submit-form", 403,
          "priority");
      assertRefused(alice.post(start + "/start", Map.of("variables", report(), "startInstructions",
          List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ConfirmResolution")))),
          alice + " start at a step", 403, "chosen step");
      Answer reported = alice.post(start + "/submit-form", Map.of("variables", report()));
      assertThat(reported.status()).as(alice + " " + reported.body()).isEqualTo(200);
    }
  }

  @Test
  void anAdministrator_mayRepairAVariable() {
    Answer repaired = EngineDoor.engineRest(port, "demo").put("/task/" + investigation.getId() + "/variables/onHoldNote",
        Map.of("value", "Set by the administrator", "type", "String"));
    assertThat(repaired.status()).as(repaired.body()).isEqualTo(204);
    assertThat(runtime.getVariable(incident.getId(), "onHoldNote")).isEqualTo("Set by the administrator");
  }

  @Test
  void anIncidentIsItsBusinessKey_whateverItsNumberVariableSays() throws Exception {
    ProcessInstance other = runtime.startProcessInstanceByKey(IncidentProcess.KEY, Incidents.vpnReport());
    // Even an administrator's slip cannot point the incident at another: mails and records follow the key.
    runtime.setVariable(incident.getId(), "incidentNumber", other.getBusinessKey());
    mail.clear();
    Answer resolved = EngineDoor.engineRest(port, "bob").post("/task/" + investigation.getId() + "/complete",
        Map.of("variables", resolved()));
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(204);
    incidents.sendNotifications(incident);

    List<MimeMessage> mails = mail.received();
    assertThat(mails).isNotEmpty();
    for (MimeMessage message : mails) {
      assertThat(message.getSubject()).startsWith("[" + incident.getBusinessKey() + "]");
    }
    assertThat(runtime.getVariable(other.getId(), "status")).isEqualTo("NEW");
  }

  @Test
  void aProcessOwner_cannotDeleteADeploymentWithItsInstances() {
    String boundary = "----incident-flow-test";
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_PaulaDraft" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="PaulaDraft" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Started"/>
            <bpmn:sequenceFlow id="SequenceFlow_ToWait" sourceRef="StartEvent_Started" targetRef="Task_Wait"/>
            <bpmn:userTask id="Task_Wait"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\npaula-draft\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"PaulaDraft.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    EngineDoor paula = EngineDoor.engineRest(port, "paula");
    Answer deployed = paula.send("POST", "/deployment/create", "multipart/form-data; boundary=" + boundary, body);
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    String deployment = deployed.json().get("id").asText();
    ProcessInstance running = runtime.startProcessInstanceByKey("PaulaDraft");

    assertRefused(paula.delete("/deployment/" + deployment + "?cascade=true"), "DELETE cascade", 403, "cascade");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(running.getId()).count()).isOne();

    assertThat(EngineDoor.engineRest(port, "demo").delete("/deployment/" + deployment + "?cascade=true").status())
        .isEqualTo(204);
    assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isZero();
  }

  private static Map<String, Object> resolved() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("investigationOutcome", Map.of("value", "resolved"));
    variables.put("resolutionCode", Map.of("value", "configuration-change"));
    variables.put("resolutionNotes", Map.of("value", "Raised the gateway's idle timeout."));
    return variables;
  }

  private static Map<String, Object> report() {
    Map<String, Object> variables = new HashMap<>();
    Incidents.vpnReport().forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }

  private static void assertRefused(Answer answer, String what, int status, String mentions) {
    assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status);
    assertThat(answer.json().get("message").asText()).as(what).contains(mentions);
  }
}
