package io.incidentflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo mailbox as a newcomer meets it: a page in the browser, newest first, each mail once however many
 * recipients it had, with a stable link to each mail (headers, the HTML body in a sandboxed frame, the text, the
 * attachments); and, for scripts, the same list as JSON.
 */
@IncidentFlowTest
class DemoMailboxTest extends IncidentFlowTestBase {

  private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  JavaMailSenderImpl mail;

  @Test
  void aBrowser_getsAPage_newestFirst_eachMailOnce() throws Exception {
    ProcessInstance first = incidents.report();
    incidents.sendNotifications(first);
    ProcessInstance second = incidents.report(Incidents.vpnReport("high", "high"));
    incidents.sendNotifications(second);
    breachTheResponseOf(second);
    assertThat(mailServer.received()).as("GreenMail keeps a copy per mailbox").hasSize(5);

    HttpResponse<String> page = get("/demo/mail", BROWSER);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    String html = page.body();
    assertThat(html).contains("<title>Demo mailbox · Incident Flow</title>", "127.0.0.1:" + mailServer.port(),
        "href=\"mail/" + second.getBusinessKey() + "@incidentflow.example\"", "REPORTED", "(caller)", "RESPONSE_BREACHED",
        "service-desk@incidentflow.example, service-desk-lead@incidentflow.example, incident-managers@incidentflow.example");
    assertThat(html.split("Response SLA breached", -1)).as("the breach mail to three mailboxes is listed once").hasSize(2);
    assertThat(html.indexOf("Response SLA breached")).as("newest first")
        .isLessThan(html.indexOf("[" + second.getBusinessKey() + "] P1 Critical · VPN drops every 10 minutes from home"
            + " office · We have received your incident"));
    assertThat(html.indexOf("[" + second.getBusinessKey() + "]")).isLessThan(html.indexOf("[" + first.getBusinessKey() + "]"));
  }

  @Test
  void scripts_getJson_asBefore_withTheStableIdOfEachMail() throws Exception {
    ProcessInstance incident = incidents.report();
    incidents.sendNotifications(incident);
    String id = incident.getBusinessKey() + "@incidentflow.example";

    for (HttpResponse<String> answer : List.of(get("/demo/mail", "*/*"), get("/demo/mail", "application/json"),
        get("/demo/mail.json", BROWSER))) {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
          assertThat(type).startsWith("application/json"));
      JsonNode mails = JSON.readTree(answer.body());
      assertThat(mails).hasSize(1);
      assertThat(mails.get(0).get("id").asText()).isEqualTo(id);
      assertThat(mails.get(0).get("url").asText()).isEqualTo("/demo/mail/" + id);
      assertThat(mails.get(0).get("messageId").asText()).isEqualTo("<" + id + ">");
      assertThat(mails.get(0).get("subject").asText()).startsWith("[" + incident.getBusinessKey() + "]");
      assertThat(mails.get(0).get("to").asText()).isEqualTo("jane.doe@example.com");
      assertThat(mails.get(0).get("incidentNumber").asText()).isEqualTo(incident.getBusinessKey());
      assertThat(mails.get(0).get("event").asText()).isEqualTo("REPORTED");
      assertThat(mails.get(0).get("deliveries").asInt()).isOne();
      assertThat(mails.get(0).get("text").asText()).contains("we have received your incident");
    }

