package io.incidentflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The notifications as their recipients get them: over real SMTP to the in-process server, one
 * assertion set per event (recipients, subject, both bodies, threading), hostile input, and a mail
 * server that is down.
 */
@IncidentFlowTest
class NotificationTest extends IncidentFlowTestBase {

  @Autowired
  CommunicationLog communicationLog;
  @Autowired
  NotificationSettings settings;
  @LocalServerPort
  int port;

  @BeforeEach
  void emptyMailbox() throws Exception {
    if (!mailServer.isRunning()) {
      mailServer.start();
    }
    mailServer.clear();
  }

  @AfterEach
  void resetClockAndServer() {
    ClockUtil.reset();
    if (!mailServer.isRunning()) {
      mailServer.start();
    }
  }

  @Test
  void everyEventOfALifecycle_reachesItsRecipients_inOneThread() throws Exception {
    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", Incidents.vpnReport());
    String number = incident.getBusinessKey();
    String thread = "<" + number + "@incidentflow.example>";

    MimeMessage reported = deliverOne(incident);
    assertMail(reported, "jane.doe@example.com",
        "[" + number + "] P2 High · VPN drops every 10 minutes from home office · We have received your incident");
    assertThat(reported.getMessageID()).isEqualTo(thread);
    assertThat(MailBodies.text(reported)).contains("recorded it as " + number, "What happens next");
    assertThat(MailBodies.html(reported)).contains("<strong>" + number + "</strong>", "What happens next");

    complete(incident, IncidentDriver.ROUTE);
    MimeMessage routed = deliverOne(incident);
    assertMail(routed, "network-support@incidentflow.example", "[" + number + "] P2 High · VPN drops every 10 minutes"
        + " from home office · Assigned to your group");
    assertThreaded(routed, thread);
    assertThat(MailBodies.text(routed)).contains("http://localhost:" + port + "/camunda/app/tasklist/",
        "Jane Doe <jane.doe@example.com>");

    tasks.claim(task(incident), "bob");
    complete(incident, Map.of("investigationOutcome", "on-hold", "onHoldReason", "awaiting-vendor",
        "onHoldNote", "Vendor ticket 4711"));
    assertThat(deliver(incident)).as("a vendor is awaited: nothing for the caller").isEmpty();
    complete(incident, Map.of());
    complete(incident, Map.of("investigationOutcome", "on-hold", "onHoldReason", "awaiting-caller",
        "onHoldNote", "Please send the VPN client log from C:\\ProgramData\\vpn\\client.log"));
    MimeMessage awaiting = deliverOne(incident);
    assertMail(awaiting, "jane.doe@example.com", "[" + number + "] P2 High · VPN drops every 10 minutes from home"
        + " office · We need information from you");
    assertThreaded(awaiting, thread);
    assertThat(MailBodies.text(awaiting)).contains("Please send the VPN client log", "How to answer");
    complete(incident, Map.of());

    complete(incident, Map.of("investigationOutcome", "resolved", "resolutionCode", "configuration-change",
        "resolutionNotes", "Raised the idle timeout."));
    MimeMessage resolved = deliverOne(incident);
    assertMail(resolved, "jane.doe@example.com", "[" + number + "] P2 High · VPN drops every 10 minutes from home"
        + " office · Resolved: please confirm");
    assertThat(MailBodies.text(resolved)).contains("Raised the idle timeout.", "closes automatically on");
    assertThat(MailBodies.html(resolved)).contains("Configuration change", "closes automatically on");

    complete(incident, Map.of("resolutionAccepted", false, "confirmationComment", "Still drops at 10:15"));
    MimeMessage reopened = deliverOne(incident);
    assertMail(reopened, "network-support@incidentflow.example", "[" + number + "] P2 High · VPN drops every 10"
        + " minutes from home office · Reopened: the caller rejected the resolution");
    assertThat(MailBodies.text(reopened)).contains("Still drops at 10:15", "reopened 1 time(s)");

    tasks.claim(task(incident), "bob");
    complete(incident, Map.of("investigationOutcome", "resolved", "resolutionCode", "fixed",
        "resolutionNotes", "Replaced the home router."));
    deliverOne(incident);
    complete(incident, Map.of("resolutionAccepted", true));
    // The caller and the group each get a closure mail of their own, written for them.
    List<MimeMessage> closed = deliver(incident);
    assertThat(closed.stream().map(NotificationTest::messageId).distinct()).hasSize(2);
    MimeMessage closedForCaller = to(closed, "jane.doe@example.com");
    MimeMessage closedForGroup = to(closed, "network-support@incidentflow.example");
    for (MimeMessage mail : List.of(closedForCaller, closedForGroup)) {
      assertThat(Arrays.stream(mail.getRecipients(RecipientType.TO))).hasSize(1);
      assertThat(mail.getSubject()).endsWith("· Closed");
      assertThreaded(mail, thread);
      assertThat(MailBodies.text(mail)).contains(number + " is closed");
    }
    assertThat(MailBodies.text(closedForCaller)).contains("as you confirmed that the problem is solved");
    assertThat(MailBodies.text(closedForGroup)).contains("resolution accepted by the caller");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(incident.getId()).count()).isZero();

