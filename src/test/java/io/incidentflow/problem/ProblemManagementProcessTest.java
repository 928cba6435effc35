package io.incidentflow.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.comment.IncidentComments;
import io.incidentflow.comment.IncidentComments.Comment;
import io.incidentflow.incident.InvalidIncidentInputException;
import io.incidentflow.knowledge.KnowledgeArticles;
import io.incidentflow.notification.DemoMail;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code ProblemManagementProcess} path by path: raised by hand, proposed by recurrence (accepted, rejected, not
 * twice), a workaround published to the linked incidents, the fix resolving them, an incident on hold awaiting its
 * problem, known errors offered at investigation and applied, reusable resolutions.
 */
@IncidentFlowTest
class ProblemManagementProcessTest extends IncidentFlowTestBase {

  private static final String WORKAROUND = "Switch the VPN client to the TCP profile (Settings > Protocol).";

  @Autowired
  ProblemRaising raising;
  @Autowired
  ProblemRecords records;
  @Autowired
  IncidentComments comments;
  @Autowired
  KnowledgeArticles knowledge;

  ProblemDriver problems;

  @BeforeEach
  void driver() {
    problems = new ProblemDriver(runtime, tasks, management, history, incidents);
  }

  @Test
  void aProblemRaisedByHand_goesStraightToInvestigation_withItsIncidentsLinked() {
    ProcessInstance first = problems.routed("vpn", "inquiry", "network-support", "VPN drops every hour");
    ProcessInstance second = problems.routed("vpn", "inquiry", "network-support", "VPN disconnects hourly");

    String number = raising.raise("VPN drops every hour", "Two callers, same pattern.", "vpn",
        List.of(incidents.number(first), incidents.number(second)), "pete", "api");

    assertThat(number).matches("PRB\\d{7}");
    ProcessInstance problem = problems.problem(number);
    assertThat(problem).hasPassed("Task_RegisterProblem").hasNotPassed("Task_ReviewProposal")
        .isWaitingAt("Task_InvestigateProblem").variables().containsEntry("problemStatus", "OPEN")
        .containsEntry("problemSource", "api").containsEntry("raisedBy", "pete").containsEntry("category", "inquiry");
    assertThat(tasks.createTaskQuery().processInstanceId(problem.getId()).taskCandidateGroup("problem-managers").count())
        .isOne();
    assertThat(records.incidents(number)).containsExactly(incidents.number(first), incidents.number(second));
    assertThat(first).variables().containsEntry("problemNumber", number);
    assertThat(second).variables().containsEntry("problemNumber", number);
    assertThat(records.find(number).orElseThrow().status()).isEqualTo("OPEN");
  }

  @Test
  void publishingTheWorkaround_makesAKnownError_andAddsItToEveryLinkedOpenIncident() {
    ProcessInstance incident = problems.routed("vpn", "inquiry", "network-support", "VPN drops every hour");
    String number = raising.raise("VPN drops every hour", "Hourly drops.", "vpn", List.of(incidents.number(incident)),
        "pete", "api");

    problems.investigate(number, true);
    assertThat(problems.problem(number)).isWaitingAt("Task_PublishWorkaround");
    problems.publish(number, WORKAROUND, false);

    assertThat(problems.problem(number)).hasPassed("Task_CommunicateWorkaround").isWaitingAt("Task_RecordFix")
        .variables().containsEntry("problemStatus", "KNOWN_ERROR").containsEntry("problemManager", "pete");
    Comment note = comments.of(incidents.number(incident)).get(0);
    assertThat(note.internal()).isTrue();
    assertThat(note.writtenBy()).isEqualTo("pete");
    assertThat(note.text()).contains("Known error " + number, WORKAROUND);
    assertThat(knowledge.activeKnownError(number)).get().satisfies(article -> {
      assertThat(article.symptom()).isEqualTo("The VPN drops every hour and reconnecting works");
      assertThat(article.cause()).contains("firmware");
      assertThat(article.services()).containsExactly("vpn");
    });
    incidents.sendNotifications(incident);
    assertThat(mailServer.mails()).extracting(DemoMail::event).doesNotContain("COMMENTED");
  }

