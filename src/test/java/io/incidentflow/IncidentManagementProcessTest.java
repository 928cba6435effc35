package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.incidentflow.incident.InvalidIncidentInputException;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * IncidentManagementProcess, path by path, with the status asserted at every step. Runs the deployed
 * models with the real DMN decisions and delegates; timers are driven by the engine clock.
 */
@IncidentFlowTest
class IncidentManagementProcessTest extends IncidentFlowTestBase {




  @Test
  void happyPath_reportTriageInvestigateResolveConfirmClose() {
    ProcessInstance incident = incidents.report();

    assertThat(incident).isWaitingAt("Task_TriageIncident").hasBusinessKey(incidents.number(incident));
    assertThat(incidents.number(incident)).matches("INC\\d{7}");
    assertThat(incident).variables()
        .containsEntry("status", "NEW")
        .containsEntry("category", "network")
        .containsEntry("assignmentGroup", "network-support")
        .containsEntry("priority", 2)
        .containsEntry("priorityLabel", "High")
        .containsEntry("reopenCount", 0)
        .containsEntry("reassignmentCount", 0)
        // The decision results are mapped to the contract's variables, not kept as opaque maps.
        .doesNotContainKeys("categorization", "prioritization");
    assertThat(task(incident)).hasCandidateGroup("service-desk");
    assertThat(task(incident).getName())
        .isEqualTo(incidents.number(incident) + " · P2 High · VPN drops every 10 minutes from home office · Triage incident");
    assertThat(task(incident).getPriority()).isEqualTo(80);

    complete(task(incident), IncidentDriver.ROUTE);
    assertThat(incident).isWaitingAt("Task_InvestigateIncident").variables().containsEntry("status", "ASSIGNED");
    assertThat(task(incident)).hasCandidateGroup("network-support").isNotAssigned();

    tasks.claim(task(incident).getId(), "bob");
    assertThat(incident).variables().containsEntry("status", "IN_PROGRESS");

    complete(task(incident), withVariables("investigationOutcome", "resolved", "resolutionCode", "configuration-change",
        "resolutionNotes", "Raised the VPN idle timeout on the concentrator."));
    assertThat(incident).isWaitingAt("Task_ConfirmResolution").variables()
        .containsEntry("status", "RESOLVED").containsEntry("resolvedBy", "bob");
    assertThat(task(incident)).hasCandidateGroup("service-desk");

    complete(task(incident), withVariables("resolutionAccepted", true, "confirmationComment", "Works again, thanks"));
    incidents.sendNotifications(incident);
    assertThat(incident).isEnded().hasPassed("Task_DocumentClosure", "EndEvent_IncidentClosed");
    assertThat(incident).variables()
        .containsEntry("status", "CLOSED")
        .containsKey("closedAt");
    assertThat((String) BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(incident.getId()).variableName("closureSummary").singleResult().getValue())
        .contains(incidents.number(incident), "resolution accepted by the caller", "configuration-change", "bob");
  }

  @Test
  void incidentNumbersAreUniqueAndIncreasing() {
    String first = incidents.number(incidents.report());
    String second = incidents.number(incidents.report());
    assertThat(second).isGreaterThan(first);
  }

  @Test
  void firstContactResolution_skipsTheGroup() {
    ProcessInstance incident = incidents.report();

    complete(task(incident), IncidentDriver.triage("triageDecision", "resolve",
        "resolutionCode", "user-training", "resolutionNotes", "Showed the caller how to reconnect."));

    assertThat(incident).isWaitingAt("Task_ConfirmResolution").hasNotPassed("Task_InvestigateIncident");
    assertThat(incident).variables().containsEntry("status", "RESOLVED");
    complete(task(incident), withVariables("resolutionAccepted", true));
    incidents.sendNotifications(incident);
    assertThat(incident).isEnded().variables().containsEntry("status", "CLOSED");
  }

  @Test
  void cancel_endsCanceledWithTheReason() {
    ProcessInstance incident = incidents.report();

    complete(task(incident), IncidentDriver.triage("triageDecision", "cancel",
        "cancelReason", "Duplicate of an incident reported five minutes earlier."));

    incidents.sendNotifications(incident);

    assertThat(incident).isEnded().hasPassed("EndEvent_IncidentCanceled").hasNotPassed("Task_DocumentClosure");
    assertThat(incident).variables().containsEntry("status", "CANCELED")
        .containsEntry("cancelReason", "Duplicate of an incident reported five minutes earlier.");
  }

