package io.incidentflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.notification.DemoMailServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A caller's mail in Tasklist, in a real Chromium: the service desk triages the incident a mail reported and
 * finds the mail's text and its attachment, which downloads, in the incident record beside the task.
 */
@Tag("browser")
@IncidentFlowTest
class MailInBrowserTest extends IncidentFlowTestBase {

  @LocalServerPort
  int port;
  @Autowired
  io.incidentflow.mailin.ServiceDeskMailbox serviceDesk;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aMailedIncident_inTheWorkspace() throws Exception {
    Browser.drive(port, "mail-in", this::mailedIncident);
  }

  private void mailedIncident(Browser browser) throws Exception {
    jdbc.update("DELETE FROM mail_in_lease");
    String caller = "lena-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Properties smtp = new Properties();
    smtp.put("mail.smtp.host", "127.0.0.1");
    smtp.put("mail.smtp.port", String.valueOf(mailServer.port()));
    Session session = Session.getInstance(smtp);
    MimeMessage mail = new MimeMessage(session);
    mail.setFrom(new InternetAddress(caller, "Lena Park"));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(DemoMailServer.SERVICE_DESK_ADDRESS));
    mail.setSubject("Printer on floor 3 prints blank pages");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Every page comes out blank since the toner change. A scan of one is attached.", "UTF-8");
    MimeBodyPart scan = new MimeBodyPart();
    scan.setText("(a blank page)", "UTF-8");
    scan.setFileName("blank-page.txt");
    mail.setContent(new MimeMultipart(text, scan));
    Transport.send(mail);
    serviceDesk.poll();
    ProcessInstance incident = runtime.createProcessInstanceQuery().variableValueEquals("callerEmail", caller)
        .singleResult();
    String number = incident.getBusinessKey();

    browser.login("tasklist", "alice");
    browser.go("/camunda/app/tasklist/default/#/?task=" + incidents.task(incident).getId()
        + "&detailsTab=incident-record");
    browser.waitForTextIn(".ifw-record h3", number);
    assertThat(browser.textOf(".ifw-record")).contains("Lena Park", caller, "E-mail",
        "Every page comes out blank since the toner change.", "Attachments", "blank-page.txt");
    browser.screenshot("mail-in-incident-record");
    String url = browser.attribute(".ifw-attachments a", "href");
    assertThat(url).endsWith("/api/incidents/" + number + "/attachments/"
        + url.substring(url.lastIndexOf('/') + 1));
    assertThat(browser.download(url)).isEqualTo(new String("(a blank page)".getBytes(StandardCharsets.UTF_8),
        StandardCharsets.UTF_8));
  }
}
