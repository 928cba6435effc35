package io.incidentflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The base of the links in mails: the configured URL, or this machine on the port the application runs on. */
class ApplicationUrlTest {

  @Test
  void withoutABaseUrl_theLinksFollowThePortTheApplicationRunsOn() {
    assertThat(url("", new MockEnvironment().withProperty("server.port", "8099"))).isEqualTo("http://localhost:8099");
    assertThat(url(null, new MockEnvironment().withProperty("server.port", "0").withProperty("local.server.port", "41234")))
        .as("the port the web server took").isEqualTo("http://localhost:41234");
    assertThat(url("  ", new MockEnvironment())).isEqualTo("http://localhost:8080");
    assertThat(url("", new MockEnvironment().withProperty("server.port", "8443").withProperty("server.ssl.enabled", "true")
        .withProperty("server.servlet.context-path", "/incidents/"))).isEqualTo("https://localhost:8443/incidents");
  }

  @Test
  void aBaseUrl_isTakenAsItIs() {
    MockEnvironment running = new MockEnvironment().withProperty("server.port", "8099").withProperty("local.server.port", "8099");
    assertThat(url("https://incidents.example.com/", running)).isEqualTo("https://incidents.example.com");
    assertThat(url("https://example.com/incident-flow", running)).isEqualTo("https://example.com/incident-flow");
  }

  @Test
  void aBaseUrlThatIsNoUrl_isRefusedAtStart() {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    for (String bad : new String[] {"localhost:8080", "incidents.example.com", "ftp://example.com", "http:// spaced"}) {
      Set<ConstraintViolation<NotificationSettings>> violations = validator.validate(settings(bad));
      assertThat(violations).as(bad).singleElement().satisfies(violation -> {
        assertThat(violation.getPropertyPath().toString()).isEqualTo("baseUrl");
        assertThat(violation.getMessage()).contains("http or https URL");
      });
    }
    assertThat(validator.validate(settings("http://10.0.0.5:8080"))).isEmpty();
    assertThat(validator.validate(settings(""))).isEmpty();
  }

  private static String url(String baseUrl, MockEnvironment environment) {
    return new ApplicationUrl(settings(baseUrl), environment).base();
  }

  private static NotificationSettings settings(String baseUrl) {
    return new NotificationSettings("Incident Flow <incident-flow@localhost>", baseUrl, "R5/PT1M", Map.of(), Map.of());
  }
}