  @Test
  void triage_correctedImpactAndUrgencyRecalculatePriority() {
    ProcessInstance incident = incidents.report(Incidents.vpnReport("low", "low"));
    assertThat(incident).variables().containsEntry("priority", 5).containsEntry("priorityLabel", "Planning");

    complete(task(incident), IncidentDriver.triage("impact", "high", "urgency", "high"));

    assertThat(incident).isWaitingAt("Task_InvestigateIncident").variables()
        .containsEntry("priority", 1).containsEntry("priorityLabel", "Critical");
    assertThat(task(incident).getPriority()).isEqualTo(100);
    assertThat(task(incident).getName()).contains("P1 Critical");
  }

  @Test
  void onHold_andResume_backToTheSameAgent() {
    ProcessInstance incident = routedAndClaimedByBob();

    complete(task(incident), withVariables("investigationOutcome", "on-hold", "onHoldReason", "awaiting-caller",
        "onHoldNote", "Please send the VPN client log."));
    assertThat(incident).isWaitingAt("Task_AwaitInformation").variables()
        .containsEntry("status", "ON_HOLD").containsEntry("onHoldReason", "awaiting-caller");
    assertThat(task(incident)).isAssignedTo("bob");
    assertThat(tasks.getIdentityLinksForTask(task(incident).getId()))
        .anyMatch(link -> "candidate".equals(link.getType()) && "network-support".equals(link.getGroupId()));

    complete(task(incident));
    assertThat(incident).isWaitingAt("Task_InvestigateIncident").variables().containsEntry("status", "IN_PROGRESS")
        .doesNotContainKey("investigationOutcome");
    assertThat(task(incident)).isAssignedTo("bob");
  }

  @Test
  void reassign_backToAssignedWithTheNewGroupAndCounted() {
    ProcessInstance incident = routedAndClaimedByBob();

    complete(task(incident), withVariables("investigationOutcome", "reassign", "assignmentGroup", "application-support"));

    assertThat(incident).hasPassed("Task_ReassignIncident").isWaitingAt("Task_InvestigateIncident");
    assertThat(incident).variables().containsEntry("status", "ASSIGNED")
        .containsEntry("assignmentGroup", "application-support").containsEntry("reassignmentCount", 1);
    assertThat(task(incident)).hasCandidateGroup("application-support").isNotAssigned();

    tasks.claim(task(incident).getId(), "carol");
    assertThat(incident).variables().containsEntry("status", "IN_PROGRESS");
    tasks.setAssignee(task(incident).getId(), null);
    assertThat(incident).variables().containsEntry("status", "ASSIGNED");
  }

  @Test
  void reassign_toTheSameGroupIsRefused() {
    ProcessInstance incident = routedAndClaimedByBob();
    String taskId = task(incident).getId();

    assertThatThrownBy(() -> tasks.complete(taskId,
        Map.of("investigationOutcome", "reassign", "assignmentGroup", "network-support")))
        .isInstanceOf(InvalidIncidentInputException.class)
        .hasMessageContaining("assignmentGroup must be another group than network-support");
    assertThat(incident).isWaitingAt("Task_InvestigateIncident").variables().containsEntry("reassignmentCount", 0);
  }

  @Test
  void rejectedResolution_reopensToTheSameGroup() {
    ProcessInstance incident = routedAndClaimedByBob();
    complete(task(incident), withVariables("investigationOutcome", "resolved", "resolutionCode", "fixed",
        "resolutionNotes", "Replaced the VPN profile."));
    assertThat(incident).variables().containsEntry("status", "RESOLVED");

    complete(task(incident), withVariables("resolutionAccepted", false, "confirmationComment", "Still drops at 10:15"));

    assertThat(incident).hasPassed("Task_ReopenIncident").isWaitingAt("Task_InvestigateIncident");
    assertThat(incident).variables().containsEntry("status", "ASSIGNED").containsEntry("reopenCount", 1)
        .containsEntry("confirmationComment", "Still drops at 10:15").doesNotContainKey("resolutionAccepted");
    assertThat(task(incident)).hasCandidateGroup("network-support");

    tasks.claim(task(incident).getId(), "bob");
    complete(task(incident), withVariables("investigationOutcome", "resolved", "resolutionCode", "fixed",
        "resolutionNotes", "Replaced the home router's firmware."));
    complete(task(incident), withVariables("resolutionAccepted", true));
    incidents.sendNotifications(incident);
    assertThat(incident).isEnded().variables().containsEntry("status", "CLOSED").containsEntry("reopenCount", 1);
  }

