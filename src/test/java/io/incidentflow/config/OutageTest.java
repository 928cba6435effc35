package io.incidentflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.DatabaseSwitch;
import io.incidentflow.EngineDoor;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.api.ApiClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Outages of what the application depends on: while the database cannot be reached, health answers 503
 * and every door 503 with Retry-After (never 500), and both recover by themselves; a mail server that
 * accepts connections and never answers does not hold up a health check.
 */
@IncidentFlowTest
class OutageTest extends IncidentFlowTestBase {

  @Autowired
  JavaMailSenderImpl mail;
  @LocalServerPort
  int port;

  @AfterEach
  void everythingBack() {
    DatabaseSwitch.on();
  }

  @Test
  void whileTheDatabaseIsUnreachable_healthIs503_andRecoversByItself() {
    assertThat(http.getForEntity("/actuator/health", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    DatabaseSwitch.off();
    ResponseEntity<JsonNode> down = http.getForEntity("/actuator/health", JsonNode.class);
    assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(down.getBody().at("/components/db/status").asText()).isEqualTo("DOWN");

    DatabaseSwitch.on();
    assertThat(http.getForEntity("/actuator/health", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void whileTheDatabaseIsUnreachable_everyDoorAnswers503WithRetryAfter_andRecovers() {
    DatabaseSwitch.off();
    List<ResponseEntity<?>> answers = new ArrayList<>();
    answers.add(ApiClient.as(http, "alice").post("/api/incidents", Incidents.vpnReport()));
    answers.add(ApiClient.as(http, "alice").get("/api/incidents"));
    answers.add(ApiClient.withToken(http, "demo-alert-token").post("/api/alerts", Map.of("version", "4", "alerts",
        List.of(Map.of("status", "firing", "fingerprint", "outage-test", "labels", Map.of("alertname", "DbDown"))))));
    answers.add(http.withBasicAuth("alice", "alice").getForEntity("/engine-rest/task", String.class));
    answers.add(tasklistLogin("alice"));
    for (ResponseEntity<?> answer : answers) {
      assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
      assertThat(String.valueOf(answer.getBody())).contains("database cannot be reached").doesNotContain("Exception");
    }

    DatabaseSwitch.on();
    assertThat(ApiClient.as(http, "alice").post("/api/incidents", Incidents.vpnReport()).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(EngineDoor.engineRest(port, "alice").get("/task/count").status()).isEqualTo(200);
  }

  /** A Tasklist login as the browser makes it: the page (and its CSRF token), then the form. */
  private ResponseEntity<String> tasklistLogin(String user) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/", String.class);
    HttpHeaders headers = new HttpHeaders();
    String cookies = String.join("; ", page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList());
    headers.add(HttpHeaders.COOKIE, cookies);
    page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .findFirst().ifPresent(c -> headers.add("X-XSRF-TOKEN", c.substring("XSRF-TOKEN=".length()).split(";", 2)[0]));
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>("username=" + user + "&password=" + user, headers), String.class);
  }

  @Test
  void aMailServerThatNeverAnswers_doesNotHoldUpHealth() throws Exception {
    assertThat(http.getForEntity("/actuator/health/mail", JsonNode.class).getBody().get("status").asText()).isEqualTo("UP");
    int realPort = mail.getPort();
    try (ServerSocket hung = new ServerSocket(0)) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(hung.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      mail.setPort(hung.getLocalPort());

      ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);
      ResponseEntity<JsonNode> mailHealth = http.getForEntity("/actuator/health/mail", JsonNode.class);

      assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
      // The check waits for the hung server's greeting (the SMTP timeout): the answer is the last known state.
      assertThat(mailHealth.getBody().get("status").asText()).isEqualTo("UP");
      // Once the check gives up on the server, health says so, still without waiting for it.
      String status = "UP";
      for (long until = System.nanoTime() + 15_000_000_000L; !status.equals("UNREACHABLE") && System.nanoTime() < until;) {
        Thread.sleep(200);
        status = http.getForEntity("/actuator/health/mail", JsonNode.class).getBody().get("status").asText();
      }
      assertThat(status).isEqualTo("UNREACHABLE");
      assertThat(http.getForEntity("/actuator/health", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
      for (Socket socket : accepted) {
        socket.close();
      }
    } finally {
      mail.setPort(realPort);
    }
  }
}
