package io.incidentflow.closure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.closure.ClosureRecord.Agent;
import io.incidentflow.closure.ClosureRecord.Change;
import io.incidentflow.closure.ClosureRecord.StatusChange;
import io.incidentflow.notification.CommunicationLog;
import io.incidentflow.notification.IncidentEvent;
import io.incidentflow.notification.MailBodies;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The closure record of an incident that went through everything: a priority change at triage, on hold
 * for the caller, a reassignment, a rejected resolution and a reopen. Every section is checked against
 * what happened, in the stored record, the document attached to the closure mail and the endpoint, also
 * after the engine's history cleanup has removed the process instance.
 */
@IncidentFlowTest
class ClosureRecordTest extends IncidentFlowTestBase {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @Autowired
  IdentityService identity;
  @Autowired
  ClosureRecords records;



  @Test
  void aLongLifecycle_isRecordedCompletely_andOutlivesHistoryCleanup() throws Exception {
    String number = closeIncidentTheLongWay();
    ClosureRecord record = records.find(number).orElseThrow();

    assertThat(record.reported().at()).isEqualTo(T0);
    assertThat(record.reported().description()).isEqualTo("Disconnects <script>alert('x')</script> every 10 minutes");
    assertThat(record.reported().callerEmail()).isEqualTo("jane.doe@example.com");
    assertThat(record.classification()).isEqualTo(
        new ClosureRecord.Classification("network", 1, "Critical", "application-support"));
    assertThat(record.reported().impact()).as("as reported, before triage").isEqualTo("medium");
    assertThat(record.changes().subList(0, 2)).containsExactlyInAnyOrder(
        new Change(T0, "impact", null, "medium", "Incident reported", null),
        new Change(T0, "urgency", null, "high", "Incident reported", null));
    assertThat(record.changes().subList(2, record.changes().size())).containsExactly(
        new Change(T0, "category", null, "network", "Categorize incident", null),
        new Change(T0, "assignmentGroup", null, "network-support", "Categorize incident", null),
        new Change(T0, "priority", null, "P2 High", "Prioritize incident", null),
        new Change(at(5), "impact", "medium", "high", "Triage incident", "alice"),
        new Change(at(5), "priority", "P2 High", "P1 Critical", "Reassess priority", null),
        new Change(at(100), "assignmentGroup", "network-support", "application-support", "Investigate incident", "bob"));
    assertThat(record.agents()).containsExactly(
        new Agent("alice", List.of("Triage incident", "Confirm resolution")),
        new Agent("bob", List.of("Investigate incident", "Await information")),
        new Agent("carol", List.of("Investigate incident")));
    assertThat(record.statusTimeline()).containsExactly(
        new StatusChange(T0, "NEW"), new StatusChange(at(5), "ASSIGNED"), new StatusChange(at(15), "IN_PROGRESS"),
        new StatusChange(at(30), "ON_HOLD"), new StatusChange(at(90), "IN_PROGRESS"),
        new StatusChange(at(100), "ASSIGNED"), new StatusChange(at(110), "IN_PROGRESS"),
        new StatusChange(at(130), "RESOLVED"), new StatusChange(at(150), "ASSIGNED"),
        new StatusChange(at(160), "IN_PROGRESS"), new StatusChange(at(180), "RESOLVED"),
        new StatusChange(at(200), "CLOSED"));
    assertThat(record.onHoldPeriods()).containsExactly(new ClosureRecord.OnHoldPeriod(at(30), at(90),
        "awaiting-caller", "Please send the VPN client log.", 3600));
    assertThat(record.resolution()).isEqualTo(new ClosureRecord.Resolution("configuration-change",
        "Raised the gateway's idle timeout.", "carol", at(180)));
    assertThat(record.reopenCount()).isEqualTo(1);
    assertThat(record.reassignmentCount()).isEqualTo(1);
    assertThat(record.closedAt()).isEqualTo(at(200));
    assertThat(record.closedBecause()).isEqualTo("accepted");
    assertThat(record.confirmationComment()).isEqualTo("Works now, thanks");
    assertThat(record.communications()).extracting(CommunicationLog.Entry::event).containsExactly(
        IncidentEvent.REPORTED, IncidentEvent.ROUTED, IncidentEvent.AWAITING_CALLER, IncidentEvent.ROUTED,
        IncidentEvent.RESOLVED, IncidentEvent.REOPENED, IncidentEvent.RESOLVED);
    assertThat(record.communications().get(3).recipients()).containsExactly("application-support@incidentflow.example");
    assertThat(record.figures()).isEqualTo(new ClosureRecord.Figures(15 * 60L, 180 * 60L, 60 * 60L));
    // P1 from triage on, counted from the report: respond in 15 min (taken at minute 15: just met),
    // resolve in 4 h, plus 80 min the clock stood still (on hold for the caller 60, resolved before the
    // reopen 20): due at minute 320, resolved at 180, 100 min of clock time.
    assertThat(record.sla()).isEqualTo(new ClosureRecord.Sla("24x7",
        new ClosureRecord.SlaClock("PT15M", at(15), at(15), 15 * 60L, true, null),
        new ClosureRecord.SlaClock("PT4H", at(320), at(180), 100 * 60L, true, null), 80 * 60L));

    String attached = closureMailAttachment(number);
    assertThat(attached).contains(number + " closure record", "Time to acknowledge", "15 min", "3 h 00 min",
        "<td>Resolution</td>", "<td>1 h 40 min</td>", "<td>met</td>",
        "Awaiting the caller", "P2 High", "P1 Critical", "Application support", "carol", "Works now, thanks",
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");

    ResponseEntity<String> html = get(number, "alice", MediaType.TEXT_HTML);
    assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(html.getBody()).isEqualTo(attached);

    cleanUpHistoryAfterItsTimeToLive();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .as("the engine's history of the incident is gone").isZero();
    ResponseEntity<String> json = get(number, "erin", MediaType.APPLICATION_JSON);
    assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.getBody());
    assertThat(body.at("/incidentNumber").asText()).isEqualTo(number);
    assertThat(body.at("/figures/timeToResolveSeconds").asLong()).isEqualTo(10800);
    assertThat(body.at("/sla/resolution/met").asBoolean()).isTrue();
    assertThat(body.at("/sla/resolution/due").asText()).isEqualTo("2026-11-23T13:20:00Z");
    assertThat(body.at("/statusTimeline/3/status").asText()).isEqualTo("ON_HOLD");
    assertThat(body.at("/closedAt").asText()).isEqualTo("2026-11-23T11:20:00Z");
    assertThat(get(number, "alice", MediaType.TEXT_HTML).getBody()).isEqualTo(attached);
  }

