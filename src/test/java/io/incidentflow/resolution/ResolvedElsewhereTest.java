package io.incidentflow.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.incident.InvalidIncidentInputException;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.resolution.ResolvedElsewhere.Outcome;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An incident resolved because its major incident or its problem was: from every open step, through the
 * model's own resolution (the caller confirms, the clock stops), recording what resolved it.
 */
@IncidentFlowTest
class ResolvedElsewhereTest extends IncidentFlowTestBase {

  @Autowired
  ResolvedElsewhere resolvedElsewhere;

  @Test
  void anIncidentInTheGroupsQueue_isResolvedThroughItsProblemAndTheCallerConfirms() {
    ProcessInstance incident = incidents.routed();
    String number = incidents.number(incident);

    Outcome outcome = resolvedElsewhere.resolve(number, "fixed", "The VPN concentrator's firmware was replaced"
        + " (problem PRB0000001).", "PRB0000001");

    assertThat(outcome).isEqualTo(new Outcome(number, "ASSIGNED", true));
    assertThat(incident).hasPassed("Task_PauseClockWhileResolved").isWaitingAt("Task_ConfirmResolution")
        .variables().containsEntry("status", "RESOLVED").containsEntry("resolutionCode", "fixed")
        .containsEntry("resolvedThrough", "PRB0000001").containsEntry("resolvedBy", "PRB0000001")
        .containsKey("resolvedAt");

    incidents.confirm(incident, true, "Works again, thanks.");
    incidents.sendNotifications(incident);
    assertThat(incident).isEnded();
  }

  @Test
  void anIncidentOnHold_resumesAndIsResolved_itsClockNoLongerPausedForTheHold() {
    ProcessInstance incident = incidents.investigating("bob");
    incidents.hold(incident, "awaiting-vendor", "Vendor ticket 4711");
    assertThat(incident).isWaitingAt("Task_AwaitInformation");

    Outcome outcome = resolvedElsewhere.resolve(incidents.number(incident), "workaround",
        "Use the backup VPN gateway until the parent is fixed.", "INC0000001");

    assertThat(outcome.statusBefore()).isEqualTo("ON_HOLD");
    assertThat(incident).hasPassed("Task_ResumeResolutionClock").isWaitingAt("Task_ConfirmResolution")
        .variables().containsEntry("status", "RESOLVED").containsEntry("resolutionCode", "workaround")
        .containsEntry("resolvedBy", "INC0000001");
  }

  @Test
  void aNewIncident_isResolvedAtTriage() {
    ProcessInstance incident = incidents.report();

    resolvedElsewhere.resolve(incidents.number(incident), "fixed", "Fixed by the major incident.", "INC0000001");

    assertThat(incident).hasPassed("Task_TriageIncident").isWaitingAt("Task_ConfirmResolution")
        .variables().containsEntry("status", "RESOLVED").containsEntry("resolvedBy", "INC0000001");
  }

  @Test
  void aResolvedOrEndedIncident_isLeftAsItWas() {
    ProcessInstance incident = incidents.investigating("bob");
    incidents.resolve(incident, "fixed", "Bob fixed it himself.");

    Outcome outcome = resolvedElsewhere.resolve(incidents.number(incident), "fixed", "Too late.", "PRB0000001");

    assertThat(outcome).isEqualTo(new Outcome(incidents.number(incident), "RESOLVED", false));
    assertThat(incident).variables().containsEntry("resolvedBy", "bob").doesNotContainKey("resolvedThrough");
    assertThat(incident).variables().containsEntry("resolutionNotes", "Bob fixed it himself.");
  }

  @Test
  void aRejectedResolution_reopensAndTheNextResolutionIsTheGroupsOwn() {
    ProcessInstance incident = incidents.investigating("bob");
    resolvedElsewhere.resolve(incidents.number(incident), "fixed", "Fixed by the problem's change.", "PRB0000001");

    incidents.confirm(incident, false, "It still drops every hour.");
    assertThat(incident).isWaitingAt("Task_InvestigateIncident").variables().doesNotContainKey("resolvedThrough");

    tasks.claim(incidents.task(incident).getId(), "bob");
    incidents.resolve(incident, "configuration-change", "The caller's router had its own fault.");
    assertThat(incident).variables().containsEntry("resolvedBy", "bob");
  }

  @Test
  void badInput_isRefusedNamingTheFieldAndChangesNothing() {
    ProcessInstance incident = incidents.investigating("bob");
    String number = incidents.number(incident);

    assertThatThrownBy(() -> resolvedElsewhere.resolve(number, "magic", "Notes.", "PRB0000001"))
        .isInstanceOf(InvalidIncidentInputException.class).hasMessageContaining("resolutionCode");
    assertThatThrownBy(() -> resolvedElsewhere.resolve(number, "fixed", " ", "PRB0000001"))
        .isInstanceOf(InvalidIncidentInputException.class).hasMessageContaining("resolutionNotes");
    assertThatThrownBy(() -> resolvedElsewhere.resolve(number, "fixed", "Notes.", null))
        .isInstanceOf(RequestRefusedException.class);
    assertThatThrownBy(() -> resolvedElsewhere.resolve("INC12", "fixed", "Notes.", "PRB0000001"))
        .isInstanceOf(RequestRefusedException.class);
    assertThat(incident).isWaitingAt("Task_InvestigateIncident").variables().containsEntry("status", "IN_PROGRESS")
        .doesNotContainKey("resolvedThrough");
  }
}
