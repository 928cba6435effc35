package io.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed logins slow an attacker down and lock nobody out: a delay per user and client address that
 * doubles up to a minute, never a lock; the user from another address, the administrator included, gets
 * in at once; at every door (engine REST API, the application's API, the webapps' login).
 */
@IncidentFlowTest
class LoginThrottleTest extends IncidentFlowTestBase {

  private static final String ATTACKER = "203.0.113.66";
  private static final String OFFICE = "198.51.100.20";

  @Autowired
  IdentityService identity;
  @Autowired
  LoginThrottle throttle;
  @LocalServerPort
  int port;

  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void clockNow() {
    ClockUtil.setCurrentTime(new Date());
  }


  @Test
  void twelveWrongPasswords_lockNobody_andTheUserGetsInFromElsewhere_atEveryDoor() throws Exception {
    User victim = newUser("victima");
    for (int attempt = 1; attempt <= 12; attempt++) {
      assertThat(engineRest(victim.getId(), "guess-" + attempt, ATTACKER)).isEqualTo(401);
      // Let each delay pass, so that every attempt is a counted failure, as a patient attacker's would be.
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 61_000));
    }
    // Camunda would have locked the user for good after 10; here the right password works from the office...
    assertThat(engineRest(victim.getId(), "right-password", OFFICE)).isEqualTo(200);
    assertThat(api(victim.getId(), "right-password", OFFICE)).isEqualTo(200);
    assertThat(webappLogin(victim.getId(), "right-password", OFFICE)).isEqualTo(200);
    // ...and from the attacker's address too once the capped delay has passed.
    assertThat(engineRest(victim.getId(), "right-password", ATTACKER)).isEqualTo(200);
    assertThat(identity.checkPassword(victim.getId(), "right-password")).isTrue();
  }

  @Test
  void whileItWaits_evenTheRightPasswordIsRefusedUnchecked_andTheAnswerSaysHowLong() throws Exception {
    User victim = newUser("victimb");
    HttpResponse<String> first = send("/engine-rest/task/count", victim.getId(), "guess", ATTACKER);
    assertThat(first.statusCode()).isEqualTo(401);
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 1_100));
    HttpResponse<String> second = send("/engine-rest/task/count", victim.getId(), "guess-again", ATTACKER);
    assertThat(second.statusCode()).isEqualTo(401);
    // The second failure in a row doubles the wait to 2 s.
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 1_500));

    HttpResponse<String> waiting = send("/engine-rest/task/count", victim.getId(), "right-password", ATTACKER);
    assertThat(waiting.statusCode()).isEqualTo(401);
    assertThat(waiting.headers().firstValue("Retry-After")).hasValue("1");
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 1_000));
    assertThat(engineRest(victim.getId(), "right-password", ATTACKER)).isEqualTo(200);
  }

  @Test
  void theAdministrator_alwaysGetsIn() throws Exception {
    for (int attempt = 1; attempt <= 15; attempt++) {
      engineRest("demo", "not-the-password", ATTACKER);
      webappLogin("demo", "not-the-password", ATTACKER);
    }
    assertThat(engineRest("demo", "demo", OFFICE)).isEqualTo(200);
    assertThat(webappLogin("demo", "demo", OFFICE)).isEqualTo(200);
    assertThat(api("demo", "demo", OFFICE)).isEqualTo(200);
    // From the attacker's own address: after at most the capped delay.
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    assertThat(engineRest("demo", "demo", ATTACKER)).isEqualTo(200);
  }

  @Test
  void theDelay_doublesFromASecond_andStopsAtAMinute() {
    assertThat(throttle.delay(0)).isEqualTo(Duration.ZERO);
    assertThat(throttle.delay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.delay(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.delay(6)).isEqualTo(Duration.ofSeconds(32));
    assertThat(throttle.delay(7)).isEqualTo(Duration.ofSeconds(60));
    assertThat(throttle.delay(10_000)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void anAddressTryingManyUsers_waitsToo() throws Exception {
    String sprayer = "203.0.113.99";
    for (int user = 1; user <= 10; user++) {
      assertThat(engineRest("nobody" + user, "Winter2026!", sprayer)).isEqualTo(401);
    }
    User victim = newUser("victimc");
    // The eleventh failure from that address in a row makes the address wait, whoever it tries next.
    assertThat(engineRest("nobody11", "Winter2026!", sprayer)).isEqualTo(401);
    assertThat(engineRest(victim.getId(), "right-password", sprayer)).isEqualTo(401);
    assertThat(engineRest(victim.getId(), "right-password", OFFICE)).isEqualTo(200);
  }

  private User newUser(String id) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      identity.deleteUser(id);
    }
    User user = identity.newUser(id);
    user.setPassword("right-password");
    identity.saveUser(user);
    identity.createMembership(id, "service-desk");
    return user;
  }

  private int engineRest(String user, String password, String from) throws Exception {
    return send("/engine-rest/task/count", user, password, from).statusCode();
  }

  private int api(String user, String password, String from) throws Exception {
    return send("/api/incidents", user, password, from).statusCode();
  }

  private HttpResponse<String> send(String path, String user, String password, String from) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8)))
        .header("X-Forwarded-For", from).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private int webappLogin(String user, String password, String from) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/"))
        .header("X-Forwarded-For", from).build(), HttpResponse.BodyHandlers.discarding());
    String token = ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()
        .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .header("X-Forwarded-For", from)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build();
    return browser.send(login, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