  @Test
  void anIncidentNobodyAnswers_recordsItsAutoClose() {
    ClockUtil.setCurrentTime(Date.from(T0));
    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", Incidents.vpnReport());
    String number = incident.getBusinessKey();
    String triage = task(incident);
    tasks.claim(triage, "alice");
    tasks.complete(triage, IncidentDriver.triage("triageDecision", "resolve", "assignmentGroup",
        "service-desk", "resolutionCode", "user-training", "resolutionNotes", "Showed the caller the reconnect setting."));
    Job autoClose = management.createJobQuery().processInstanceId(incident.getId()).timers()
        .activityId("BoundaryEvent_AutoCloseDue").singleResult();
    ClockUtil.setCurrentTime(autoClose.getDuedate());
    management.executeJob(autoClose.getId());

    ClosureRecord record = records.find(number).orElseThrow();
    assertThat(record.closedBecause()).isEqualTo("auto-closed");
    assertThat(record.figures().timeToAcknowledgeSeconds()).as("resolved at first contact").isZero();
    assertThat(record.figures().timeOnHoldSeconds()).isZero();
    assertThat(record.onHoldPeriods()).isEmpty();
    assertThat(record.statusTimeline()).extracting(StatusChange::status).containsExactly("NEW", "RESOLVED", "CLOSED");
    assertThat(record.closedAt()).isEqualTo(T0.plus(Duration.ofDays(5)));
  }

