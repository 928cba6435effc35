package io.incidentflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.NotificationJobs;
import io.incidentflow.notification.CommunicationLog;
import io.incidentflow.notification.IncidentEvent;
import io.incidentflow.notification.MailBodies;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SLA clocks of {@code SubProcess_SlaClocks} as an incident lives them, with the engine clock and
 * the timers run by hand: response met and breached, the resolution warning and breach with the
 * escalation {@code IncidentEscalation} decides and the mail it sends, pauses per on-hold reason in
 * both calendars, resolved time that does not count, a priority change, and the clocks stopping at
 * closure and cancellation. Default business hours: Monday to Friday 08:00-18:00 UTC.
 */
@IncidentFlowTest
class SlaClocksTest extends IncidentFlowTestBase {

  static final String RESPONSE_TIMER = "Event_ResponseDue";
  static final String WARNING_TIMER = "Event_ResolutionWarningDue";
  static final String BREACH_TIMER = "Event_ResolutionDue";

  @Autowired
  CommunicationLog communicationLog;



  @Test
  void aP1NobodyTakes_breachesItsResponse_andGoesUpToTheIncidentManagers() throws Exception {
    ProcessInstance incident = report("2026-11-23T09:00:00Z", "high", "high");
    Job response = timer(incident, RESPONSE_TIMER);
    assertThat(response.getDuedate()).isEqualTo(date("2026-11-23T09:15:00Z"));

    fire(response);

    assertThat(runtime.getVariables(incident.getId())).containsEntry("responseBreached", true)
        .containsEntry("responseBreachedAt", date("2026-11-23T09:15:00Z")).containsEntry("escalationLevel", 1)
        .containsEntry("resolutionBreached", false).doesNotContainKeys("notifyAssignee", "raiseToIncidentManagers");
    assertThat(passed(incident)).contains("EndEvent_ResponseSlaBreached").doesNotContain("EndEvent_ResponseSlaMet");
    Task triage = task(incident);
    assertThat(candidateGroups(triage)).containsExactlyInAnyOrder("service-desk", "incident-managers");
    assertThat(tasks.createTaskQuery().taskCandidateUser("dave").taskId(triage.getId()).count())
        .as("dave (incident-managers) finds it in Tasklist").isEqualTo(1);
    // Nobody has taken it: the service desk, whose queue holds it, its lead and the incident managers.
    CommunicationLog.Entry mail = lastMail(incident);
    assertThat(mail.event()).isEqualTo(IncidentEvent.RESPONSE_BREACHED);
    assertThat(mail.recipients()).containsExactly("service-desk@incidentflow.example",
        "service-desk-lead@incidentflow.example", "incident-managers@incidentflow.example");
    assertThat(mail.subject()).endsWith("· Response SLA breached: nobody has taken it");
    String text = MailBodies.text(received(mail));
    assertThat(text).contains("Nobody has taken incident " + incident.getBusinessKey(),
        "its response was due by 2026-11-23 09:15 UTC", "Working on it: nobody yet (group Service desk)",
        "Raised to the incident managers (escalation level 1)");
  }

  @Test
  void anAgentTakingItInTime_meetsTheResponse() {
    ProcessInstance incident = report("2026-11-23T09:00:00Z", "medium", "high");
    triage(incident, "2026-11-23T09:05:00Z");
    take(incident, "2026-11-23T09:20:00Z");

    assertThat(passed(incident)).contains("Event_IncidentTaken", "EndEvent_ResponseSlaMet");
    assertThat(timers(incident, RESPONSE_TIMER)).isEmpty();
    assertThat(runtime.getVariables(incident.getId())).containsEntry("respondedAt", date("2026-11-23T09:20:00Z"))
        .containsEntry("responseBreached", false);
  }