    // New mails arrive: the link still shows the same mail.
    incidents.complete(incident, IncidentDriver.ROUTE);
    incidents.sendNotifications(incident);
    assertThat(JSON.readTree(get("/demo/mail.json", "*/*").body())).hasSize(2);
    assertThat(get("/demo/mail/" + id, BROWSER).body()).contains("We have received your incident", "&lt;" + id + "&gt;");
  }

  @Test
  void aMail_showsItsHeaders_itsBodies_andItsAttachments() throws Exception {
    Map<String, Object> report = Incidents.vpnReport();
    report.put("shortDescription", "<b>VPN</b> drops");
    ProcessInstance incident = incidents.report(report);
    incidents.complete(incident, IncidentDriver.ROUTE);
    tasks.claim(incidents.task(incident).getId(), "bob");
    incidents.resolve(incident, "configuration-change", "Raised the idle timeout.");
    incidents.confirm(incident, true, "Works now");
    incidents.sendNotifications(incident);
    JsonNode forTheGroup = null;
    for (JsonNode mail : JSON.readTree(get("/demo/mail.json", "*/*").body())) {
      if (mail.get("event").asText().equals("CLOSED") && mail.get("reader").asText().equals("staff")) {
        forTheGroup = mail;
      }
    }
    assertThat(forTheGroup).as("the group's closure mail").isNotNull();
    String id = forTheGroup.get("id").asText();
    assertThat(forTheGroup.get("attachments")).hasSize(1);

    String page = get("/demo/mail/" + id, BROWSER).body();

    assertThat(page).contains("<th>From</th>", "service-desk@incidentflow.example", "<th>Message-ID</th>",
        "&lt;" + id + "&gt;", "<th>In-Reply-To</th>", "&lt;" + incident.getBusinessKey() + "@incidentflow.example&gt;",
        "CLOSED (for the staff)", "<iframe sandbox=\"\"", "srcdoc=\"&lt;html&gt;", "<pre id=\"text\">",
        "is closed: resolution accepted by the caller", "href=\"" + id + "/attachments/0\"",
        incident.getBusinessKey() + "-closure-record.html", "(text/html, ")
        .doesNotContain("<b>VPN", "<html>\n<body style");
    HttpResponse<String> attachment = get("/demo/mail/" + id + "/attachments/0", BROWSER);
    assertThat(attachment.statusCode()).isEqualTo(200);
    assertThat(attachment.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(attachment.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
        assertThat(disposition).startsWith("attachment;").contains(incident.getBusinessKey() + "-closure-record.html"));
    assertThat(attachment.body()).contains(incident.getBusinessKey() + " closure record");
  }

  @Test
  void aMailSentTwice_isListedOnce_andSaysSo() throws Exception {
    for (int copy = 0; copy < 2; copy++) {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
        @Override
        protected void updateMessageID() throws jakarta.mail.MessagingException {
          setHeader("Message-ID", "<resent.4711@incidentflow.example>");
        }
      };
      message.setFrom("service-desk@incidentflow.example");
      message.setRecipients(jakarta.mail.Message.RecipientType.TO, "jane.doe@example.com, bob@incidentflow.example");
      message.setSubject("Sent twice");
      message.setText("The same mail, twice.");
      mail.send(message);
    }

    JsonNode mails = JSON.readTree(get("/demo/mail.json", "*/*").body());

    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).get("id").asText()).isEqualTo("resent.4711@incidentflow.example");
    assertThat(mails.get(0).get("deliveries").asInt()).isEqualTo(2);
    assertThat(get("/demo/mail/resent.4711@incidentflow.example", BROWSER).body()).contains("2 times to each recipient");
  }

  @Test
  void whatIsNotThere_answers4xx() throws Exception {
    ProcessInstance incident = incidents.report();
    incidents.sendNotifications(incident);
    String id = incident.getBusinessKey() + "@incidentflow.example";

    HttpResponse<String> unknown = get("/demo/mail/INC9999999@incidentflow.example", BROWSER);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No demo mail INC9999999@incidentflow.example");
    assertThat(get("/demo/mail/" + id + "/attachments/0", BROWSER).statusCode()).isEqualTo(404);
    HttpResponse<String> notANumber = get("/demo/mail/" + id + "/attachments/first", BROWSER);
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(notANumber.body()).contains("\"field\":\"index\"", "was 'first'");
    assertThat(get("/demo/mail/..%2F..%2Fetc", BROWSER).statusCode()).isBetween(400, 404);
    assertThat(get("/demo/mail", BROWSER, "alice").statusCode()).isEqualTo(403);
    assertThat(get("/demo/mail/" + id, BROWSER, "alice").statusCode()).isEqualTo(403);
    assertThat(get("/demo/mail/" + id + "/attachments/0", BROWSER, "alice").statusCode()).isEqualTo(403);
  }

  /** P1: nobody takes it in 15 minutes, and the breach mail goes to the service desk, its lead and the managers. */
  private void breachTheResponseOf(ProcessInstance incident) {
    Job timer = management.createJobQuery().processInstanceId(incident.getId()).activityId("Event_ResponseDue")
        .singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
    incidents.sendNotifications(incident);
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return get(path, accept, "demo");
  }

  private HttpResponse<String> get(String path, String accept, String user) throws Exception {
    String login = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept).header("Authorization", "Basic " + login).build(), HttpResponse.BodyHandlers.ofString());
  }
}