  @Test
  void theEndpoint_servesStaffOnly_andAnswersBadNumbersClearly() {
    String nobody = "visitor" + System.nanoTime();
    User visitor = identity.newUser(nobody);
    visitor.setPassword("visitor-password");
    identity.saveUser(visitor);
    try {
      assertThat(http.getForEntity("/api/incidents/INC0000001/closure-record", String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      ResponseEntity<String> forbidden = get("INC0000001", nobody, "visitor-password", MediaType.TEXT_HTML);
      assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(forbidden.getBody()).contains("none of its groups");
      // (the engine then locks the user for a few seconds: use one that is not needed afterwards)
      assertThat(get("INC0000001", nobody, "wrong-password", MediaType.TEXT_HTML).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);

      ResponseEntity<String> bad = get("INC42", "alice", MediaType.APPLICATION_JSON);
      assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(bad.getBody()).contains("\"field\":\"incidentNumber\"", "INC followed by 7 digits", "was 'INC42'");

      ResponseEntity<String> unknown = get("INC9999999", "alice", MediaType.TEXT_HTML);
      assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(unknown.getBody()).contains("No closure record for INC9999999");
    } finally {
      identity.deleteUser(nobody);
    }
  }

  /**
   * alice triages (P2 → P1) at +5 min, bob takes it at +15, puts it on hold for the caller at +30,
   * resumes at +90 and hands it to application-support at +100; carol takes it at +110 and resolves
   * at +130; the caller rejects at +150, carol takes it again at +160, resolves at +180, and the caller
   * accepts at +200.
   */
  private String closeIncidentTheLongWay() {
    ClockUtil.setCurrentTime(Date.from(T0));
    Map<String, Object> report = new HashMap<>(Incidents.vpnReport());
    report.put("description", "Disconnects <script>alert('x')</script> every 10 minutes");
    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", report);
    mail(incident);

    now(5);
    tasks.claim(task(incident), "alice");
    complete(incident, IncidentDriver.triage("impact", "high", "urgency", "high"));
    now(15);
    tasks.claim(task(incident), "bob");
    now(30);
    complete(incident, Map.of("investigationOutcome", "on-hold", "onHoldReason", "awaiting-caller",
        "onHoldNote", "Please send the VPN client log."));
    now(90);
    complete(incident, Map.of());
    now(100);
    complete(incident, Map.of("investigationOutcome", "reassign", "assignmentGroup", "application-support"));
    now(110);
    tasks.claim(task(incident), "carol");
    now(130);
    complete(incident, Map.of("investigationOutcome", "resolved", "resolutionCode", "fixed",
        "resolutionNotes", "Updated the VPN client."));
    now(150);
    tasks.claim(task(incident), "alice");
    complete(incident, Map.of("resolutionAccepted", false, "confirmationComment", "Still drops at 10:15"));
    now(160);
    tasks.claim(task(incident), "carol");
    now(180);
    complete(incident, Map.of("investigationOutcome", "resolved", "resolutionCode", "configuration-change",
        "resolutionNotes", "Raised the gateway's idle timeout."));
    now(200);
    tasks.claim(task(incident), "alice");
    complete(incident, Map.of("resolutionAccepted", true, "confirmationComment", "Works now, thanks"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(incident.getId()).count()).isZero();
    return incident.getBusinessKey();
  }

  private void complete(ProcessInstance incident, Map<String, Object> variables) {
    incidents.complete(incident, variables);
    mail(incident);
  }

  private void mail(ProcessInstance incident) {
    incidents.sendNotifications(incident);
  }

  private String task(ProcessInstance incident) {
    return incidents.task(incident).getId();
  }

  private static void now(int minutes) {
    ClockUtil.setCurrentTime(Date.from(at(minutes)));
  }

  private static Instant at(int minutes) {
    return T0.plus(minutes, ChronoUnit.MINUTES);
  }

  /** The HTML document attached to the closure mail the group received (the caller's has none). */
  private String closureMailAttachment(String number) throws Exception {
    MimeMessage closed = closureMail(number, "application-support@incidentflow.example");
    assertThat(MailBodies.text(closed)).contains("Time to acknowledge 15 min, time to resolve 3 h 00 min",
        number + "-closure-record.html");
    assertThat(attachments(closureMail(number, "jane.doe@example.com"))).as("the record is for the staff").isZero();
    assertThat(attachments(closed)).isOne();
    Multipart parts = (Multipart) closed.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        assertThat(part.getFileName()).isEqualTo(number + "-closure-record.html");
        assertThat(part.getContentType()).startsWith("text/html");
        return ((String) part.getContent()).replace("\r\n", "\n"); // mail lines end in CRLF
      }
    }
    throw new AssertionError("The closure mail of " + number + " has no attachment");
  }

  private MimeMessage closureMail(String number, String to) {
    return mailServer.received().stream()
        .filter(mail -> subject(mail).startsWith("[" + number + "]") && subject(mail).endsWith("· Closed")
            && recipients(mail).equals(to))
        .findFirst().orElseThrow(() -> new AssertionError("No closure mail of " + number + " to " + to));
  }

  private static int attachments(MimeMessage mail) throws Exception {
    int count = 0;
    if (mail.getContent() instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        count += Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition()) ? 1 : 0;
      }
    }
    return count;
  }

  private static String recipients(MimeMessage mail) {
    try {
      return InternetAddress.toString(mail.getRecipients(jakarta.mail.Message.RecipientType.TO));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The history cleanup as the engine runs it, once the incident's history time-to-live is over. */
  private void cleanUpHistoryAfterItsTimeToLive() {
    ClockUtil.setCurrentTime(Date.from(at(200).plus(Duration.ofDays(181))));
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());
  }

  private ResponseEntity<String> get(String number, String user, MediaType accept) {
    return get(number, user, user, accept);
  }

  private ResponseEntity<String> get(String number, String user, String password, MediaType accept) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(accept));
    return http.withBasicAuth(user, password).exchange("/api/incidents/" + number + "/closure-record", HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
  }
}
