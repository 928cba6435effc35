package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentDriver.report;
import static io.incidentflow.major.MajorIncidentProcess.TASK_ASSIGN_ROLES;
import static io.incidentflow.major.MajorIncidentProcess.TASK_HOLD_REVIEW;
import static io.incidentflow.major.MajorIncidentProcess.TASK_POST_UPDATE;
import static io.incidentflow.major.MajorIncidentProcess.TASK_RESTORE_SERVICE;
import static io.incidentflow.major.MajorIncidentProcess.TASK_REVIEW_CHILDREN;
import static io.incidentflow.major.MajorIncidentProcess.TASK_REVIEW_PROPOSAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.comment.IncidentComments;
import io.incidentflow.incident.InvalidIncidentInputException;
import io.incidentflow.notification.CommunicationLog;
import io.incidentflow.notification.CommunicationLog.Channel;
import io.incidentflow.notification.IncidentEvent;
import java.time.Duration;
import java.time.Instant;
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
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * MajorIncidentProcess path by path, with the engine clock: proposed and rejected, proposed and accepted, declared
 * by rule, promoted by hand, groups engaged, the update cadence with an overdue update and chat posts, children
 * proposed, linked, held and resumed and resolved with their parent, and the post-incident review due and held.
 */
@IncidentFlowTest
class MajorIncidentProcessTest extends IncidentFlowTestBase {

  private static ChatRecorder chat;

  @Autowired
  MajorIncidentTrigger trigger;
  @Autowired
  MajorIncidents majorIncidents;
  @Autowired
  MajorIncidentRoles roles;
  @Autowired
  MajorIncidentChildren children;
  @Autowired
  MajorIncidentReviews reviews;
  @Autowired
  CommunicationLog communicationLog;
  @Autowired
  IncidentComments comments;

  private MajorIncidentDriver driver;
  @Autowired
  private MajorIncidentDesk desk;

  @BeforeAll
  static void startChat() throws Exception {
    chat = new ChatRecorder();
  }

  @AfterAll
  static void stopChat() {
    chat.close();
  }

  @BeforeEach
  void driveMajorIncidents() {
    driver = new MajorIncidentDriver(runtime, tasks, management, trigger);
    chat.clear();
  }

  @AfterEach
  void endMajorIncidents() {
    driver.close();
  }