  @Test
  void aWorkaroundMailedToCallers_goesThroughTheNotificationPath() {
    ProcessInstance incident = problems.routed("vpn", "inquiry", "network-support", "VPN drops every hour");
    String number = raising.raise("VPN drops every hour", "Hourly drops.", "vpn", List.of(incidents.number(incident)),
        "pete", "api");
    problems.investigate(number, true);

    problems.publish(number, WORKAROUND, true);
    incidents.sendNotifications(incident);

    Comment message = comments.of(incidents.number(incident)).get(0);
    assertThat(message.internal()).isFalse();
    List<DemoMail> mails = mailServer.mails().stream().filter(mail -> "COMMENTED".equals(mail.event())).toList();
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).to()).contains("jane.doe@example.com");
    assertThat(mails.get(0).incidentNumber()).isEqualTo(incidents.number(incident));
    assertThat(mails.get(0).text()).contains(WORKAROUND);
  }

  @Test
  void theFixApplied_resolvesTheLinkedIncidentsByProblem_andRetiresTheKnownError() {
    ProcessInstance assigned = problems.routed("vpn", "inquiry", "network-support", "VPN drops every hour");
    ProcessInstance closed = problems.routed("vpn", "inquiry", "network-support", "VPN drops again");
    String number = raising.raise("VPN drops every hour", "Hourly drops.", "vpn",
        List.of(incidents.number(assigned), incidents.number(closed)), "pete", "api");
    tasks.claim(incidents.task(closed).getId(), "bob");
    incidents.resolve(closed, "fixed", "Bob restarted the client.");
    incidents.confirm(closed, true, "Thanks");
    problems.investigate(number, true);
    problems.publish(number, WORKAROUND, false);

    problems.fix(number);

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(problems.instanceId(number)).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_ProblemClosed");
    assertThat(records.find(number).orElseThrow().status()).isEqualTo("CLOSED");
    assertThat(records.find(number).orElseThrow().closedAt()).isNotNull();
    assertThat(assigned).isWaitingAt("Task_ConfirmResolution").variables().containsEntry("status", "RESOLVED")
        .containsEntry("resolvedThrough", number).containsEntry("resolutionCode", "fixed");
    assertThat((String) runtime.getVariable(assigned.getId(), "resolutionNotes"))
        .contains("Fixed by problem " + number, "CHG0004711", "Firmware 9.2");
    assertThat(runtime.getVariable(assigned.getId(), "resolutionPausedSince")).as("the clock stopped").isNotNull();
    assertThat(closed).isEnded();
    assertThat(knowledge.activeKnownError(number)).isEmpty();

    incidents.confirm(assigned, true, "Stable since the update.");
    incidents.sendNotifications(assigned);
    assertThat(assigned).isEnded();
  }

  @Test
  void withoutAWorkaround_theProblemWaitsForItsFix() {
    ProcessInstance incident = problems.routed("vpn", "inquiry", "network-support", "VPN drops every hour");
    String number = raising.raise("VPN drops every hour", "Hourly drops.", "vpn", List.of(incidents.number(incident)),
        "pete", "api");

    problems.investigate(number, false);

    assertThat(problems.problem(number)).hasNotPassed("Task_PublishWorkaround").isWaitingAt("Task_RecordFix");
    assertThat(comments.of(incidents.number(incident))).isEmpty();
    problems.fix(number);
    assertThat(incident).isWaitingAt("Task_ConfirmResolution");
  }

  @Test
  void recurringIncidents_makeAProposal_thatAProblemManagerRejects() {
    movedToAFreshWeek();
    ProcessInstance first = problems.routed("printing", "hardware", "workplace-support", "Printer jams on duplex");
    ProcessInstance second = problems.routed("printing", "hardware", "workplace-support", "Printer jams again");
    assertThat(records.openProblemFor("printing", "hardware")).isFalse();

    ProcessInstance third = problems.routed("printing", "hardware", "workplace-support", "Third floor printer jam");

    String number = (String) runtime.getVariable(third.getId(), "problemNumber");
    assertThat(number).as("the third in a week proposes a problem").isNotNull();
    ProcessInstance problem = problems.problem(number);
    assertThat(problem).isWaitingAt("Task_LinkRecurringIncidents").variables()
        .containsEntry("problemStatus", "PROPOSED").containsEntry("problemSource", "recurrence")
        .containsEntry("affectedService", "printing").containsEntry("category", "hardware");
    problems.runJobs(number);
    assertThat(problem).isWaitingAt("Task_ReviewProposal");
    assertThat(records.incidents(number)).containsExactlyInAnyOrder(incidents.number(first), incidents.number(second),
        incidents.number(third));
    assertThat(first).variables().containsEntry("problemNumber", number);

    ProcessInstance fourth = problems.routed("printing", "hardware", "workplace-support", "Printer jams yet again");
    assertThat(runtime.getVariable(fourth.getId(), "problemNumber")).as("no second proposal").isNull();

    assertThatThrownBy(() -> problems.complete(number, "pete", Map.of("proposalAccepted", false)))
        .isInstanceOf(InvalidIncidentInputException.class).hasMessageContaining("reviewComment");
    problems.complete(number, "pete", Map.of("proposalAccepted", false,
        "reviewComment", "Paper quality, not a fault: facilities order other paper."));

    assertThat(problem).isEnded().hasPassed("Task_ReleaseIncidents", "EndEvent_ProposalRejected");
    assertThat(records.find(number).orElseThrow().status()).isEqualTo("REJECTED");
    assertThat(records.incidents(number)).isEmpty();
    assertThat(runtime.getVariable(first.getId(), "problemNumber")).isNull();
    assertThat(runtime.getVariable(third.getId(), "problemNumber")).isNull();
  }

  @Test
  void incidentsRoutedAtTheSameMoment_proposeOneProblemBetweenThem() throws Exception {
    movedToAFreshWeek();
    Date since = ClockUtil.getCurrentTime();
    problems.routed("printing", "hardware", "workplace-support", "Printer jams on duplex");
    problems.routed("printing", "hardware", "workplace-support", "Printer jams again");
    List<ProcessInstance> waiting = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      waiting.add(problems.reported("printing", "Printer jam number " + (i + 3)));
    }
    ExecutorService agents = Executors.newFixedThreadPool(waiting.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> routed = new ArrayList<>();
    for (ProcessInstance incident : waiting) {
      routed.add(agents.submit(() -> {
        go.await();
        problems.route(incident, "hardware", "workplace-support");
        return null;
      }));
    }
    go.countDown();
    for (Future<?> done : routed) {
      done.get(60, TimeUnit.SECONDS);
    }
    agents.shutdown();

    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ProblemProcess.KEY)
        .startedAfter(since).startedBefore(Date.from(since.toInstant().plus(1, ChronoUnit.DAYS))).count())
        .as("one proposal for the four routed at once (other tests' clocks are days apart)").isOne();
  }

  @Test
  void anAcceptedProposal_isInvestigatedAsAnyProblem() {
    movedToAFreshWeek();
    for (int i = 1; i <= 2; i++) {
      problems.routed("website", "software", "application-support", "Contact form error 500, call " + i);
    }
    ProcessInstance third = problems.routed("website", "software", "application-support", "Contact form error 500");
    String number = (String) runtime.getVariable(third.getId(), "problemNumber");
    problems.runJobs(number);

    problems.complete(number, "pete", Map.of("proposalAccepted", true));

    assertThat(problems.problem(number)).hasPassed("Gateway_ProposalAccepted").isWaitingAt("Task_InvestigateProblem")
        .variables().containsEntry("problemStatus", "OPEN");
    assertThat(records.incidents(number)).hasSize(3);
  }

  @Test
  void anIncidentAwaitingItsProblem_needsALinkedProblem_andItsClockRunsOn() {
    ProcessInstance incident = problems.routed("erp", "inquiry", "application-support", "ERP invoice export times out");
    tasks.claim(incidents.task(incident).getId(), "carol");

    assertThatThrownBy(() -> incidents.hold(incident, "awaiting-problem", "Waits for the export fix"))
        .isInstanceOf(InvalidIncidentInputException.class).hasMessageContaining("onHoldReason");
    assertThat(incident).isWaitingAt("Task_InvestigateIncident");

    incidents.complete(incident, Map.of("investigationOutcome", "on-hold", "onHoldReason", "awaiting-problem",
        "onHoldNote", "Waits for the export fix", "raiseProblem", true));

    String number = (String) runtime.getVariable(incident.getId(), "problemNumber");
    assertThat(number).matches("PRB\\d{7}");
    assertThat(problems.problem(number)).isWaitingAt("Task_InvestigateProblem").variables()
        .containsEntry("problemSource", "investigation").containsEntry("raisedBy", "carol");
    assertThat(incident).isWaitingAt("Task_AwaitInformation").variables().containsEntry("status", "ON_HOLD")
        .containsEntry("onHoldReason", "awaiting-problem").containsEntry("pauseResolutionClock", false);
    assertThat(runtime.getVariable(incident.getId(), "resolutionPausedSince")).as("awaiting a problem pauses nothing")
        .isNull();

    problems.investigate(number, false);
    problems.fix(number);
    assertThat(incident).hasPassed("Task_ResumeResolutionClock").isWaitingAt("Task_ConfirmResolution")
        .variables().containsEntry("resolvedThrough", number);
  }

  @Test
  void theInvestigationShowsMatchingKnownErrors_andTheAgentAppliesOne() {
    ProcessInstance first = problems.routed("email", "inquiry", "application-support",
        "Outlook search finds no recent mails");
    String number = raising.raise("Outlook search finds no recent mails", "The index is stuck.", "email",
        List.of(incidents.number(first)), "pete", "api");
    problems.investigate(number, true);
    problems.complete(number, "pete", Map.of("symptom", "Searching in Outlook returns nothing newer than a few days",
        "workaround", "Rebuild the search index from the indexing options", "notifyCallers", false));
    problems.runJobs(number);

    ProcessInstance later = problems.routed("email", "inquiry", "application-support",
        "Outlook search does not find this week's mails");

    assertThat((String) runtime.getVariable(later.getId(), "knownErrorMatches"))
        .startsWith("**" + number + "** Outlook search finds no recent mails").contains("Rebuild the search index");
    tasks.claim(incidents.task(later).getId(), "carol");
    assertThatThrownBy(() -> incidents.complete(later, Map.of("investigationOutcome", "resolved",
        "resolutionCode", "workaround", "resolutionNotes", "Index rebuilt.", "knownErrorNumber", "PRB9999999")))
        .isInstanceOf(InvalidIncidentInputException.class).hasMessageContaining("knownErrorNumber");

    incidents.complete(later, Map.of("investigationOutcome", "resolved", "resolutionCode", "workaround",
        "resolutionNotes", "Rebuilt the search index with the caller.", "knownErrorNumber", number));

    assertThat(later).isWaitingAt("Task_ConfirmResolution").variables().containsEntry("problemNumber", number);
    assertThat(records.incidents(number)).contains(incidents.number(later));
    assertThat(comments.of(incidents.number(later))).extracting(Comment::text)
        .anySatisfy(text -> assertThat(text).contains("Rebuild the search index"));
  }

  @Test
  void theServiceDeskAppliesAKnownErrorAtTriage_andResolvesAtFirstContact() {
    ProcessInstance first = problems.routed("identity", "inquiry", "service-desk",
        "Password reset mail never arrives for external accounts");
    String number = raising.raise("Password reset mail never arrives", "External accounts get no reset mail.",
        "identity", List.of(incidents.number(first)), "pete", "api");
    problems.investigate(number, true);
    problems.complete(number, "pete", Map.of("symptom", "The password reset mail does not arrive",
        "workaround", "The service desk resets the password by phone after checking identity", "notifyCallers", false));
    problems.runJobs(number);
    Map<String, Object> report = Incidents.vpnReport();
    report.put("affectedService", "identity");
    report.put("shortDescription", "No password reset mail arrives");
    report.put("description", "An external partner asked for a password reset mail twice; nothing arrives.");

    ProcessInstance called = incidents.report(report);

    assertThat((String) runtime.getVariable(called.getId(), "knownErrorMatches")).contains(number);
    incidents.complete(called, IncidentDriver.triage("category", "access", "assignmentGroup",
        "service-desk", "triageDecision", "resolve", "resolutionCode", "workaround", "resolutionNotes",
        "Reset the password by phone after checking the caller's identity.", "knownErrorNumber", number,
        "reusable", true));
    assertThat(called).isWaitingAt("Task_ConfirmResolution").variables().containsEntry("problemNumber", number);
    assertThat(records.incidents(number)).contains(incidents.number(called));
    assertThat(knowledge.search("reset password phone", 10)).extracting(article -> article.reference())
        .contains(number, incidents.number(called));
  }

  @Test
  void anIncidentWithoutMatchingKnownError_saysSo() {
    ProcessInstance incident = problems.routed("crm", "inquiry", "application-support",
        "Quotes show the wrong currency symbol");

    assertThat(runtime.getVariable(incident.getId(), "knownErrorMatches")).isEqualTo(KnownErrorTaskListener.NO_MATCH);
  }

  @Test
  void aResolutionMarkedReusable_becomesSearchableKnowledge() {
    ProcessInstance incident = problems.routed("crm", "inquiry", "application-support",
        "Quotes show zzqtest currency symbol");
    tasks.claim(incidents.task(incident).getId(), "carol");

    incidents.complete(incident, Map.of("investigationOutcome", "resolved", "resolutionCode", "configuration-change",
        "resolutionNotes", "Set the zzqtest quote currency in the user's CRM profile.", "reusable", true));

    assertThat(knowledge.search("zzqtest currency", 5)).singleElement().satisfies(article -> {
      assertThat(article.kind()).isEqualTo("resolution");
      assertThat(article.reference()).isEqualTo(incidents.number(incident));
      assertThat(article.workaround()).contains("user's CRM profile");
      assertThat(article.services()).containsExactly("crm");
    });
  }

  /** Recurrence counts the last 7 and 30 days: a clock far ahead of every other test's incidents starts afresh. */
  private static void movedToAFreshWeek() {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(400 + (long) (Math.random() * 4000), ChronoUnit.DAYS)));
  }
}