  @Test
  void aP3_warnsTheAgentAtThreeQuarters_andBreachesInBusinessHours() throws Exception {
    ProcessInstance incident = report("2026-11-23T09:00:00Z", "medium", "medium");
    triage(incident, "2026-11-23T09:10:00Z");
    take(incident, "2026-11-23T09:30:00Z");
    // 24 h of business hours: Monday 9 h, Tuesday 10 h, Wednesday 5 h; 75% (18 h) is Tuesday 17:00.
    Job warning = timer(incident, WARNING_TIMER);
    assertThat(warning.getDuedate()).isEqualTo(date("2026-11-24T17:00:00Z"));

    fire(warning);

    CommunicationLog.Entry warned = lastMail(incident);
    assertThat(warned.event()).isEqualTo(IncidentEvent.RESOLUTION_WARNING);
    assertThat(warned.recipients()).containsExactly("bob@incidentflow.example");
    assertThat(MailBodies.text(received(warned))).contains("has used 75% of its resolution time",
        "to be resolved by 2026-11-25 13:00 UTC", "Working on it: bob (group Network support)");
    assertThat(runtime.getVariable(incident.getId(), "escalationLevel")).isEqualTo(0);

    Job breach = timer(incident, BREACH_TIMER);
    assertThat(breach.getDuedate()).isEqualTo(date("2026-11-25T13:00:00Z"));
    fire(breach);

    assertThat(runtime.getVariables(incident.getId())).containsEntry("resolutionBreached", true)
        .containsEntry("resolutionBreachedAt", date("2026-11-25T13:00:00Z")).containsEntry("escalationLevel", 1);
    CommunicationLog.Entry breached = lastMail(incident);
    assertThat(breached.event()).isEqualTo(IncidentEvent.RESOLUTION_BREACHED);
    assertThat(breached.recipients()).containsExactly("bob@incidentflow.example",
        "network-support-lead@incidentflow.example", "incident-managers@incidentflow.example");
    assertThat(candidateGroups(task(incident))).containsExactlyInAnyOrder("network-support", "incident-managers");
    assertThat(passed(incident)).contains("EndEvent_ResolutionSlaBreached", "EndEvent_ThresholdsPassed");

    // Escalated once, the incident managers stay candidates of the tasks that follow.
    putOnHold(incident, "2026-11-25T14:00:00Z", "awaiting-caller");
    assertThat(candidateGroups(task(incident))).contains("incident-managers");
    resume(incident, "2026-11-25T15:00:00Z");
    assertThat(candidateGroups(task(incident))).containsExactlyInAnyOrder("network-support", "incident-managers");
  }

  @ParameterizedTest(name = "on hold {0}: the resolution clock stands still")
  @ValueSource(strings = {"awaiting-caller", "awaiting-vendor", "awaiting-change"})
  void onHold_pausesTheResolutionClock_andTheDueDatesMoveByThePause(String reason) {
    ProcessInstance incident = report("2026-11-23T10:00:00Z", "medium", "high");
    triage(incident, "2026-11-23T10:05:00Z");
    take(incident, "2026-11-23T10:10:00Z");
    // P2: 8 h around the clock, warning at 6 h.
    assertResolutionDue(incident, "2026-11-23T16:00:00Z", "2026-11-23T18:00:00Z");

    putOnHold(incident, "2026-11-23T11:00:00Z", reason);

    assertThat(runtime.getVariables(incident.getId())).containsEntry("pauseResolutionClock", true)
        .containsEntry("resolutionPausedSince", date("2026-11-23T11:00:00Z"));
    assertThat(timers(incident, WARNING_TIMER)).singleElement().matches(Job::isSuspended, "suspended");

    resume(incident, "2026-11-23T13:30:00Z");

    assertResolutionDue(incident, "2026-11-23T18:30:00Z", "2026-11-23T20:30:00Z");
    assertThat(runtime.getVariables(incident.getId())).containsEntry("resolutionPausedSeconds", 9000L)
        .containsEntry("resolutionPausedSince", null);
    Job warning = timers(incident, WARNING_TIMER).get(0);
    assertThat(warning.isSuspended()).isFalse();
    assertThat(warning.getDuedate()).isEqualTo(date("2026-11-23T18:30:00Z"));
    assertThat(task(incident).getDueDate()).as("Tasklist's due date").isEqualTo(date("2026-11-23T20:30:00Z"));
  }