    assertThat(communicationLog.of(number)).extracting(CommunicationLog.Entry::event).containsExactly(
        IncidentEvent.REPORTED, IncidentEvent.ROUTED, IncidentEvent.AWAITING_CALLER, IncidentEvent.RESOLVED,
        IncidentEvent.REOPENED, IncidentEvent.RESOLVED, IncidentEvent.CLOSED, IncidentEvent.CLOSED);
    assertThat(communicationLog.of(number).subList(6, 8)).extracting(CommunicationLog.Entry::recipients)
        .containsExactlyInAnyOrder(List.of("jane.doe@example.com"), List.of("network-support@incidentflow.example"));
    assertThat(communicationLog.of(number).get(0).subject()).isEqualTo(reported.getSubject());
  }

  @Test
  void whatACallerTyped_arrivesAsText() throws Exception {
    Map<String, Object> report = Incidents.vpnReport();
    report.put("shortDescription", "<b>VPN</b> down\r\nBcc: everyone@example.com");
    report.put("description", "<script>alert('pwned')</script> and <img src=x onerror=alert(1)>");
    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", report);

    MimeMessage mail = deliverOne(incident);

    assertThat(mail.getSubject()).contains("<b>VPN</b> down Bcc: everyone@example.com").doesNotContain("\n");
    assertThat(mail.getRecipients(RecipientType.BCC)).isNull();
    assertThat(MailBodies.html(mail)).doesNotContain("<script>", "<img", "<b>VPN")
        .contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
    assertThat(MailBodies.text(mail)).contains("<script>alert('pwned')</script>");
  }

  @Test
  void aGroupWithoutAddress_getsNoMail_andTheIncidentGoesOn() throws Exception {
    String address = settings.groupAddresses().put("network-support", "");
    try {
      ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", Incidents.vpnReport());
      deliverOne(incident);
      complete(incident, IncidentDriver.ROUTE);

      assertThat(deliver(incident)).isEmpty();
      assertThat(communicationLog.of(incident.getBusinessKey())).hasSize(1);
      assertThat(tasks.createTaskQuery().processInstanceId(incident.getId()).taskDefinitionKey("Task_InvestigateIncident")
          .count()).isOne();
    } finally {
      settings.groupAddresses().put("network-support", address);
    }
  }

  @Test
  void mailServerDown_retriesThenFailedJob_andOneRetryDeliversExactlyOnce() throws Exception {
    mailServer.stop();
    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", Incidents.vpnReport());
    String number = incident.getBusinessKey();
    Job job = notificationJob(incident);

    // The agent's work goes on while the acknowledgement waits.
    complete(incident, IncidentDriver.ROUTE);
    assertThat(runtime.getVariable(incident.getId(), "status")).isEqualTo("ASSIGNED");

    ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
    ResponseEntity<JsonNode> mailHealth = http.getForEntity("/actuator/health/mail", JsonNode.class);
    assertThat(mailHealth.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(mailHealth.getBody().get("status").asText()).isEqualTo("UNREACHABLE");

    // R5/PT1M: five attempts in all, a minute apart.
    assertThat(failEveryAttempt(job, number)).isEqualTo(5);
    Incident failedJob = runtime.createIncidentQuery().processInstanceId(incident.getId()).singleResult();
    assertThat(failedJob.getIncidentType()).isEqualTo("failedJob");
    assertThat(failedJob.getIncidentMessage()).contains(number, "REPORTED", "could not be sent");
    assertThat(communicationLog.of(number)).isEmpty();

    mailServer.start();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(mailServer.received().stream().filter(m -> subject(m).contains(number)).toList()).hasSize(1);
    assertThat(communicationLog.of(number)).hasSize(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(incident.getId()).count()).isZero();
  }

  @Test
  void aNotification_isDecidedOnce_withItsMessageId_andSentAfterTheStepCommits() throws Exception {
    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", Incidents.vpnReport());
    String number = incident.getBusinessKey();

    List<CommunicationLog.Notification> decided = communicationLog.all(number);
    assertThat(decided).singleElement().satisfies(notification -> {
      assertThat(notification.event()).isEqualTo(IncidentEvent.REPORTED);
      assertThat(notification.status()).isEqualTo(CommunicationLog.Status.PENDING);
      assertThat(notification.messageId()).isEqualTo("<" + number + "@incidentflow.example>");
      assertThat(notification.recipients()).containsExactly("jane.doe@example.com");
    });
    assertThat(mailServer.received().stream().map(NotificationTest::messageId)).as("nothing sent before the job")
        .doesNotContain(decided.get(0).messageId());

    MimeMessage sent = deliverOne(incident);

    assertThat(sent.getMessageID()).isEqualTo(decided.get(0).messageId());
    CommunicationLog.Notification after = communicationLog.find(decided.get(0).id()).orElseThrow();
    assertThat(after.status()).isEqualTo(CommunicationLog.Status.SENT);
    assertThat(after.attempts()).isOne();
    assertThat(after.message()).as("the message (it may hold a link's token) is not kept once sent").isNull();
    assertThat(deliver(incident)).as("a notification sent is not sent again").isEmpty();
  }

  @Test
  void twoNodesRunningTheSameDelivery_atOnce_sendOneMessageId_andLogItOnce() throws Exception {
    for (int round = 0; round < 8; round++) {
      ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", Incidents.vpnReport());
      String number = incident.getBusinessKey();
      deliverOne(incident);
      complete(incident, IncidentDriver.ROUTE);
      String decided = communicationLog.all(number).stream().filter(n -> n.event() == IncidentEvent.ROUTED)
          .findFirst().orElseThrow().messageId();
      Job delivery = notificationJob(incident);

      atOnceOnTwoNodes(() -> management.executeJob(delivery.getId()));

      List<String> ids = mailServer.received().stream().filter(mail -> subject(mail).contains(number)
          && subject(mail).endsWith("Assigned to your group")).map(NotificationTest::messageId).toList();
      assertThat(ids).as("a duplicate at worst, recognizable as one mail").isNotEmpty().containsOnly(decided);
      assertThat(communicationLog.of(number)).extracting(CommunicationLog.Entry::event)
          .containsExactly(IncidentEvent.REPORTED, IncidentEvent.ROUTED);
    }
  }

  @Test
  void anSlaTimerFiredOnTwoNodesAtOnce_escalatesOnce_andMailsOnce() throws Exception {
    for (int round = 0; round < 8; round++) {
      ClockUtil.reset();
      ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess",
          Incidents.vpnReport("high", "high"));
      String number = incident.getBusinessKey();
      Job timer = management.createJobQuery().processInstanceId(incident.getId()).activityId("Event_ResponseDue")
          .singleResult();
      ClockUtil.setCurrentTime(timer.getDuedate());

      atOnceOnTwoNodes(() -> management.executeJob(timer.getId()));
      incidents.sendNotifications(incident);

      assertThat(runtime.getVariable(incident.getId(), "escalationLevel")).isEqualTo(1);
      assertThat(communicationLog.all(number)).filteredOn(n -> n.event() == IncidentEvent.RESPONSE_BREACHED)
          .singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(CommunicationLog.Status.SENT));
      assertThat(mailServer.received().stream().filter(mail -> subject(mail).contains(number)
          && subject(mail).contains("Response SLA breached")).map(NotificationTest::messageId).distinct()).hasSize(1);
    }
  }

  @Test
  void aDeliveryThatKeepsFailing_isVisible_andOneRetryFromTheApiSendsItOnce() throws Exception {
    mailServer.stop();
    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", Incidents.vpnReport());
    String number = incident.getBusinessKey();
    Job job = notificationJob(incident);
    assertThat(failEveryAttempt(job, number)).isEqualTo(5);
    JsonNode failed = http.withBasicAuth("alice", "alice").getForObject("/api/incidents/" + number + "/notifications",
        JsonNode.class).get(0);
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("attempts").asInt()).isEqualTo(5);
    assertThat(failed.get("lastError").asText()).containsIgnoringCase("connect");
    assertThat(runtime.createIncidentQuery().processInstanceId(incident.getId()).count())
        .as("Cockpit shows the failed delivery on the incident").isOne();

    mailServer.start();
    String retry = "/api/incidents/" + number + "/notifications/" + failed.get("id").asText() + "/retry";
    assertThat(http.withBasicAuth("erin", "erin").postForEntity(retry, null, JsonNode.class).getStatusCode())
        .as("managers read, they do not act").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("alice", "alice").postForEntity(retry, null, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    incidents.sendNotifications(incident);

    assertThat(mailServer.received().stream().filter(m -> subject(m).contains(number)).toList()).hasSize(1);
    assertThat(communicationLog.of(number)).hasSize(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(incident.getId()).count()).isZero();
    assertThat(http.withBasicAuth("alice", "alice").postForEntity(retry, null, JsonNode.class).getStatusCode())
        .as("sent already").isEqualTo(HttpStatus.CONFLICT);
  }

  /**
   * Plays the job executor's part for a delivery that fails every time: each attempt when it is due, on the
   * engine clock, until no retry is left; how many attempts that took.
   */
  private int failEveryAttempt(Job job, String number) {
    int attempts = 0;
    Date now = new Date();
    while (management.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
      Job waiting = management.createJobQuery().jobId(job.getId()).singleResult();
      if (waiting.getDuedate() != null) {
        now = new Date(Math.max(now.getTime(), waiting.getDuedate().getTime()) + 1000);
        ClockUtil.setCurrentTime(now);
      }
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining(number);
      attempts++;
      assertThat(attempts).as("the retry cycle ends").isLessThanOrEqualTo(5);
    }
    return attempts;
  }

  /** Runs {@code work} on two threads at the same moment, as two nodes would; a lost race may fail, nothing else. */
  private static void atOnceOnTwoNodes(Runnable work) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        runs.add(nodes.submit(() -> {
          start.await();
          work.run();
          return null;
        }));
      }
      for (Future<?> run : runs) {
        try {
          run.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException lostRace) {
          // The other node's transaction won: this one rolled back, as a second node's would.
        }
      }
    } finally {
      nodes.shutdown();
    }
  }

  @Test
  void demoMailbox_showsTheMails_toAdministratorsOnly() {
    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", Incidents.vpnReport());
    deliver(incident);

    assertThat(http.getForEntity("/demo/mail", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // The mailbox holds every resolution link: an agent would answer for the callers.
    assertThat(http.withBasicAuth("alice", "alice").getForEntity("/demo/mail", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("alice", "alice").getForEntity("/demo/mail/0", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode mails = http.withBasicAuth("demo", "demo").getForObject("/demo/mail", JsonNode.class);
    assertThat(mails.get(0).get("subject").asText()).contains(incident.getBusinessKey());
    assertThat(mails.get(0).get("to").asText()).isEqualTo("jane.doe@example.com");
    // Each mail has a page of its own, at a link that stays as more mails arrive.
    String mail = "/demo/mail/" + mails.get(0).get("id").asText();
    assertThat(http.withBasicAuth("alice", "alice").getForEntity(mail, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("demo", "demo").getForObject(mail, String.class))
        .contains(incident.getBusinessKey());
  }

  private Job notificationJob(ProcessInstance incident) {
    return management.createJobQuery().processInstanceId(incident.getId()).messages().singleResult();
  }

  /** Runs the instance's waiting notification jobs and returns the mails they sent. */
  private List<MimeMessage> deliver(ProcessInstance incident) {
    // The server lists mails per mailbox, not by arrival: new ones are those with a new Message-ID.
    List<String> before = mailServer.received().stream().map(NotificationTest::messageId).toList();
    incidents.sendNotifications(incident);
    return mailServer.received().stream().filter(mail -> !before.contains(messageId(mail))).toList();
  }

  /** The one mail the waiting jobs sent (the server keeps a copy per recipient's mailbox). */
  private MimeMessage deliverOne(ProcessInstance incident) {
    List<MimeMessage> mails = deliver(incident);
    assertThat(mails.stream().map(NotificationTest::messageId).distinct()).hasSize(1);
    return mails.get(0);
  }

  /** The one of {@code mails} sent to {@code address}. */
  private static MimeMessage to(List<MimeMessage> mails, String address) {
    return mails.stream().filter(mail -> header(mail, m -> InternetAddress.toString(m.getRecipients(RecipientType.TO)))
        .contains(address)).findFirst().orElseThrow(() -> new AssertionError("No mail to " + address));
  }

  private void complete(ProcessInstance incident, Map<String, Object> variables) {
    incidents.complete(incident, variables);
  }

  private String task(ProcessInstance incident) {
    return incidents.task(incident).getId();
  }

  private static void assertMail(MimeMessage mail, String to, String subject) throws Exception {
    assertThat(Arrays.stream(mail.getRecipients(RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()))
        .containsExactly(to);
    assertThat(mail.getFrom()[0].toString()).contains("service-desk@incidentflow.example");
    assertThat(mail.getSubject()).isEqualTo(subject);
    assertThat(MailBodies.text(mail)).isNotBlank();
    assertThat(MailBodies.html(mail)).startsWith("<html");
  }

  private static void assertThreaded(MimeMessage mail, String thread) throws Exception {
    assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo(thread);
    assertThat(mail.getHeader("References", null)).isEqualTo(thread);
    assertThat(mail.getMessageID()).isNotEqualTo(thread).endsWith("@incidentflow.example>");
  }

  private static String subject(MimeMessage mail) {
    return header(mail, MimeMessage::getSubject);
  }

  private static String messageId(MimeMessage mail) {
    return header(mail, MimeMessage::getMessageID);
  }

  /** A header of a received mail, for use in streams. */
  private static String header(MimeMessage mail, Header read) {
    try {
      return read.of(mail);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Header {
    String of(MimeMessage mail) throws MessagingException;
  }
}
