package io.incidentflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * responseDue and resolutionDue as the process sets them, with the engine clock: per priority in both
 * calendars (the default business hours: Monday to Friday 08:00-18:00 UTC, holidays 01-01, 12-25,
 * 12-26), recomputed from the report time when triage changes the priority, and shown in Tasklist as
 * the task's due date.
 */
@IncidentFlowTest
class SlaDueDatesTest extends IncidentFlowTestBase {

  @Test
  void p1_countsAroundTheClock_evenOnAFridayNight() {
    ProcessInstance incident = report("2026-11-27T19:30:00Z", "high", "high");

    assertDue(incident, "2026-11-27T19:45:00Z", "2026-11-27T23:30:00Z");
    assertThat(runtime.getVariables(incident.getId())).containsEntry("slaCalendar", "24x7")
        .containsEntry("responseTarget", "PT15M").containsEntry("resolutionTarget", "PT4H");
    assertThat(triageTask(incident).getDueDate()).isEqualTo(date("2026-11-27T23:30:00Z"));
  }

  @Test
  void p2_countsAroundTheClock() {
    ProcessInstance incident = report("2026-11-28T10:00:00Z", "medium", "high");

    assertDue(incident, "2026-11-28T10:30:00Z", "2026-11-28T18:00:00Z");
  }

  @Test
  void p3_reportedOnFridayAfternoon_countsOnInBusinessHoursAfterTheWeekend() {
    // 4 h: 2 h on Friday until 18:00, 2 h on Monday. 24 h: 2 h Friday, 10 h Monday and Tuesday, 2 h Wednesday.
    ProcessInstance incident = report("2026-11-27T16:00:00Z", "medium", "medium");

    assertDue(incident, "2026-11-30T10:00:00Z", "2026-12-02T10:00:00Z");
    assertThat(runtime.getVariable(incident.getId(), "slaCalendar")).isEqualTo("business-hours");
  }

  @Test
  void p4_reportedBeforeChristmas_skipsTheHolidaysAndTheWeekend() {
    // Thursday 12-24 17:00: 1 h that day; 25th and 26th holidays, 27th Sunday; 7 h on Monday 28th.
    ProcessInstance incident = report("2026-12-24T17:00:00Z", "medium", "low");

    assertThat(runtime.getVariable(incident.getId(), "responseDue")).isEqualTo(date("2026-12-28T15:00:00Z"));
  }

  @Test
  void p5_reportedAtNight_startsCountingInTheMorning() {
    // 16 h from Tuesday 23:00: Wednesday 10 h, Thursday 6 h.
    ProcessInstance incident = report("2026-11-24T23:00:00Z", "low", "low");

    assertThat(runtime.getVariable(incident.getId(), "responseDue")).isEqualTo(date("2026-11-26T14:00:00Z"));
  }

  @Test
  void aPriorityChangedAtTriage_movesTheDueDates_fromTheOriginalReportTime() {
    ProcessInstance incident = report("2026-11-27T16:00:00Z", "medium", "medium");
    assertDue(incident, "2026-11-30T10:00:00Z", "2026-12-02T10:00:00Z");

    ClockUtil.setCurrentTime(date("2026-11-27T16:20:00Z"));
    Task triage = triageTask(incident);
    tasks.claim(triage.getId(), "alice");
    tasks.complete(triage.getId(), IncidentDriver.triage("impact", "high", "urgency", "high"));

    assertThat(runtime.getVariable(incident.getId(), "priority")).isEqualTo(1);
    assertDue(incident, "2026-11-27T16:15:00Z", "2026-11-27T20:00:00Z");
    Task investigation = tasks.createTaskQuery().processInstanceId(incident.getId()).singleResult();
    assertThat(investigation.getTaskDefinitionKey()).isEqualTo("Task_InvestigateIncident");
    assertThat(investigation.getDueDate()).isEqualTo(date("2026-11-27T20:00:00Z"));
  }

  private ProcessInstance report(String at, String impact, String urgency) {
    ClockUtil.setCurrentTime(date(at));
    return incidents.report(Incidents.vpnReport(impact, urgency));
  }

  private void assertDue(ProcessInstance incident, String responseDue, String resolutionDue) {
    assertThat(runtime.getVariables(incident.getId())).containsEntry("responseDue", date(responseDue))
        .containsEntry("resolutionDue", date(resolutionDue));
  }

  private Task triageTask(ProcessInstance incident) {
    return tasks.createTaskQuery().processInstanceId(incident.getId()).taskDefinitionKey("Task_TriageIncident")
        .singleResult();
  }

  private static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
