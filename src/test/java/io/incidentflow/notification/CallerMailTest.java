package io.incidentflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * What the caller reads: his mails name every value in the words of the catalogue of labels and show none of the
 * internal values (status codes, resolution and on-hold codes, group ids, the channel's value), no agent's user
 * id, no group guessed before triage and no closure record; the staff's closure mail has the record.
 */
@IncidentFlowTest
class CallerMailTest extends IncidentFlowTestBase {

  private static final String CALLER = "jane.doe@example.com";
  private static final String GROUP = "application-support@incidentflow.example";
  /** Internal values a caller must never read; {@code email} is the value of the channel and the service. */
  private static final List<Pattern> RAW = List.of("\\bNEW\\b", "\\bASSIGNED\\b", "IN_PROGRESS", "ON_HOLD",
      "\\bRESOLVED\\b", "\\bCLOSED\\b", "configuration-change", "awaiting-caller", "application-support",
      "service-desk", "\\bemail\\b", "\\bcarol\\b").stream().map(Pattern::compile).toList();

  @Test
  void theCallersMails_speakInLabels_andTheStaffKeepsTheClosureRecord() throws Exception {
    ProcessInstance incident = incidents.report(mailReport());
    String number = incident.getBusinessKey();
    MimeMessage reported = onlyMail(incident, CALLER);
    assertCallerReads(reported, "New", "E-mail");
    assertThat(bodies(reported)).as("no group guessed before triage").doesNotContain("Application support", "Team");

    incidents.complete(incident, IncidentDriver.triage("category", "software", "assignmentGroup", "application-support"));
    onlyMail(incident, GROUP);
    tasks.claim(incidents.task(incident).getId(), "carol");
    incidents.hold(incident, "awaiting-caller", "Which Outlook version do you use?");
    MimeMessage onHold = onlyMail(incident, CALLER);
    assertCallerReads(onHold, "On hold", "E-mail", "Application support", "Which Outlook version do you use?");

    incidents.complete(incident, Map.of());
    incidents.resolve(incident, "configuration-change", "Renewed the stored credentials of the mail profile.");
    MimeMessage resolved = onlyMail(incident, CALLER);
    assertCallerReads(resolved, "Resolution: Configuration change", "Renewed the stored credentials", "Resolved",
        "Application support");

    incidents.confirm(incident, true, "Works again");
    List<MimeMessage> closed = mails(incident);
    MimeMessage closedForCaller = to(closed, CALLER);
    MimeMessage closedForGroup = to(closed, GROUP);
    assertCallerReads(closedForCaller, "is closed, as you confirmed that the problem is solved",
        "What was wrong:", "Outlook keeps asking for my password", "How it was resolved:", "Configuration change",
        "Renewed the stored credentials", "Closed", "Application support");
    assertThat(attachments(closedForCaller)).as("the closure record is for the staff").isEmpty();
    assertThat(attachments(closedForGroup)).containsExactly(number + "-closure-record.html");
    assertThat(MailBodies.text(closedForGroup)).as("the staff may read who resolved it")
        .contains("Configuration change, by carol", "resolution accepted by the caller", "Group:    Application support",
            "Via:      E-mail");
  }

  @Test
  void anIncidentClosedForLackOfAnswer_tellsTheCallerSo() throws Exception {
    ProcessInstance incident = incidents.report(mailReport());
    incidents.complete(incident, IncidentDriver.triage("triageDecision", "resolve", "assignmentGroup", "service-desk",
        "resolutionCode", "user-training", "resolutionNotes", "Showed how to save the password."));
    mails(incident);
    management.executeJob(management.createJobQuery().processInstanceId(incident.getId()).timers()
        .activityId("BoundaryEvent_AutoCloseDue").singleResult().getId());

    List<MimeMessage> closedMails = mails(incident);
    MimeMessage closed = to(closedMails, CALLER);

    assertCallerReads(closed, "is closed, as we did not hear from you after we resolved it", "User instructed / trained",
        "Service desk");
    assertThat(attachments(closed)).isEmpty();
    assertThat(MailBodies.text(to(closedMails, "service-desk@incidentflow.example")))
        .contains("was closed automatically: the caller did not answer", "Resolution:  User instructed / trained")
        .doesNotContain("by null");
  }

  /** An Outlook problem reported by e-mail: service and channel both {@code email}. */
  private static Map<String, Object> mailReport() {
    Map<String, Object> report = Incidents.vpnReport("low", "medium");
    report.put("shortDescription", "Outlook keeps asking for my password");
    report.put("description", "Since this morning Outlook asks again and again.");
    report.put("affectedService", "email");
    report.put("channel", "email");
    return report;
  }

  /** Both bodies of a caller's mail contain each of {@code words} and none of the internal values. */
  private static void assertCallerReads(MimeMessage mail, String... words) throws Exception {
    assertThat(InternetAddress.toString(mail.getRecipients(RecipientType.TO))).isEqualTo(CALLER);
    for (String body : List.of(MailBodies.text(mail), MailBodies.html(mail))) {
      assertThat(body.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ")).as("what the caller reads").contains(words);
      for (Pattern raw : RAW) {
        assertThat(raw.matcher(body).find()).as("%s in the caller's mail:%n%s", raw, body).isFalse();
      }
    }
  }

  private static String bodies(MimeMessage mail) throws Exception {
    return MailBodies.text(mail) + MailBodies.html(mail);
  }

  /** Sends what the incident's steps recorded; the mails that arrived, one per message. */
  private List<MimeMessage> mails(ProcessInstance incident) {
    List<String> before = mailServer.received().stream().map(CallerMailTest::messageId).toList();
    incidents.sendNotifications(incident);
    List<String> seen = new ArrayList<>(before);
    List<MimeMessage> arrived = new ArrayList<>();
    for (MimeMessage mail : mailServer.received()) {
      if (!seen.contains(messageId(mail))) {
        seen.add(messageId(mail));
        arrived.add(mail);
      }
    }
    return arrived;
  }

  private MimeMessage onlyMail(ProcessInstance incident, String to) throws Exception {
    List<MimeMessage> arrived = mails(incident);
    assertThat(arrived).hasSize(1);
    return to(arrived, to);
  }

  private static MimeMessage to(List<MimeMessage> mails, String address) throws MessagingException {
    for (MimeMessage mail : mails) {
      if (InternetAddress.toString(mail.getRecipients(RecipientType.TO)).equals(address)) {
        return mail;
      }
    }
    throw new AssertionError("No mail to " + address);
  }

  private static List<String> attachments(MimeMessage mail) throws Exception {
    List<String> names = new ArrayList<>();
    if (mail.getContent() instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
          names.add(parts.getBodyPart(i).getFileName());
        }
      }
    }
    return names;
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