  @Test
  void aCriticalReportByPhone_isProposed_andRejectedWithAReason() {
    ProcessInstance incident = incidents.report(report("database", "high", "high", "phone"));
    String number = incidents.number(incident);
    ProcessInstance major = driver.major(number);

    assertThat(major).isWaitingAt(TASK_REVIEW_PROPOSAL).variables().containsEntry("majorStatus", "proposed")
        .containsEntry("majorOrigin", "proposed").containsEntry("raisedBy", "MajorIncidentTrigger");
    assertThat(tasks.createTaskQuery().processInstanceId(major.getId()).taskCandidateGroup("incident-managers").count())
        .isOne();
    assertThatThrownBy(() -> driver.complete(major, TASK_REVIEW_PROPOSAL, "dave", Map.of("proposalAccepted", false)))
        .isInstanceOf(InvalidIncidentInputException.class).hasMessageContaining("proposalReason");

    driver.complete(major, TASK_REVIEW_PROPOSAL, "dave", Map.of("proposalAccepted", false,
        "proposalReason", "Only one user's database connection fails"));

    assertThat(major).isEnded().hasPassed("EndEvent_ProposalRejected");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(major.getId()).variableName("majorStatus")
        .singleResult().getValue()).isEqualTo("rejected");
    assertThat(roles.of(number)).isEmpty();
  }

  @Test
  void anAcceptedProposal_isDeclared_andTheAcceptingManagerCommands() {
    ProcessInstance incident = incidents.report(report("database", "high", "high", "phone"));
    String number = incidents.number(incident);
    ProcessInstance major = driver.major(number);

    driver.complete(major, TASK_REVIEW_PROPOSAL, "dave", Map.of("proposalAccepted", true,
        "proposalReason", "Every ERP user is affected"));

    assertThat(major).hasPassed("Task_DeclareMajorIncident").isWaitingAt(TASK_ASSIGN_ROLES, TASK_POST_UPDATE)
        .variables().containsEntry("majorStatus", "declared").containsEntry("incidentCommander", "dave")
        .containsEntry("declaredBy", "dave").containsKey("declaredAt");
    assertThat(driver.task(major, TASK_ASSIGN_ROLES).getAssignee()).isEqualTo("dave");
    assertThat(roles.of(number)).singleElement().satisfies(change -> {
      assertThat(change.role()).isEqualTo("incident-commander");
      assertThat(change.from()).isNull();
      assertThat(change.to()).isEqualTo("dave");
      assertThat(change.changedBy()).isEqualTo("dave");
    });
  }

  @Test
  void aCriticalAlert_isDeclaredByRule_rolesAreNamed_andEveryEngagedGroupGetsATaskAndAMail() throws Exception {
    ProcessInstance incident = incidents.report(report("network", "high", "high", "monitoring"));
    String number = incidents.number(incident);
    ProcessInstance major = driver.major(number);
    assertThat(major).isWaitingAt(TASK_ASSIGN_ROLES, TASK_POST_UPDATE).variables()
        .containsEntry("majorOrigin", "declared").containsEntry("declaredBy", "MajorIncidentTrigger");

    assertThatThrownBy(() -> driver.complete(major, TASK_ASSIGN_ROLES, "dave", Map.of("communicationsLead", "nobody",
        "engagedGroups", "network-support, plumbers"))).isInstanceOf(InvalidIncidentInputException.class)
        .hasMessageContaining("communicationsLead").hasMessageContaining("plumbers");
    driver.complete(major, TASK_ASSIGN_ROLES, "dave", Map.of("communicationsLead", "carol",
        "engagedGroups", "network-support, database-support"));

    assertThat(major).variables().containsEntry("incidentCommander", "dave").containsEntry("communicationsLead", "carol")
        .containsEntry("engagedGroups", "network-support, database-support");
    List<Task> restore = tasks.createTaskQuery().processInstanceId(major.getId())
        .taskDefinitionKey(TASK_RESTORE_SERVICE).list();
    assertThat(restore).hasSize(2);
    assertThat(tasks.createTaskQuery().processInstanceId(major.getId()).taskDefinitionKey(TASK_RESTORE_SERVICE)
        .taskCandidateGroup("database-support").count()).isOne();
    assertThat(driver.task(major, TASK_POST_UPDATE).getAssignee()).as("the lead posts the updates").isEqualTo("carol");
    driver.sendNotifications(major);
    assertThat(communicationLog.of(number)).filteredOn(entry -> entry.event() == IncidentEvent.GROUP_ENGAGED)
        .extracting(entry -> entry.recipients().get(0))
        .containsExactlyInAnyOrder("network-support@incidentflow.example", "database-support@incidentflow.example");
    assertThat(roles.of(number)).extracting(MajorIncidentRoles.RoleChange::role).containsExactly("incident-commander",
        "communications-lead", "engaged-group", "engaged-group");
  }

  @Test
  void anIncidentPromotedByHand_isDeclared_withItsPromoterInCommand() {
    ProcessInstance incident = incidents.report(report("crm", "medium", "medium", "portal"));
    String number = incidents.number(incident);
    assertThat(driver.major(number)).as("a P3 is no major incident by rule").isNull();

    majorIncidents.raise(runtime.getVariables(incident.getId()), MajorIncidentVariables.Origin.PROMOTED,
        "The sales team cannot quote", "dave", "dave");

    ProcessInstance major = driver.major(number);
    assertThat(major).isWaitingAt(TASK_ASSIGN_ROLES, TASK_POST_UPDATE).variables()
        .containsEntry("majorOrigin", "promoted").containsEntry("declaredBy", "dave")
        .containsEntry("incidentCommander", "dave");
  }

  @Test
  void theCadenceAsksForAnUpdateWithinFiveMinutes_escalatesAnOverdueOne_andPostsToMailAndChat() throws Exception {
    ProcessInstance incident = incidents.report(report("vpn", "high", "high", "monitoring"));
    String number = incidents.number(incident);
    ProcessInstance major = driver.major(number);
    driver.complete(major, TASK_ASSIGN_ROLES, "dave", Map.of("communicationsLead", "carol",
        "engagedGroups", "network-support"));
    Instant declared = ClockUtil.getCurrentTime().toInstant();
    Task first = driver.task(major, TASK_POST_UPDATE);
    assertThat(first.getDueDate().toInstant()).isEqualTo(declared.plus(Duration.ofMinutes(5)));

    driver.passTime(major, Duration.ofMinutes(6));
    driver.sendNotifications(major);

    assertThat(major).hasPassed("Task_EscalateOverdueUpdate").isWaitingAt(TASK_POST_UPDATE);
    assertThat(communicationLog.of(number)).filteredOn(entry -> entry.event() == IncidentEvent.UPDATE_OVERDUE)
        .singleElement().satisfies(entry -> assertThat(entry.recipients()).containsExactly("dave@incidentflow.example"));

    assertThatThrownBy(() -> driver.complete(major, TASK_POST_UPDATE, "carol", Map.of("stakeholderUpdate", " ")))
        .isInstanceOf(InvalidIncidentInputException.class).hasMessageContaining("stakeholderUpdate");
    driver.complete(major, TASK_POST_UPDATE, "carol", Map.of("stakeholderUpdate",
        "The VPN concentrator is down; remote staff cannot connect. Next update in 20 minutes."));
    driver.sendNotifications(major);

    assertThat(communicationLog.of(number)).filteredOn(entry -> entry.event() == IncidentEvent.STAKEHOLDER_UPDATE)
        .extracting(CommunicationLog.Entry::channel).containsExactlyInAnyOrder(Channel.MAIL, Channel.SLACK, Channel.TEAMS);
    assertThat(communicationLog.of(number)).filteredOn(entry -> entry.channel() == Channel.MAIL
        && entry.event() == IncidentEvent.STAKEHOLDER_UPDATE).singleElement().satisfies(entry ->
        assertThat(entry.recipients()).containsExactlyInAnyOrder("it-stakeholders@incidentflow.example",
            "remote-work@incidentflow.example"));
    assertThat(chat.posts()).extracting(ChatRecorder.Post::path).containsExactlyInAnyOrder("/slack", "/teams");
    assertThat(http.withBasicAuth("dave", "dave").getForObject("/api/incidents/" + number + "/notifications",
        com.fasterxml.jackson.databind.JsonNode.class).findValuesAsText("channel")).as("the communication log's channel")
        .contains("mail", "slack", "teams");
    assertThat(chat.posts()).filteredOn(post -> post.path().equals("/slack")).singleElement()
        .satisfies(post -> assertThat(post.body()).startsWith("{\"text\":").contains("The VPN concentrator is down"));
    assertThat(chat.posts()).filteredOn(post -> post.path().equals("/teams")).singleElement()
        .satisfies(post -> assertThat(post.body()).contains("application/vnd.microsoft.card.adaptive")
            .contains("AdaptiveCard").contains("The VPN concentrator is down"));
    assertThat(mailServer.received()).anySatisfy(mail -> assertThat(mail.getSubject()).contains(number)
        .contains("Major incident update"));

    Task second = driver.task(major, TASK_POST_UPDATE);
    assertThat(second.getAssignee()).isEqualTo("carol");
    assertThat(second.getDueDate().toInstant()).as("P1, first two hours: every 20 minutes")
        .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(20)));
  }

  @Test
  void aChatPostThatFails_isRetriedAndShownAsFailed_theMailStillGoesOut() throws Exception {
    ProcessInstance incident = incidents.report(report("vpn", "high", "high", "monitoring"));
    String number = incidents.number(incident);
    ProcessInstance major = driver.major(number);
    chat.answer(500);
    driver.complete(major, TASK_POST_UPDATE, "dave", Map.of("stakeholderUpdate", "Investigating."));

    for (Job job : management.createJobQuery().processInstanceId(major.getId()).messages().list()) {
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // The chat webhooks answer 500: the job keeps its retries for later.
      }
    }

    assertThat(communicationLog.all(number)).filteredOn(n -> n.channel() != Channel.MAIL)
        .allSatisfy(n -> {
          assertThat(n.status()).isEqualTo(CommunicationLog.Status.FAILED);
          assertThat(n.lastError()).contains("HTTP 500");
        }).hasSize(2);
    assertThat(communicationLog.all(number)).filteredOn(n -> n.channel() == Channel.MAIL
        && n.event() == IncidentEvent.STAKEHOLDER_UPDATE).singleElement()
        .satisfies(n -> assertThat(n.status()).isEqualTo(CommunicationLog.Status.SENT));
  }

  @Test
  void aNewReportOnTheService_isProposedAsChild_linked_andResolvedWithTheParent_thenTheReviewCloses() {
    ProcessInstance parent = incidents.report(report("vpn", "high", "high", "monitoring"));
    String parentNumber = incidents.number(parent);
    ProcessInstance major = driver.major(parentNumber);
    driver.complete(major, TASK_ASSIGN_ROLES, "dave", Map.of("communicationsLead", "carol",
        "engagedGroups", "network-support"));

    ProcessInstance child = incidents.report(report("vpn", "low", "medium", "portal"));
    String childNumber = incidents.number(child);
    assertThat(driver.task(major, TASK_REVIEW_CHILDREN)).as("offered once the report has committed").isNull();
    driver.sendNotifications(major);
    Task proposal = driver.task(major, TASK_REVIEW_CHILDREN);
    assertThat(proposal.getAssignee()).isEqualTo("dave");
    assertThat(tasks.getVariable(proposal.getId(), "linkedIncidents")).as("all it shows, to link").isEqualTo(childNumber);
    assertThat((String) tasks.getVariable(proposal.getId(), "proposedIncidents")).startsWith("- **" + childNumber + "**")
        .contains("VPN");
    driver.complete(major, TASK_REVIEW_CHILDREN, "dave", Map.of());

    assertThat(children.linked(parentNumber)).containsExactly(childNumber);
    assertThat(child).variables().containsEntry("parentIncidentNumber", parentNumber);

    driver.complete(major, TASK_POST_UPDATE, "carol", Map.of("stakeholderUpdate", "Failing over to the backup."));
    assertThat(comments.of(childNumber)).singleElement().satisfies(note -> {
      assertThat(note.internal()).isTrue();
      assertThat(note.text()).contains(parentNumber).contains("Failing over to the backup.");
    });

    incidents.complete(parent, io.incidentflow.IncidentDriver.triage("triageDecision", "resolve",
        "resolutionCode", "fixed", "resolutionNotes", "The VPN concentrator was replaced."));
    driver.sendNotifications(major);

    assertThat(child).isWaitingAt("Task_ConfirmResolution").variables().containsEntry("status", "RESOLVED")
        .containsEntry("resolvedThrough", parentNumber).containsEntry("resolutionCode", "fixed");
    assertThat(major).isWaitingAt(TASK_HOLD_REVIEW).variables().containsEntry("majorStatus", "resolved");
    Task review = driver.task(major, TASK_HOLD_REVIEW);
    assertThat(review.getAssignee()).isEqualTo("dave");
    assertThat(review.getDueDate().toInstant()).as("P1: within 3 calendar days")
        .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3)));
    assertThat((String) tasks.getVariable(review.getId(), "reviewTimeline")).contains("Incident " + parentNumber
        + " reported").contains("Major incident raised by MajorIncidentTrigger").contains("incident-commander: dave")
        .contains("Linked " + childNumber).contains("Stakeholder update: Failing over to the backup.")
        .contains("Major incident resolved (fixed): The VPN concentrator was replaced.").contains("(by dave)");

    assertThatThrownBy(() -> driver.complete(major, TASK_HOLD_REVIEW, "dave", Map.of("rootCause", "Firmware bug",
        "wentWell", "Fast failover", "wentBadly", "Late first update", "actionItems", "just do it")))
        .isInstanceOf(InvalidIncidentInputException.class).hasMessageContaining("actionItems");
    driver.complete(major, TASK_HOLD_REVIEW, "dave", Map.of("rootCause", "Firmware bug in the concentrator",
        "wentWell", "Fast failover", "wentBadly", "The first update was late",
        "actionItems", "bob | Upgrade the firmware of both concentrators | problem\ncarol | Template for first updates"));

    assertThat(major).isEnded().hasPassed("EndEvent_MajorIncidentClosed");
    PostIncidentReview document = reviews.find(parentNumber).orElseThrow();
    assertThat(document.rootCause()).isEqualTo("Firmware bug in the concentrator");
    assertThat(document.heldBy()).isEqualTo("dave");
    assertThat(document.linkedIncidents()).containsExactly(childNumber);
    assertThat(document.actionItems()).extracting(PostIncidentReview.ActionItem::owner,
        PostIncidentReview.ActionItem::action, PostIncidentReview.ActionItem::handToProblemManagement).containsExactly(
        tuple("bob", "Upgrade the firmware of both concentrators", true),
        tuple("carol", "Template for first updates", false));
    String problemNumber = document.actionItems().get(0).problemNumber();
    assertThat(problemNumber).as("the item for problem management raised a problem").matches("PRB\\d{7}");
    assertThat(document.actionItems().get(1).problemNumber()).isNull();
    ProcessInstance problem = runtime.createProcessInstanceQuery().processInstanceBusinessKey(problemNumber)
        .singleResult();
    assertThat(problem).isActive().isWaitingAt("Task_InvestigateProblem").variables()
        .containsEntry("problemSource", "major-incident-review").containsEntry("raisedBy", "dave")
        .containsEntry("affectedService", "vpn")
        .containsEntry("shortDescription", "Action item of " + parentNumber
            + ": Upgrade the firmware of both concentrators");
    assertThat(document.timeline()).isNotEmpty();
  }

  @Test
  void reportsOnTheServiceAtOnce_areEachTaken_andEachProposedToTheRunningMajorIncident() throws Exception {
    ProcessInstance parent = incidents.report(report("vpn", "high", "high", "monitoring"));
    ProcessInstance major = driver.major(incidents.number(parent));
    int reports = 6;
    ExecutorService callers = Executors.newFixedThreadPool(reports);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> reported = new ArrayList<>();
    for (int i = 0; i < reports; i++) {
      reported.add(callers.submit(() -> {
        go.await();
        return incidents.number(incidents.report(report("vpn", "low", "medium", "portal")));
      }));
    }
    go.countDown();
    List<String> numbers = new ArrayList<>();
    for (Future<String> number : reported) {
      numbers.add(number.get(60, TimeUnit.SECONDS));
    }
    callers.shutdown();

    assertThat(offeredForReview(major)).as("one review shows them all").containsExactlyInAnyOrderElementsOf(numbers);
  }

  @Test
  void proposalsDuringAReview_waitForTheNextOne_andCostTheMajorIncidentNothingUntilThen() {
    ProcessInstance parent = incidents.report(report("vpn", "high", "high", "monitoring"));
    String parentNumber = incidents.number(parent);
    ProcessInstance major = driver.major(parentNumber);
    List<String> first = List.of(reportOn("vpn"), reportOn("vpn"), reportOn("vpn"));
    driver.sendNotifications(major);
    Task review = driver.task(major, TASK_REVIEW_CHILDREN);
    assertThat(tasks.getVariable(review.getId(), "proposedCount")).isEqualTo(3);
    long executions = runtime.createExecutionQuery().processInstanceId(major.getId()).count();

    List<String> later = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      later.add(reportOn("vpn"));
    }
    driver.sendNotifications(major);
    assertThat(tasks.createTaskQuery().processInstanceId(major.getId()).taskDefinitionKey(TASK_REVIEW_CHILDREN).count())
        .isOne();
    assertThat(runtime.createExecutionQuery().processInstanceId(major.getId()).count())
        .as("five more proposals add nothing to the major incident's process").isEqualTo(executions);

    driver.complete(major, TASK_REVIEW_CHILDREN, "dave", Map.of("linkedIncidents", first.get(0) + ",\n" + first.get(2)));
    assertThat(children.linked(parentNumber)).containsExactly(first.get(0), first.get(2));
    assertThat(children.proposals(parentNumber)).extracting(MajorIncidentChildren.Proposal::childNumber,
        MajorIncidentChildren.Proposal::decision, MajorIncidentChildren.Proposal::decidedBy).containsExactly(
            tuple(first.get(0), "linked", "dave"), tuple(first.get(1), "not-linked", "dave"),
            tuple(first.get(2), "linked", "dave"), tuple(later.get(0), null, null), tuple(later.get(1), null, null),
            tuple(later.get(2), null, null), tuple(later.get(3), null, null), tuple(later.get(4), null, null));

    assertThat(desk.view(parentNumber).proposedIncidents()).as("the API's view of the major incident")
        .extracting(MajorIncidentView.ProposedChild::incidentNumber, MajorIncidentView.ProposedChild::decision)
        .startsWith(tuple(first.get(0), "linked"), tuple(first.get(1), "not-linked")).hasSize(8);

    assertThat(offeredForReview(major)).as("the next review shows what arrived during the first")
        .containsExactlyElementsOf(later);
  }

  @Test
  void aMajorIncidentWithALongRecord_stillOpensItsReview_withATimelineTheFormHolds() {
    ProcessInstance major = runningMajorOnTheVpn();
    String parentNumber = major.getBusinessKey();
    driver.complete(major, TASK_POST_UPDATE, "carol", Map.of("stakeholderUpdate", "Still down. ".repeat(333)));

    resolveTheParentOf(major);

    String timeline = (String) tasks.getVariable(driver.task(major, TASK_HOLD_REVIEW).getId(), "reviewTimeline");
    assertThat(timeline.length()).isLessThanOrEqualTo(4000);
    assertThat(timeline).contains("Incident " + parentNumber + " reported").contains("Stakeholder update: Still down.")
        .endsWith("Major incident resolved (fixed): The VPN concentrator was replaced.");
    assertThatThrownBy(() -> driver.complete(major, TASK_HOLD_REVIEW, "dave", Map.of("rootCause", "Firmware",
        "wentWell", "Failover", "wentBadly", "Updates", "actionItems", "bob | " + "a".repeat(3995))))
        .as("what a text variable cannot hold is refused, not failed").isInstanceOf(InvalidIncidentInputException.class)
        .hasMessageContaining("actionItems");
  }

  @Test
  void aTimelineLongerThanTheFormHolds_keepsItsFirstAndLastMoments() {
    Instant start = Instant.parse("2026-12-01T08:00:00Z");
    List<PostIncidentReview.TimelineEntry> entries = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      entries.add(new PostIncidentReview.TimelineEntry(start.plusSeconds(60L * i), "Linked INC" + (1000000 + i)
          + " (by dave)"));
    }
    entries.add(new PostIncidentReview.TimelineEntry(start.plusSeconds(60L * 200), "Major incident resolved"));
    String text = MajorIncidentReviews.asText(entries);
    assertThat(text.length()).isLessThanOrEqualTo(4000);
    assertThat(text).startsWith("- 2026-12-01 08:00 UTC: Linked INC1000000 (by dave)")
        .containsPattern("- … \\d+ more moments: the post-incident review document has all\n")
        .endsWith("- 2026-12-01 11:20 UTC: Major incident resolved");
  }

  @Test
  void aReviewListsAsManyAsItsTextHolds_andTheNextReviewTheRest() {
    ProcessInstance major = driver.major(incidents.number(incidents.report(report("vpn", "high", "high", "monitoring"))));
    List<String> reported = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      Map<String, Object> report = report("vpn", "low", "medium", "portal");
      report.put("shortDescription", ("Report " + i + " of the VPN outage: <b>*all*</b> remote staff " + "x".repeat(160))
          .substring(0, 160));
      report.put("callerName", "Jane Doe-" + "y".repeat(80));
      reported.add(incidents.number(incidents.report(report)));
    }
    List<String> first = offeredForReview(major);
    Task review = driver.task(major, TASK_REVIEW_CHILDREN);
    String listing = (String) tasks.getVariable(review.getId(), "proposedIncidents");
    assertThat(listing.length()).isLessThanOrEqualTo(ChildReviews.LISTING_MAX);
    assertThat(listing).contains("\\<b\\>\\*all\\*\\</b\\>").as("texts are no markup").doesNotContain("<b>");
    assertThat(first).hasSizeBetween(10, 44).isEqualTo(reported.subList(0, first.size()));
    assertThat(tasks.getVariable(review.getId(), "proposalsWaiting")).isEqualTo(45 - first.size());

    driver.complete(major, TASK_REVIEW_CHILDREN, "dave", Map.of("linkedIncidents", ""));
    List<String> rest = new ArrayList<>(reported.subList(first.size(), 45));
    while (!rest.isEmpty()) {
      List<String> next = offeredForReview(major);
      assertThat(next).isEqualTo(rest.subList(0, next.size()));
      rest.removeAll(next);
      driver.complete(major, TASK_REVIEW_CHILDREN, "dave", Map.of("linkedIncidents", ""));
    }
  }

  @Test
  void aReviewNamingWhatItDoesNotShow_isRefused_andAChosenIncidentResolvedMeanwhile_isNotLinked() {
    ProcessInstance parent = incidents.report(report("vpn", "high", "high", "monitoring"));
    String parentNumber = incidents.number(parent);
    ProcessInstance major = driver.major(parentNumber);
    ProcessInstance shown = incidents.report(report("vpn", "low", "medium", "portal"));
    String shownNumber = incidents.number(shown);
    driver.sendNotifications(major);
    String stranger = incidents.number(incidents.report(report("erp", "low", "low", "portal")));

    assertThatThrownBy(() -> driver.complete(major, TASK_REVIEW_CHILDREN, "dave", Map.of("linkedIncidents",
        shownNumber + ", " + stranger + ", INC12"))).isInstanceOf(InvalidIncidentInputException.class)
        .hasMessageContaining("linkedIncidents").hasMessageContaining(stranger + " is not one of the incidents")
        .hasMessageContaining("'INC12' is no incident number");
    assertThatThrownBy(() -> driver.complete(major, TASK_REVIEW_CHILDREN, "dave", Map.of("linkedIncidents", 42)))
        .isInstanceOf(InvalidIncidentInputException.class).hasMessageContaining("must be text");
    assertThat(children.linked(parentNumber)).isEmpty();

    incidents.complete(shown, io.incidentflow.IncidentDriver.triage("triageDecision", "resolve",
        "resolutionCode", "no-fault-found", "resolutionNotes", "It works again."));
    driver.complete(major, TASK_REVIEW_CHILDREN, "dave", Map.of("linkedIncidents", shownNumber));
    assertThat(children.linked(parentNumber)).isEmpty();
    assertThat(children.proposals(parentNumber)).singleElement()
        .satisfies(p -> assertThat(p.decision()).isEqualTo("not-open"));
  }

  @Test
  void aReviewStillOpenWhenTheMajorIncidentIsResolved_withdrawsItsProposals() {
    ProcessInstance major = runningMajorOnTheVpn();
    String child = reportOn("vpn");
    driver.sendNotifications(major);
    assertThat(driver.task(major, TASK_REVIEW_CHILDREN)).isNotNull();

    resolveTheParentOf(major);

    assertThat(driver.task(major, TASK_REVIEW_CHILDREN)).isNull();
    assertThat(children.proposals(major.getBusinessKey())).extracting(MajorIncidentChildren.Proposal::childNumber,
        MajorIncidentChildren.Proposal::decision).containsExactly(tuple(child, "withdrawn"));
  }

  @Test
  void anOfferJobWrittenBeforeProposalsWereRecorded_stillNamesItsReport() {
    ChildProposals.Offer legacy = ChildProposals.Offer.parse("INC0000001 INC0000002 1700000000000");
    assertThat(legacy).isEqualTo(new ChildProposals.Offer("INC0000001", "INC0000002", Instant.ofEpochMilli(1700000000000L)));
    assertThat(ChildProposals.Offer.parse(legacy.toCanonicalString())).isEqualTo(legacy);
    assertThat(ChildProposals.Offer.parse("INC0000001")).isEqualTo(new ChildProposals.Offer("INC0000001", null, null));
  }

  /** A P1 from monitoring on the VPN, declared a major incident and running: dave commands, carol updates. */
  private ProcessInstance runningMajorOnTheVpn() {
    ProcessInstance major = driver.major(incidents.number(incidents.report(report("vpn", "high", "high", "monitoring"))));
    driver.complete(major, TASK_ASSIGN_ROLES, "dave", Map.of("communicationsLead", "carol",
        "engagedGroups", "network-support"));
    return major;
  }

  /** Resolves the incident {@code major} was declared from (the concentrator replaced) and runs its jobs. */
  private void resolveTheParentOf(ProcessInstance major) {
    incidents.complete(runtime.createProcessInstanceQuery().processDefinitionKey("IncidentManagementProcess")
        .processInstanceBusinessKey(major.getBusinessKey()).singleResult(), io.incidentflow.IncidentDriver.triage(
        "triageDecision", "resolve", "resolutionCode", "fixed", "resolutionNotes", "The VPN concentrator was replaced."));
    driver.sendNotifications(major);
  }

  /** Runs the jobs of {@code major}; the numbers its open review of proposed children shows, to link. */
  private List<String> offeredForReview(ProcessInstance major) {
    driver.sendNotifications(major);
    return List.of(((String) tasks.getVariable(driver.task(major, TASK_REVIEW_CHILDREN).getId(), "linkedIncidents"))
        .split(", "));
  }

  /** Reports an incident on {@code service} that MajorIncidentTrigger proposes as a child; its number. */
  private String reportOn(String service) {
    return incidents.number(incidents.report(report(service, "low", "medium", "portal")));
  }

  @Test
  void aReportWhileItsMajorIncidentIsNotRunningYet_isTaken_andProposedOnceItRuns() {
    ProcessInstance parent = incidents.report(report("vpn", "high", "high", "monitoring"));
    String parentNumber = incidents.number(parent);
    ProcessInstance major = runtime.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY)
        .processInstanceBusinessKey(parentNumber).singleResult();
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(major.getId())
        .eventName(MajorIncidentProcess.MESSAGE_CHILD_PROPOSED).count())
        .as("declared, its running steps are a job away").isZero();

    String childNumber = incidents.number(incidents.report(report("vpn", "low", "medium", "portal")));
    driver.sendNotifications(major);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(ChildProposals.WAIT).plusSeconds(1)));

    assertThat(offeredForReview(major)).containsExactly(childNumber);
  }

  @Test
  void aParentOnHoldForAVendor_holdsItsWorkedChildren_andResumesOnlyThoseItHeld_neverForItsCaller() {
    ProcessInstance parent = incidents.report(report("vpn", "high", "high", "monitoring"));
    String parentNumber = incidents.number(parent);
    ProcessInstance major = driver.major(parentNumber);
    investigate(parent, "bob");
    ProcessInstance worked = incidents.report(report("email", "low", "low", "portal"));
    ProcessInstance ownHold = incidents.report(report("email", "low", "low", "portal"));
    ProcessInstance queued = incidents.report(report("email", "low", "low", "portal"));
    incidents.complete(queued, io.incidentflow.IncidentDriver.ROUTE);
    majorIncidents.link(parentNumber, incidents.number(queued), "dave");
    String workedNumber = incidents.number(worked);
    String ownHoldNumber = incidents.number(ownHold);
    majorIncidents.link(parentNumber, workedNumber, "dave");
    majorIncidents.link(parentNumber, ownHoldNumber, "dave");
    investigate(worked, "bob");
    investigate(ownHold, "bob");
    incidents.hold(ownHold, "awaiting-caller", "Which VPN client version?");
    assertThat(worked).variables().containsEntry("status", "IN_PROGRESS");

    incidents.hold(parent, "awaiting-caller", "Which office are you in?");
    driver.sendNotifications(major);
    assertThat(worked).as("the parent's caller is the parent's business").isWaitingAt("Task_InvestigateIncident")
        .variables().containsEntry("status", "IN_PROGRESS");
    incidents.complete(parent, Map.of());
    driver.sendNotifications(major);

    incidents.hold(parent, "awaiting-vendor", "Replacement concentrator ordered");
    assertThat(worked).as("held in a job of the major incident, not in the parent's step").variables()
        .containsEntry("status", "IN_PROGRESS");
    driver.sendNotifications(major);
    assertThat(major).hasPassed("Task_HoldLinkedIncidents");
    assertThat(worked).isWaitingAt("Task_AwaitInformation").variables().containsEntry("status", "ON_HOLD")
        .containsEntry("onHoldReason", "awaiting-vendor").containsEntry("heldWithParent", parentNumber);
    assertThat(comments.of(workedNumber)).singleElement().satisfies(note -> {
      assertThat(note.internal()).isTrue();
      assertThat(note.text()).contains("On hold with major incident " + parentNumber).contains("awaiting-vendor");
    });
    assertThat(ownHold).variables().containsEntry("status", "ON_HOLD").containsEntry("onHoldReason", "awaiting-caller")
        .doesNotContainKey("heldWithParent");
    assertThat(queued).as("a child still in its group's queue waits too").isWaitingAt("Task_AwaitInformation")
        .variables().containsEntry("status", "ON_HOLD").containsEntry("onHoldReason", "awaiting-vendor");

    incidents.complete(parent, Map.of());
    driver.sendNotifications(major);
    assertThat(major).hasPassed("Task_ResumeLinkedIncidents");
    assertThat(worked).isWaitingAt("Task_InvestigateIncident").variables().containsEntry("status", "IN_PROGRESS")
        .doesNotContainKey("heldWithParent");
    assertThat(comments.of(workedNumber)).extracting(IncidentComments.Comment::text)
        .contains("Resumed with major incident " + parentNumber);
    assertThat(queued).isWaitingAt("Task_InvestigateIncident").variables().doesNotContainKey("heldWithParent");
    assertThat(ownHold).as("a child's own hold is never lifted by the parent").isWaitingAt("Task_AwaitInformation")
        .variables().containsEntry("status", "ON_HOLD").containsEntry("onHoldReason", "awaiting-caller");
  }

  /** Moves {@code incident} from triage to its investigation, claimed by {@code agent}: IN_PROGRESS. */
  private void investigate(ProcessInstance incident, String agent) {
    runtime.createProcessInstanceModification(incident.getId()).cancelAllForActivity("Task_TriageIncident")
        .startBeforeActivity("Task_InvestigateIncident").execute();
    tasks.claim(tasks.createTaskQuery().processInstanceId(incident.getId())
        .taskDefinitionKey("Task_InvestigateIncident").singleResult().getId(), agent);
  }

  @Test
  void aProposedChildThatIsNotAccepted_staysOnItsOwn() {
    ProcessInstance parent = incidents.report(report("email", "high", "high", "monitoring"));
    ProcessInstance major = driver.major(incidents.number(parent));
    ProcessInstance other = incidents.report(report("email", "low", "low", "portal"));
    driver.sendNotifications(major);

    driver.complete(major, TASK_REVIEW_CHILDREN, "dave", Map.of("linkedIncidents", ""));

    assertThat(major).hasPassed("EndEvent_ChildrenReviewed");
    assertThat(children.linked(incidents.number(parent))).isEmpty();
    assertThat(children.proposals(incidents.number(parent))).singleElement()
        .satisfies(p -> assertThat(p.decision()).isEqualTo("not-linked"));
    assertThat(other).variables().doesNotContainKey("parentIncidentNumber");
  }

  @Test
  void anIncidentResolvedBeforeItsProposalIsReviewed_withdrawsTheProposal() {
    ProcessInstance incident = incidents.report(report("erp", "high", "high", "phone"));
    ProcessInstance major = driver.major(incidents.number(incident));

    incidents.complete(incident, io.incidentflow.IncidentDriver.triage("triageDecision", "resolve",
        "resolutionCode", "no-fault-found", "resolutionNotes", "A false alarm."));

    assertThat(major).isEnded().hasPassed("EndEvent_ProposalWithdrawn");
  }
}