  @Test
  void aPauseOverTheWeekend_movesTheDueDateByItsWorkingTimeOnly() {
    // P4: 40 h of business hours from Tuesday 09:00: Tue 9, Wed 10, Thu 10, Fri 10, Mon 1 -> Monday 09:00.
    ProcessInstance incident = report("2026-11-24T09:00:00Z", "medium", "low");
    triage(incident, "2026-11-24T09:30:00Z");
    take(incident, "2026-11-24T10:00:00Z");
    assertResolutionDue(incident, "2026-11-27T09:00:00Z", "2026-11-30T09:00:00Z");
    fire(timer(incident, WARNING_TIMER));

    putOnHold(incident, "2026-11-27T17:00:00Z", "awaiting-vendor");
    assertThat(timers(incident, BREACH_TIMER)).singleElement().matches(Job::isSuspended, "suspended");
    resume(incident, "2026-11-30T09:00:00Z");

    // Friday 17:00-18:00 and Monday 08:00-09:00: two working hours.
    assertThat(runtime.getVariable(incident.getId(), "resolutionPausedSeconds")).isEqualTo(7200L);
    assertThat(runtime.getVariable(incident.getId(), "resolutionDue")).isEqualTo(date("2026-11-30T11:00:00Z"));
    Job breach = timers(incident, BREACH_TIMER).get(0);
    assertThat(breach.isSuspended()).isFalse();
    assertThat(breach.getDuedate()).isEqualTo(date("2026-11-30T11:00:00Z"));
  }

  @Test
  void timeResolved_doesNotCount_aReopenedIncidentsClockResumesWhereItStopped() {
    ProcessInstance incident = report("2026-11-23T10:00:00Z", "medium", "high");
    triage(incident, "2026-11-23T10:05:00Z");
    take(incident, "2026-11-23T10:10:00Z");
    at("2026-11-23T12:00:00Z");
    tasks.complete(task(incident).getId(), Map.of("investigationOutcome", "resolved", "resolutionCode", "workaround",
        "resolutionNotes", "Use the web VPN until the client update."));
    assertThat(runtime.getVariable(incident.getId(), "status")).isEqualTo("RESOLVED");
    assertThat(timers(incident, WARNING_TIMER)).singleElement().matches(Job::isSuspended, "suspended");

    at("2026-11-23T15:00:00Z");
    Task confirmation = task(incident);
    tasks.claim(confirmation.getId(), "alice");
    tasks.complete(confirmation.getId(), Map.of("resolutionAccepted", false,
        "confirmationComment", "Still drops every ten minutes."));

    assertThat(runtime.getVariable(incident.getId(), "status")).isEqualTo("ASSIGNED");
    assertResolutionDue(incident, "2026-11-23T19:00:00Z", "2026-11-23T21:00:00Z");
    assertThat(runtime.getVariables(incident.getId())).containsEntry("respondedAt", date("2026-11-23T10:10:00Z"))
        .containsEntry("resolutionPausedSeconds", 10800L);
    assertThat(timers(incident, WARNING_TIMER).get(0).isSuspended()).isFalse();
  }

  @Test
  void aPriorityRaisedAtTriage_datesTheRunningTimersAnew() {
    ProcessInstance incident = report("2026-11-27T16:00:00Z", "medium", "medium");
    assertThat(timer(incident, RESPONSE_TIMER).getDuedate()).isEqualTo(date("2026-11-30T10:00:00Z"));

    at("2026-11-27T16:20:00Z");
    Task triage = task(incident);
    tasks.claim(triage.getId(), "alice");
    tasks.complete(triage.getId(), IncidentDriver.triage("impact", "high", "urgency", "high"));

    // P1 from the report at 16:00: respond by 16:15 (already past), warn at 19:00, resolve by 20:00.
    assertThat(timer(incident, RESPONSE_TIMER).getDuedate()).isEqualTo(date("2026-11-27T16:15:00Z"));
    assertThat(timer(incident, WARNING_TIMER).getDuedate()).isEqualTo(date("2026-11-27T19:00:00Z"));
    fire(timer(incident, RESPONSE_TIMER));
    assertThat(runtime.getVariable(incident.getId(), "responseBreached")).isEqualTo(true);
    assertThat(lastMail(incident).recipients()).as("nobody has taken it: the group's queue holds it")
        .containsExactly("network-support@incidentflow.example", "network-support-lead@incidentflow.example",
            "incident-managers@incidentflow.example");
  }

