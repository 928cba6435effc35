package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.incident.IncidentStatus;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a process owner reads in {@code processes/IncidentManagementProcess.bpmn} (Camunda Modeler shows the
 * listeners and attributes in its properties panel): every status change, the pausing and resuming of the
 * resolution clock, an alert clearing, and the task priority and due date.
 */
class ModelTest {

  private static final Pattern STATUS_SET = Pattern.compile("incidentStatus\\.set\\((?:execution|task),(.*)\\)");
  private static BpmnModelInstance model;

  @BeforeAll
  static void read() {
    model = Bpmn.readModelFromFile(new File("processes/IncidentManagementProcess.bpmn"));
  }

  @Test
  void everyStatusIsSetInTheModel() {
    List<String> expressions = listenerExpressions();
    String statusesSet = expressions.stream().map(STATUS_SET::matcher).filter(Matcher::find)
        .map(m -> m.group(1)).reduce("", String::concat);
    assertThat(Arrays.stream(IncidentStatus.values()).map(Enum::name))
        .allSatisfy(status -> assertThat(statusesSet).contains("'" + status + "'"));
  }

  @Test
  void theResolutionClockPausesAndResumesInStepsOfItsOwn() {
    assertThat(serviceTasksCalling("${pauseResolutionClockDelegate}"))
        .containsExactlyInAnyOrder("Task_PauseResolutionClock", "Task_PauseClockWhileResolved");
    assertThat(serviceTasksCalling("${resumeResolutionClockDelegate}"))
        .containsExactlyInAnyOrder("Task_ResumeResolutionClock", "Task_ResumeClockOnReopening");
    assertThat(listenerExpressions()).noneMatch(expression -> expression.contains("slaClock.pause")
        || expression.contains("slaClock.resume"));
  }

  @Test
  void anAlertClearingIsAMessageWithItsOwnSendTask() {
    Message message = model.getModelElementById("Message_AlertCleared");
    assertThat(message.getName()).isEqualTo("AlertCleared");
    SubProcess eventSubprocess = model.getModelElementById("SubProcess_AlertCleared");
    assertThat(eventSubprocess.triggeredByEvent()).isTrue();
    StartEvent start = model.getModelElementById("StartEvent_AlertCleared");
    assertThat(start.isInterrupting()).as("an incident goes on while its group hears of the clearing").isFalse();
    assertThat(start.getEventDefinitions()).singleElement()
        .satisfies(definition -> assertThat(((MessageEventDefinition) definition).getMessage()).isEqualTo(message));
    SendTask send = model.getModelElementById("Task_NotifyGroupOfClearedAlert");
    assertThat(send.getParentElement()).isEqualTo(eventSubprocess);
    assertThat(send.getCamundaDelegateExpression()).isEqualTo("${sendNotificationDelegate}");
    assertThat(send.getExtensionElements().getElementsQuery().filterByType(
            CamundaInputOutput.class).singleResult()
        .getCamundaInputParameters()).extracting(CamundaInputParameter::getTextContent).containsExactly("ALERT_CLEARED");
  }

  @Test
  void everyUserTaskTakesItsPriorityFromTheDecisionAndItsDatesFromTheSla() {
    assertThat(model.getModelElementsByType(UserTask.class)).hasSize(4).allSatisfy(task -> {
      assertThat(task.getCamundaPriority()).as(task.getId()).isEqualTo("${taskPriority}");
      assertThat(task.getCamundaDueDate()).as(task.getId()).isEqualTo("${resolutionDue}");
      assertThat(task.getCamundaFollowUpDate()).as(task.getId() + ": follow up at the SLA warning")
          .isEqualTo("${resolutionWarningDue}");
    });
  }

  private static List<String> listenerExpressions() {
    return model.getModelElementsByType(FlowNode.class).stream()
        .filter(node -> node.getExtensionElements() != null)
        .flatMap(node -> node.getExtensionElements().getElements().stream())
        .map(element -> element instanceof CamundaExecutionListener listener ? listener.getCamundaExpression()
            : element instanceof CamundaTaskListener listener ? listener.getCamundaExpression() : null)
        .filter(expression -> expression != null)
        .toList();
  }

  private static List<String> serviceTasksCalling(String delegateExpression) {
    return model.getModelElementsByType(ServiceTask.class).stream()
        .filter(task -> delegateExpression.equals(task.getCamundaDelegateExpression()))
        .map(ServiceTask::getId).toList();
  }
}
