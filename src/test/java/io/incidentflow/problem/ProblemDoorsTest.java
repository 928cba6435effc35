package io.incidentflow.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.EngineDoor;
import io.incidentflow.EngineDoor.Answer;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Problem management through the engine's doors (the engine REST API and Tasklist's session API): an agent's
 * investigation takes the form's problem fields and nothing the process computes, and a problem's steps are for
 * problem managers, with the fields of their forms.
 */
@IncidentFlowTest
class ProblemDoorsTest extends IncidentFlowTestBase {

  @LocalServerPort
  int port;
  @Autowired
  ProblemRaising raising;

  ProblemDriver problems;

  @BeforeEach
  void driver() {
    problems = new ProblemDriver(runtime, tasks, management, history, incidents);
  }

  @Test
  void anAgentLinksAProblem_onlyThroughTheFormsFields() {
    ProcessInstance incident = problems.routed("erp", "inquiry", "application-support", "ERP export times out");
    Task investigation = incidents.task(incident);
    tasks.claim(investigation.getId(), "carol");
    String task = "/task/" + investigation.getId();

    for (EngineDoor carol : EngineDoor.both(port, "carol").values()) {
      Map<String, Object> forged = onHold();
      forged.put("problemNumber", Map.of("value", "PRB0000001"));
      assertRefused(carol.post(task + "/complete", Map.of("variables", forged)), carol + " forged link", 403,
          "problemNumber");
      Map<String, Object> malformed = onHold();
      malformed.put("knownErrorNumber", Map.of("value", "PRB12"));
      assertRefused(carol.post(task + "/submit-form", Map.of("variables", malformed)), carol + " malformed", 400,
          "knownErrorNumber");
      assertRefused(carol.post(task + "/submit-form", Map.of("variables", onHold())), carol + " unlinked", 400,
          "onHoldReason");
    }
    assertThat(incident).extracting(i -> runtime.getVariable(i.getId(), "status")).isEqualTo("IN_PROGRESS");

    Map<String, Object> raised = onHold();
    raised.put("raiseProblem", Map.of("value", true));
    Answer done = EngineDoor.webapp(port, "carol").post(task + "/submit-form", Map.of("variables", raised));

    assertThat(done.status()).as(done.body()).isEqualTo(204);
    String number = (String) runtime.getVariable(incident.getId(), "problemNumber");
    assertThat(runtime.getVariable(incident.getId(), "status")).isEqualTo("ON_HOLD");
    assertThat(runtime.getVariable(problems.problem(number).getId(), "raisedBy")).isEqualTo("carol");
  }

  @Test
  void aProblemsStepIsForProblemManagers_withTheFieldsOfItsForm() {
    String number = raising.raise("ERP export times out", "Every month end.", "erp", List.of(), "pete", "api");
    String task = "/task/" + problems.task(number).getId();

    Answer alice = EngineDoor.engineRest(port, "alice").post(task + "/complete",
        Map.of("variables", Map.of("rootCause", Map.of("value", "Guessing."), "workaroundAvailable",
            Map.of("value", false))));
    assertThat(alice.status()).as(alice.body()).isIn(403, 404);

    EngineDoor pete = EngineDoor.engineRest(port, "pete");
    assertThat(pete.post(task + "/claim", Map.of("userId", "pete")).status()).isEqualTo(204);
    assertRefused(pete.post(task + "/complete", Map.of("variables", Map.of("rootCause", Map.of("value", "Locks."),
        "workaroundAvailable", Map.of("value", false), "problemStatus", Map.of("value", "CLOSED")))),
        "pete sets the status", 403, "problemStatus");
    assertRefused(pete.post(task + "/complete", Map.of("variables", Map.of("workaroundAvailable",
        Map.of("value", false)))), "pete without a root cause", 400, "rootCause");
    Answer done = pete.post(task + "/complete", Map.of("variables", Map.of("rootCause",
        Map.of("value", "The export locks the invoice table."), "workaroundAvailable", Map.of("value", false))));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(problems.problem(number)).extracting(p -> runtime.getVariable(p.getId(), "problemManager"))
        .isEqualTo("pete");
  }

  private static Map<String, Object> onHold() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("investigationOutcome", Map.of("value", "on-hold"));
    variables.put("onHoldReason", Map.of("value", "awaiting-problem"));
    variables.put("onHoldNote", Map.of("value", "Waits for the export fix"));
    return variables;
  }

  private static void assertRefused(Answer answer, String what, int status, String mentions) {
    assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status);
    assertThat(answer.json().get("message").asText()).as(what).contains(mentions);
  }
}