  @Test
  void noAnswer_autoClosesAfterTheConfiguredPeriod() {
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    ProcessInstance incident = routedAndClaimedByBob();
    complete(task(incident), withVariables("investigationOutcome", "resolved", "resolutionCode", "workaround",
        "resolutionNotes", "Use the web VPN until the client update."));
    assertThat(incident).isWaitingAt("Task_ConfirmResolution");
    Job timer = job("BoundaryEvent_AutoCloseDue", incident);
    assertThat(timer.getDuedate()).isEqualTo(Date.from(start.toInstant().plus(Duration.ofDays(5))));

    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofDays(5)).plusSeconds(1)));
    // The resolution clock's timers stand still (suspended) while the incident is resolved.
    assertThat(BpmnAwareTests.managementService().createJobQuery().processInstanceId(incident.getId())
        .duedateLowerThan(ClockUtil.getCurrentTime()).active().count()).isEqualTo(1);
    execute(timer);

    incidents.sendNotifications(incident);

    assertThat(incident).isEnded().hasPassed("BoundaryEvent_AutoCloseDue", "Task_DocumentClosure")
        .hasNotPassed("Gateway_ResolutionAccepted");
    assertThat(incident).variables().containsEntry("status", "CLOSED");
    assertThat((String) BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(incident.getId()).variableName("closureSummary").singleResult().getValue())
        .contains("closed automatically");
  }

  @Test
  void badReport_isRefusedWithEveryFieldAndCreatesNothing() {
    Map<String, Object> report = Incidents.vpnReport();
    report.put("callerEmail", "not-an-address");
    report.put("impact", "severe");
    report.remove("shortDescription");
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("IncidentManagementProcess").count();

    assertThatThrownBy(() -> incidents.report(report))
        .isInstanceOf(InvalidIncidentInputException.class)
        .hasMessageContaining("shortDescription is required")
        .hasMessageContaining("callerEmail must be an e-mail address")
        .hasMessageContaining("impact must be one of high, medium, low (was 'severe')");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("IncidentManagementProcess").count())
        .isEqualTo(before);
  }

  @Test
  void triage_resolveWithoutNotesIsRefused() {
    ProcessInstance incident = incidents.report();
    String taskId = task(incident).getId();

    assertThatThrownBy(() -> tasks.complete(taskId, IncidentDriver.triage("triageDecision", "resolve")))
        .isInstanceOf(InvalidIncidentInputException.class)
        .hasMessageContaining("resolutionCode is required")
        .hasMessageContaining("resolutionNotes is required");
    assertThat(incident).isWaitingAt("Task_TriageIncident").variables().containsEntry("status", "NEW");
  }

  @Test
  void confirmation_needsAYesOrNo() {
    ProcessInstance incident = routedAndClaimedByBob();
    complete(task(incident), withVariables("investigationOutcome", "resolved", "resolutionCode", "fixed",
        "resolutionNotes", "Replaced the VPN profile."));
    String taskId = task(incident).getId();

    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("resolutionAccepted", "maybe")))
        .isInstanceOf(InvalidIncidentInputException.class)
        .hasMessageContaining("resolutionAccepted must be true or false");
    assertThat(incident).isWaitingAt("Task_ConfirmResolution");
  }

  /** The detours start where they start: at the investigation, which bob has taken. */
  private ProcessInstance routedAndClaimedByBob() {
    ProcessInstance incident = incidents.investigating("bob");
    assertThat(incident).variables().containsEntry("status", "IN_PROGRESS");
    return incident;
  }

}
