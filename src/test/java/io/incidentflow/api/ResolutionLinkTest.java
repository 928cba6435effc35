package io.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.notification.MailBodies;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The accept and reject links of the resolution mail, as the caller uses them without an account: the
 * link opens a page that asks, the page's button answers; a wrong, used, replaced or expired link is
 * refused with 403 and changes nothing.
 */
@IncidentFlowTest
class ResolutionLinkTest extends IncidentFlowTestBase {

  @LocalServerPort
  int port;

  private static final Pattern LINK = Pattern.compile("http://\\S+/api/incidents/(INC\\d{7})/resolution-confirmation/"
      + "([A-Za-z0-9_-]{43})\\?accepted=(true|false)");




  @Test
  void theAcceptLink_asksFirst_thenCloses_andWorksOnce() throws Exception {
    ProcessInstance incident = resolvedIncident();
    String accept = links(incident).get(0);
    assertThat(accept).endsWith("?accepted=true");

    ResponseEntity<String> page = http.getForEntity(path(accept), String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains(incident.getBusinessKey(), "Yes, it is solved: close the incident",
        "<form method=\"post\">");
    assertThat(status(incident)).as("opening the link answers nothing").isEqualTo("RESOLVED");

    ResponseEntity<String> done = postForm(accept, "true", "Works again, thank you");
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).contains(incident.getBusinessKey() + " is closed.");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(incident.getId()).singleResult() == null
        || "CLOSED".equals(status(incident))).isTrue();
    JsonNode closed = ApiClient.as(http, "alice").get("/api/incidents/" + incident.getBusinessKey()).getBody();
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");

    ResponseEntity<String> again = postForm(accept, "true", null);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(again.getBody()).contains("This link does not work", "it was used already");
    assertThat(http.getForEntity(path(accept), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theRejectLink_reopensWithTheCallersWords() throws Exception {
    ProcessInstance incident = resolvedIncident();
    String reject = links(incident).get(1);
    assertThat(reject).endsWith("?accepted=false");
    assertThat(http.getForEntity(path(reject), String.class).getBody()).contains("It is not solved: reopen the incident");

    ResponseEntity<String> done = postForm(reject, "false", "Still drops at 10:15");

    assertThat(done.getBody()).contains(incident.getBusinessKey() + " is reopened");
    assertThat(status(incident)).isEqualTo("ASSIGNED");
    assertThat(runtime.getVariable(incident.getId(), "confirmationComment")).isEqualTo("Still drops at 10:15");
  }

  @Test
  void aWrongToken_orAnotherIncidentsToken_is403_andChangesNothing() throws Exception {
    ProcessInstance incident = resolvedIncident();
    ProcessInstance other = resolvedIncident();
    String accept = links(incident).get(0);
    String otherAccept = links(other).get(0);

    ResponseEntity<JsonNode> wrong = postJson(accept.replaceAll("/resolution-confirmation/[^?]+",
        "/resolution-confirmation/" + "A".repeat(43)), Map.of("accepted", true));
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wrong.getBody().get("status").asInt()).isEqualTo(403);
    ResponseEntity<JsonNode> crossed = postJson(otherAccept.replace(other.getBusinessKey(), incident.getBusinessKey()),
        Map.of("accepted", true));
    assertThat(crossed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(incident)).isEqualTo("RESOLVED");
    assertThat(status(other)).isEqualTo("RESOLVED");

    ResponseEntity<JsonNode> json = postJson(accept, Map.of("accepted", true));
    assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.getBody().get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void anExpiredLink_is403_andChangesNothing() throws Exception {
    ProcessInstance incident = resolvedIncident();
    String accept = links(incident).get(0);

    ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(Duration.ofDays(5)).plusSeconds(60)));

    assertThat(postJson(accept, Map.of("accepted", true)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(incident)).isEqualTo("RESOLVED");
  }

  @Test
  void aNewerResolutionMail_replacesTheLinksOfTheEarlierOne() throws Exception {
    ProcessInstance incident = resolvedIncident();
    List<String> first = links(incident);
    assertThat(postJson(first.get(1), Map.of("accepted", false, "comment", "No")).getBody().get("status").asText())
        .isEqualTo("ASSIGNED");
    tasks.claim(task(incident), "bob");
    tasks.complete(task(incident), Map.of("investigationOutcome", "resolved", "resolutionCode", "fixed",
        "resolutionNotes", "Replaced the router, really."));
    List<String> second = links(incident);

    assertThat(postJson(first.get(0), Map.of("accepted", true)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> bad = postJson(second.get(0), Map.of("accepted", "yes"));
    assertThat(bad.getStatusCode()).as("bad input uses up nothing").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(postJson(second.get(0), Map.of("accepted", true)).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theLinks_pointToThePortTheApplicationRunsOn() throws Exception {
    ProcessInstance incident = resolvedIncident();
    String accept = links(incident).get(0);

    // No base URL is configured for the tests: the links follow the (random) port the application took.
    assertThat(accept).startsWith("http://localhost:" + port + "/api/incidents/" + incident.getBusinessKey()
        + "/resolution-confirmation/");
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(accept)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Yes, it is solved: close the incident");
  }

  /** A VPN incident resolved by bob, its acknowledgement sent; the resolution mail waits in its job. */
  private ProcessInstance resolvedIncident() {
    ProcessInstance incident = incidents.investigating("bob");
    incidents.sendNotifications(incident);
    incidents.resolve(incident, "fixed", "Replaced the home router.");
    return incident;
  }

  /** Sends the waiting mails; the accept and the reject link of the newest resolution mail, from both bodies. */
  private List<String> links(ProcessInstance incident) throws Exception {
    incidents.sendNotifications(incident);
    MimeMessage mail = null;
    for (MimeMessage received : mailServer.received()) {
      if (received.getSubject().startsWith("[" + incident.getBusinessKey() + "]")
          && received.getSubject().endsWith("Resolved: please confirm")) {
        mail = received;
      }
    }
    assertThat(mail).as("the resolution mail of %s", incident.getBusinessKey()).isNotNull();
    List<String> text = find(MailBodies.text(mail));
    assertThat(text).hasSize(2);
    assertThat(find(MailBodies.html(mail).replace("&amp;", "&"))).isEqualTo(text);
    return text;
  }

  private static List<String> find(String body) {
    Matcher matcher = LINK.matcher(body);
    return matcher.results().map(m -> m.group()).toList();
  }

  private ResponseEntity<String> postForm(String link, String accepted, String comment) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("accepted", accepted);
    if (comment != null) {
      form.add("comment", comment);
    }
    return http.exchange(path(link), HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  private ResponseEntity<JsonNode> postJson(String link, Map<String, Object> body) {
    return ApiClient.anonymous(http).post(path(link), body);
  }

  /** The link's path, for the test's HTTP client on the application's port. */
  private static String path(String link) {
    return link.substring(link.indexOf("/api/"));
  }

  private String status(ProcessInstance incident) {
    return (String) runtime.getVariable(incident.getId(), "status");
  }

  private String task(ProcessInstance incident) {
    return tasks.createTaskQuery().processInstanceId(incident.getId()).singleResult().getId();
  }
}
