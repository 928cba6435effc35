package io.incidentflow.mailin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.Incidents;
import io.incidentflow.api.ApiClient;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A caller's reply by mail: matched to its incident by our Message-IDs in In-Reply-To/References, else by the
 * number in the subject; on an open or resolved incident it is the caller's comment (quoted history cut off), and it
 * resumes an incident on hold awaiting the caller; after closure {@code dmn/ClosedIncidentReply.dmn} decides.
 */
@IncidentFlowTest
class MailReplyTest extends MailboxTestBase {

  private static final String THREAD_DOMAIN = "@incidentflow.example>";

  String caller;

  @BeforeEach
  void caller() {
    caller = Mailbox.sender("jane");
  }

  @Test
  void aReplyByHeader_toAnIncidentAwaitingTheCaller_isTheirCommentAndResumesIt() throws Exception {
    ProcessInstance incident = awaitingCaller();
    String number = incidents.number(incident);
    MimeMessage reply = mailbox.mail(caller, "Re: We need information from you", "Version 5.2, on Windows 11.\n\n"
        + "On Thu, 3 Dec 2026 at 09:00, Incident Flow <service-desk@incidentflow.example> wrote:\n"
        + "> Which VPN client version?\n");
    reply.setHeader("In-Reply-To", "<" + number + ".awaiting-caller." + UUID.randomUUID() + THREAD_DOMAIN);
    reply.setHeader("References", "<" + number + THREAD_DOMAIN);
    mailbox.send(reply, Mailbox.messageId());

    assertThat(serviceDesk.poll().processed()).isEqualTo(1);

    assertThat(incident).isWaitingAt("Task_InvestigateIncident").variables().containsEntry("status", "IN_PROGRESS");
    assertThat(callerComments(number)).containsExactly("Version 5.2, on Windows 11.");
  }