  @Test
  void closingTheIncident_stopsItsClocks() {
    ProcessInstance incident = report("2026-11-23T10:00:00Z", "medium", "high");
    triage(incident, "2026-11-23T10:05:00Z");
    take(incident, "2026-11-23T10:10:00Z");
    tasks.complete(task(incident).getId(), Map.of("investigationOutcome", "resolved", "resolutionCode", "fixed",
        "resolutionNotes", "Replaced the VPN profile."));
    Task confirmation = task(incident);
    tasks.claim(confirmation.getId(), "alice");
    tasks.complete(confirmation.getId(), Map.of("resolutionAccepted", true));

    assertThat(timers(incident, WARNING_TIMER)).isEmpty();
    assertThat(passed(incident)).contains("BoundaryEvent_IncidentEnded", "EndEvent_SlaClocksStopped");
    incidents.sendNotifications(incident);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(incident.getId()).count()).isZero();
  }

  @Test
  void cancelingAtTriage_stopsTheClocks() {
    ProcessInstance incident = report("2026-11-23T10:00:00Z", "medium", "high");
    Task triage = task(incident);
    tasks.claim(triage.getId(), "alice");
    tasks.complete(triage.getId(), IncidentDriver.triage("triageDecision", "cancel",
        "cancelReason", "Duplicate of an incident reported five minutes earlier."));

    assertThat(management.createJobQuery().processInstanceId(incident.getId()).timers().count()).isZero();
    incidents.sendNotifications(incident);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(incident.getId()).count()).isZero();
    assertThat(passed(incident)).contains("EndEvent_IncidentCanceled", "EndEvent_SlaClocksStopped");
  }

  private ProcessInstance report(String at, String impact, String urgency) {
    at(at);
    return incidents.report(Incidents.vpnReport(impact, urgency));
  }

  /** The service desk routes it to network-support, priority unchanged. */
  private void triage(ProcessInstance incident, String at) {
    at(at);
    Task triage = task(incident);
    Map<String, Object> report = runtime.getVariables(incident.getId());
    tasks.claim(triage.getId(), "alice");
    tasks.complete(triage.getId(), IncidentDriver.triage("impact", report.get("impact"), "urgency", report.get("urgency")));
  }

  private void take(ProcessInstance incident, String at) {
    at(at);
    tasks.claim(task(incident).getId(), "bob");
  }

  private void putOnHold(ProcessInstance incident, String at, String reason) {
    at(at);
    Map<String, Object> outcome = new HashMap<>();
    outcome.put("investigationOutcome", "on-hold");
    outcome.put("onHoldReason", reason);
    tasks.complete(task(incident).getId(), outcome);
    assertThat(runtime.getVariable(incident.getId(), "status")).isEqualTo("ON_HOLD");
  }

  private void resume(ProcessInstance incident, String at) {
    at(at);
    tasks.complete(task(incident).getId());
    assertThat(runtime.getVariable(incident.getId(), "status")).isEqualTo("IN_PROGRESS");
  }

  private void assertResolutionDue(ProcessInstance incident, String warningDue, String resolutionDue) {
    assertThat(runtime.getVariables(incident.getId())).containsEntry("resolutionWarningDue", date(warningDue))
        .containsEntry("resolutionDue", date(resolutionDue));
  }

  private Task task(ProcessInstance incident) {
    return incidents.task(incident);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private List<Job> timers(ProcessInstance incident, String activityId) {
    return management.createJobQuery().processInstanceId(incident.getId()).activityId(activityId).timers().list();
  }

  private Job timer(ProcessInstance incident, String activityId) {
    List<Job> timers = timers(incident, activityId);
    assertThat(timers).as("the timer %s", activityId).hasSize(1);
    return timers.get(0);
  }

  /** The engine clock reaches the timer's due date and the job executor's part is played, the mails' too. */
  private void fire(Job timer) {
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
    NotificationJobs.run(management, timer.getProcessInstanceId());
  }

  private List<String> passed(ProcessInstance incident) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(incident.getId()).finished().list()
        .stream().map(activity -> activity.getActivityId()).toList();
  }

  /** The mail of the last SLA threshold the incident reached (its other mails go their own way). */
  private CommunicationLog.Entry lastMail(ProcessInstance incident) {
    List<CommunicationLog.Entry> log = communicationLog.of(incident.getBusinessKey()).stream()
        .filter(entry -> entry.event().template().equals("sla-threshold")).toList();
    assertThat(log).isNotEmpty();
    return log.get(log.size() - 1);
  }

  /** The mail of a log entry as its first recipient's mailbox holds it. */
  private MimeMessage received(CommunicationLog.Entry entry) throws Exception {
    for (MimeMessage mail : mailServer.received()) {
      if (mail.getMessageID().equals(entry.messageId())) {
        return mail;
      }
    }
    throw new AssertionError("no mail " + entry.messageId() + " received");
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(date(instant));
  }

  private static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
