package io.incidentflow.mailin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.api.ApiClient;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Mail in against the demo's real mail server: mails are sent to the service desk over SMTP and read over IMAP by
 * {@link ServiceDeskMailbox}, as in production. A new mail reports an incident (channel email, the caller from
 * From, the acknowledgement in the caller's thread), its attachments are listed and downloadable; what the
 * mailbox holds afterwards says where each mail went.
 */
@IncidentFlowTest
class MailInTest extends MailboxTestBase {

  @Autowired
  MailReader reader;
  @Autowired
  MailIntake intake;
  @Autowired
  MailInMessages messages;

  @Test
  void aNewMail_reportsAnIncident_andTheAcknowledgementAnswersInTheCallersThread() throws Exception {
    String caller = Mailbox.sender("anna");
    String subject = "Printer on floor 3 jams " + UUID.randomUUID();
    MimeMessage mail = mailbox.mail("Anna Berg <" + caller + ">", subject, "It jams on every page since this morning.\n"
        + "Thanks, Anna");
    String messageId = mailbox.send(mail, Mailbox.messageId());

    ServiceDeskMailbox.Pass pass = serviceDesk.poll();

    assertThat(pass.read()).isTrue();
    assertThat(pass.processed()).isEqualTo(1);
    ProcessInstance incident = incidentOf(caller);
    assertThat(runtime.getVariables(incident.getId())).containsEntry("channel", "email")
        .containsEntry("callerEmail", caller).containsEntry("callerName", "Anna Berg")
        .containsEntry("shortDescription", subject)
        .containsEntry("description", "It jams on every page since this morning.\nThanks, Anna")
        .containsEntry("affectedService", "printing").containsEntry("impact", "low").containsEntry("urgency", "medium")
        .containsEntry("assignmentGroup", "workplace-support").containsEntry("priority", 4)
        .containsEntry("callerMessageId", messageId);
    assertThat(mailbox.subjectsIn("INBOX")).doesNotContain(subject);
    assertThat(mailbox.subjectsIn(settings.processedFolder())).contains(subject);

    incidents.sendNotifications(incident);
    MimeMessage acknowledgement = mailsTo(caller).get(0);
    String number = incident.getBusinessKey();
    assertThat(acknowledgement.getSubject()).startsWith("[" + number + "]").contains("We have received your incident");
    assertThat(acknowledgement.getHeader("In-Reply-To", null)).isEqualTo(messageId);
    assertThat(acknowledgement.getHeader("References", null)).isEqualTo(messageId);
    assertThat(acknowledgement.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
  }

  @Test
  void anHtmlMail_isReducedToItsText_withoutMarkupOrScript() throws Exception {
    String caller = Mailbox.sender("html");
    MimeMessage mail = mailbox.mail(caller, "CRM shows an error " + UUID.randomUUID(), "");
    mail.setContent("<html><head><style>p{color:red}</style></head><body><p>The <b>CRM</b> says"
        + " &quot;error 500&quot;<br>since 9:00.</p><script>alert('x')</script><p>Please help!</p></body></html>",
        "text/html; charset=UTF-8");
    mailbox.send(mail, Mailbox.messageId());

    serviceDesk.poll();

    assertThat(runtime.getVariables(incidentOf(caller).getId())).containsEntry("description",
        "The CRM says \"error 500\"\nsince 9:00.\n\nPlease help!").containsEntry("affectedService", "crm");
  }

  @Test
  void anAttachment_isKeptListedAndDownloadable_forWhoMayReadTheIncidentOnly() throws Exception {
    String caller = Mailbox.sender("carl");
    byte[] photo = "not really a PNG, but bytes all the same".getBytes(StandardCharsets.UTF_8);
    mailbox.send(mailbox.withAttachment(caller, "Printer shows error E42 " + UUID.randomUUID(), "See the photo.",
        "../../display E42.png", photo, "image/png"), Mailbox.messageId());

    serviceDesk.poll();

    String number = incidentOf(caller).getBusinessKey();
    JsonNode record = ApiClient.as(http, "alice").get("/api/incidents/" + number).getBody();
    JsonNode attachment = record.get("attachments").get(0);
    assertThat(attachment.get("fileName").asText()).isEqualTo("display E42.png");
    assertThat(attachment.get("contentType").asText()).isEqualTo("image/png");
    assertThat(attachment.get("size").asLong()).isEqualTo(photo.length);
    String url = attachment.get("url").asText();

    ResponseEntity<byte[]> download = http.withBasicAuth("alice", "alice").getForEntity(url, byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(photo);
    assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"display E42.png\"; filename*=UTF-8''display%20E42.png");
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getHeaders().getContentType()).hasToString("image/png");

    // bob (network-support) may not read a printer incident of workplace-support, nor its files.
    assertThat(http.withBasicAuth("bob", "bob").getForEntity(url, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("alice", "alice").getForEntity(url + "0", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anHtmlAttachment_isServedAsADownload_neverAsAPageOfTheApplication() throws Exception {
    String caller = Mailbox.sender("dora");
    mailbox.send(mailbox.withAttachment(caller, "Website page broken " + UUID.randomUUID(), "See the page.",
        "page.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "text/html"), Mailbox.messageId());

    serviceDesk.poll();

    String url = ApiClient.as(http, "alice").get("/api/incidents/" + incidentOf(caller).getBusinessKey()).getBody()
        .get("attachments").get(0).get("url").asText();
    ResponseEntity<byte[]> download = http.withBasicAuth("alice", "alice").getForEntity(url, byte[].class);
    assertThat(download.getHeaders().getContentType()).hasToString("application/octet-stream");
    assertThat(download.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'");
    assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
  }

  @Test
  void anOversizeAttachment_rejectsTheMail_intoTheRejectedFolder() throws Exception {
    String caller = Mailbox.sender("big");
    String subject = "Huge log file " + UUID.randomUUID();
    mailbox.send(mailbox.withAttachment(caller, subject, "Log attached.", "huge.log",
        new byte[(int) settings.maxAttachmentSize().toBytes() + 1], "application/octet-stream"), Mailbox.messageId());

    ServiceDeskMailbox.Pass pass = serviceDesk.poll();

    assertThat(pass.rejected()).isEqualTo(1);
    assertThat(incidentsOf(caller)).isEmpty();
    assertThat(mailbox.subjectsIn(settings.rejectedFolder())).contains(subject);
  }

  @Test
  void autoRepliesAndBounces_makeNothing_andSendNothing() throws Exception {
    String caller = Mailbox.sender("away");
    String outOfOffice = "Out of office " + UUID.randomUUID();
    MimeMessage autoReply = mailbox.mail(caller, outOfOffice, "I am away until Monday.");
    autoReply.setHeader("Auto-Submitted", "auto-replied");
    mailbox.send(autoReply, Mailbox.messageId());
    String bulk = "Newsletter " + UUID.randomUUID();
    MimeMessage newsletter = mailbox.mail(caller, bulk, "News.");
    newsletter.setHeader("Precedence", "bulk");
    mailbox.send(newsletter, Mailbox.messageId());
    String vacation = "Vacation " + UUID.randomUUID();
    MimeMessage xAutoreply = mailbox.mail(caller, vacation, "Away.");
    xAutoreply.setHeader("X-Autoreply", "yes");
    mailbox.send(xAutoreply, Mailbox.messageId());
    String undeliverable = "Undeliverable: your mail " + UUID.randomUUID();
    mailbox.sendRaw("From: Mail Delivery System <MAILER-DAEMON@mail.example.com>\r\nTo: " + Mailbox.SERVICE_DESK
        + "\r\nSubject: " + undeliverable + "\r\nMessage-ID: " + Mailbox.messageId() + "\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n--b1\r\n"
        + "Content-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n--b1\r\n"
        + "Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mail.example.com\r\n\r\n"
        + "Final-Recipient: rfc822; " + caller + "\r\nAction: failed\r\nStatus: 5.1.1\r\n--b1--\r\n");
    String ours = "Our own " + UUID.randomUUID();
    mailbox.send(mailbox.mail("Incident Flow <" + Mailbox.SERVICE_DESK + ">", ours, "A mail of ours."),
        Mailbox.messageId());
    long jobsBefore = management.createJobQuery().messages().count();

    ServiceDeskMailbox.Pass pass = serviceDesk.poll();

    assertThat(pass.ignored()).isEqualTo(5);
    assertThat(incidentsOf(caller)).isEmpty();
    assertThat(management.createJobQuery().messages().count()).as("no notification decided").isEqualTo(jobsBefore);
    assertThat(mailsTo(caller)).isEmpty();
    assertThat(mailbox.subjectsIn(settings.ignoredFolder())).contains(outOfOffice, bulk, vacation, undeliverable, ours);
    assertThat(mailbox.subjectsIn("INBOX")).isEmpty();
    assertThat(mailServer.mails()).as("the demo mailbox shows the mails of every folder, each once")
        .filteredOn(demoMail -> demoMail.subject().equals(ours)).singleElement()
        .satisfies(demoMail -> assertThat(demoMail.deliveries()).isEqualTo(1));
  }

  @Test
  void theSameMailDeliveredTwice_reportsOneIncident() throws Exception {
    String caller = Mailbox.sender("twice");
    String messageId = Mailbox.messageId();
    mailbox.send(mailbox.mail(caller, "Laptop will not boot", "Black screen."), messageId);
    mailbox.send(mailbox.mail(caller, "Laptop will not boot", "Black screen."), messageId);

    ServiceDeskMailbox.Pass pass = serviceDesk.poll();

    assertThat(pass.processed()).isEqualTo(2);
    assertThat(incidentsOf(caller)).hasSize(1);
    assertThat(mailbox.subjectsIn("INBOX")).isEmpty();
  }

  @Test
  void aMailWithoutMessageId_isTakenOnce_byTheHashOfItsContent() throws Exception {
    String caller = Mailbox.sender("noid");
    String raw = "From: " + caller + "\r\nTo: " + Mailbox.SERVICE_DESK + "\r\nSubject: Keyboard broken\r\n"
        + "Date: Thu, 3 Dec 2026 08:00:00 +0000\r\n\r\nKeys stick.\r\n";
    mailbox.sendRaw(raw);
    // A second apart, as two deliveries are: the trace headers each adds differ, what the sender wrote does not.
    Thread.sleep(1100);
    mailbox.sendRaw(raw);

    serviceDesk.poll();

    assertThat(incidentsOf(caller)).hasSize(1);
    assertThat(runtime.getVariable(incidentsOf(caller).get(0).getId(), "callerMessageId").toString())
        .endsWith("@mail-in.incident-flow>");
  }

  @Test
  void aNodeStoppedAfterTakingAMail_beforeMovingIt_takesItNoSecondTime() throws Exception {
    String caller = Mailbox.sender("restart");
    String subject = "Monitor flickers " + UUID.randomUUID();
    mailbox.send(mailbox.mail(caller, subject, "Flickers."), Mailbox.messageId());
    takeWithoutMoving();
    assertThat(incidentsOf(caller)).hasSize(1);
    assertThat(mailbox.subjectsIn("INBOX")).contains(subject);

    ServiceDeskMailbox.Pass pass = serviceDesk.poll();

    assertThat(pass.processed()).isEqualTo(1);
    assertThat(incidentsOf(caller)).hasSize(1);
    assertThat(mailbox.subjectsIn("INBOX")).doesNotContain(subject);
    assertThat(mailbox.subjectsIn(settings.processedFolder())).contains(subject);
  }

  /** What a node does with the inbox's mails before it moves them: read and take, then it stops. */
  private void takeWithoutMoving() throws Exception {
    jakarta.mail.Store store = serviceDesk.connect();
    try {
      jakarta.mail.Folder inbox = store.getFolder("INBOX");
      inbox.open(jakarta.mail.Folder.READ_ONLY);
      for (Message message : inbox.getMessages()) {
        intake.take(reader.read(message, reader.messageId(message)));
      }
      inbox.close(false);
    } finally {
      store.close();
    }
  }

  @Test
  void malformedMails_areRejected_withTheReason_neverDeleted() throws Exception {
    String noSender = "No sender " + UUID.randomUUID();
    mailbox.sendRaw("To: " + Mailbox.SERVICE_DESK + "\r\nSubject: " + noSender + "\r\nMessage-ID: "
        + Mailbox.messageId() + "\r\n\r\nWho am I?\r\n");
    String caller = Mailbox.sender("broken");
    String broken = "Broken MIME " + UUID.randomUUID();
    String brokenId = Mailbox.messageId();
    mailbox.sendRaw("From: " + caller + "\r\nTo: " + Mailbox.SERVICE_DESK + "\r\nSubject: " + broken
        + "\r\nMessage-ID: " + brokenId + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"nowhere\""
        + "\r\n\r\nThere is no boundary line in this body at all.\r\n");

    ServiceDeskMailbox.Pass pass = serviceDesk.poll();

    assertThat(pass.rejected()).isEqualTo(2);
    assertThat(incidentsOf(caller)).isEmpty();
    assertThat(mailbox.subjectsIn(settings.rejectedFolder())).contains(noSender, broken);
    assertThat(messages.find(brokenId)).get().satisfies(taken -> {
      assertThat(taken.outcome()).isEqualTo(MailInMessages.Outcome.REJECTED);
      assertThat(taken.reason()).startsWith("the mail cannot be read");
    });
  }

  @Test
  void aFloodingSender_reportsNoMoreThanTheLimit_butItsRepliesStillCount() throws Exception {
    String caller = Mailbox.sender("flood");
    int limit = settings.incidentsPerSenderPerHour();
    for (int i = 0; i <= limit; i++) {
      mailbox.send(mailbox.mail(caller, "Flood " + i, "Again."), Mailbox.messageId());
    }

    ServiceDeskMailbox.Pass pass = serviceDesk.poll();

    assertThat(incidentsOf(caller)).hasSize(limit);
    assertThat(pass.rejected()).isEqualTo(1);
    assertThat(mailbox.subjectsIn(settings.rejectedFolder())).contains("Flood " + limit);

    String number = incidentsOf(caller).get(0).getBusinessKey();
    mailbox.send(mailbox.mail(caller, "Re: [" + number + "] still broken", "Still broken."), Mailbox.messageId());
    assertThat(serviceDesk.poll().processed()).isEqualTo(1);
    assertThat(ApiClient.as(http, "alice").get("/api/incidents/" + number).getBody().get("timeline").toString())
        .contains("Still broken.");
  }

  ProcessInstance incidentOf(String caller) {
    List<ProcessInstance> reported = incidentsOf(caller);
    assertThat(reported).as("incidents of %s", caller).hasSize(1);
    return reported.get(0);
  }

  List<ProcessInstance> incidentsOf(String caller) {
    return runtime.createProcessInstanceQuery().variableValueEquals("callerEmail", caller).list();
  }

  List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> mails = new java.util.ArrayList<>();
    for (MimeMessage mail : mailServer.received()) {
      if (InternetAddress.toString(mail.getRecipients(Message.RecipientType.TO)).equals(address)) {
        mails.add(mail);
      }
    }
    return mails;
  }
}