  @Test
  void aReplyBySubject_isTheCallersComment_onTheIncidentItNames() throws Exception {
    ProcessInstance incident = reportAs(caller);
    incidents.complete(incident, IncidentDriver.ROUTE);
    String number = incidents.number(incident);
    mailbox.send(mailbox.mail(caller, "AW: [" + number + "] P2 High · VPN drops · Assigned", "It dropped again at"
        + " 10:15.\n\n-----Original Message-----\nFrom: Incident Flow\nSent: Thursday\nOld text"), Mailbox.messageId());

    serviceDesk.poll();

    assertThat(callerComments(number)).containsExactly("It dropped again at 10:15.");
    assertThat(incident).variables().containsEntry("status", "ASSIGNED");
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("callerEmail", caller).count())
        .as("no new incident").isEqualTo(1);
  }

  @Test
  void aReplyToAResolvedIncident_isShownToTheServiceDesk_andLeavesItResolved() throws Exception {
    ProcessInstance incident = resolvedAs(caller);
    String number = incidents.number(incident);
    mailbox.send(mailbox.mail(caller, "Re: [" + number + "] Resolved: please confirm", "Thanks, I will try it"
        + " tomorrow."), Mailbox.messageId());

    serviceDesk.poll();

    assertThat(incident).isWaitingAt("Task_ConfirmResolution").variables().containsEntry("status", "RESOLVED");
    assertThat(callerComments(number)).containsExactly("Thanks, I will try it tomorrow.");
  }

  @Test
  void aReplySoonAfterClosure_reopens_asANewIncidentThatFollowsUpTheClosedOne() throws Exception {
    String closed = closedAs(caller);

    ProcessInstance followUp = replyAfterClosure(closed, Duration.ofDays(2));

    assertThat(runtime.getVariables(followUp.getId())).containsEntry("followUpOf", closed)
        .containsEntry("followUpKind", "reopening").containsEntry("affectedService", "vpn")
        .containsEntry("impact", "medium").containsEntry("urgency", "high").containsEntry("channel", "email")
        .containsEntry("shortDescription", Incidents.vpnReport().get("shortDescription"))
        .containsEntry("description", "It is broken again.");
    assertThat(callerComments(closed)).singleElement().asString()
        .startsWith("Replied by mail after closure; reopened as " + followUp.getBusinessKey());
  }

  @Test
  void aReplyFromSomeoneElse_changesNothingOfTheIncident_andIsReportedAsALinkedIncident() throws Exception {
    ProcessInstance incident = awaitingCaller();
    String number = incidents.number(incident);
    String stranger = Mailbox.sender("mallory");
    MimeMessage reply = mailbox.mail(stranger, "Re: [" + number + "] We need information from you",
        "Never mind, it works now. Please close it.");
    reply.setHeader("In-Reply-To", "<" + number + ".awaiting-caller." + UUID.randomUUID() + THREAD_DOMAIN);
    reply.setHeader("References", "<" + number + THREAD_DOMAIN);
    mailbox.send(reply, Mailbox.messageId());

    assertThat(serviceDesk.poll().processed()).isEqualTo(1);

    assertThat(incident).as("still waiting for its caller").isWaitingAt("Task_AwaitInformation").variables()
        .containsEntry("status", "ON_HOLD");
    assertThat(callerComments(number)).isEmpty();
    ProcessInstance linked = runtime.createProcessInstanceQuery().variableValueEquals("callerEmail", stranger)
        .singleResult();
    assertThat(runtime.getVariables(linked.getId())).containsEntry("followUpOf", number)
        .containsEntry("followUpKind", "linked").containsEntry("description", "Never mind, it works now. Please close it.");
    JsonNode record = ApiClient.as(http, "alice").get("/api/incidents/" + linked.getBusinessKey()).getBody();
    assertThat(record.path("followUpOf").asText()).as("the service desk sees what it answers").isEqualTo(number);
    assertThat(record.path("followUpKind").asText()).isEqualTo("linked");
  }

  @Test
  void aReplyTenDaysAfterClosure_reportsALinkedIncident() throws Exception {
    String closed = closedAs(caller);

    ProcessInstance followUp = replyAfterClosure(closed, Duration.ofDays(10));

    assertThat(runtime.getVariables(followUp.getId())).containsEntry("followUpOf", closed)
        .containsEntry("followUpKind", "linked");
  }

  @Test
  void aReplyAfterTheClosedReplyPeriod_reportsANewUnrelatedIncident() throws Exception {
    String closed = closedAs(caller);

    ProcessInstance followUp = replyAfterClosure(closed, Duration.ofDays(31));

    assertThat(runtime.getVariables(followUp.getId())).doesNotContainKey("followUpOf");
    assertThat(callerComments(closed)).isEmpty();
  }

  @Test
  void aReplyToACanceledIncident_reportsANewOne() throws Exception {
    ProcessInstance incident = reportAs(caller);
    incidents.complete(incident, IncidentDriver.triage("triageDecision", "cancel", "cancelReason", "Duplicate"));
    String canceled = incidents.number(incident);

    ProcessInstance followUp = replyAfterClosure(canceled, Duration.ofHours(1));

    assertThat(runtime.getVariables(followUp.getId())).doesNotContainKey("followUpOf");
  }

  /** The caller replies to closed incident {@code number} {@code after} its closure; returns the incident it made. */
  private ProcessInstance replyAfterClosure(String number, Duration after) throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(after)));
    MimeMessage reply = mailbox.mail(caller, "Re: [" + number + "] Closed", "It is broken again.");
    reply.setHeader("In-Reply-To", "<" + number + ".closed." + UUID.randomUUID() + THREAD_DOMAIN);
    mailbox.send(reply, Mailbox.messageId());

    assertThat(serviceDesk.poll().processed()).isEqualTo(1);

    List<ProcessInstance> running = runtime.createProcessInstanceQuery().variableValueEquals("callerEmail", caller)
        .list();
    assertThat(running).hasSize(1);
    assertThat(running.get(0).getBusinessKey()).isNotEqualTo(number);
    return running.get(0);
  }

  /** An incident of {@link #caller} that bob holds, awaiting the caller's answer. */
  private ProcessInstance awaitingCaller() {
    ProcessInstance incident = reportAs(caller);
    runtime.createProcessInstanceModification(incident.getId()).cancelAllForActivity("Task_TriageIncident")
        .startBeforeActivity("Task_InvestigateIncident").execute();
    tasks.claim(incidents.task(incident).getId(), "bob");
    incidents.hold(incident, "awaiting-caller", "Which VPN client version?");
    return incident;
  }

  private ProcessInstance reportAs(String callerEmail) {
    Map<String, Object> report = IncidentDriver.with(Incidents.vpnReport(), "callerEmail", callerEmail);
    return incidents.report(report);
  }

  private ProcessInstance resolvedAs(String callerEmail) {
    ProcessInstance incident = reportAs(callerEmail);
    incidents.complete(incident, IncidentDriver.triage("triageDecision", "resolve", "resolutionCode", "fixed",
        "resolutionNotes", "Reinstalled the VPN client."));
    return incident;
  }

  private String closedAs(String callerEmail) {
    ProcessInstance incident = resolvedAs(callerEmail);
    incidents.confirm(incident, true, "Works.");
    assertThat(incident).isEnded();
    return incidents.number(incident);
  }

  /** The caller's comments on the incident, as its record shows them. */
  private List<String> callerComments(String number) {
    JsonNode record = ApiClient.as(http, "alice").get("/api/incidents/" + number).getBody();
    return java.util.stream.StreamSupport.stream(record.get("timeline").spliterator(), false)
        .filter(entry -> "comment".equals(entry.path("type").asText()) && "caller".equals(entry.path("author").asText()))
        .map(entry -> entry.get("text").asText()).toList();
  }
}
