package io.incidentflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code /actuator/prometheus} is never open: a stranger gets 401, an agent 403, and a Prometheus with the
 * token of a client in the group {@code metrics} (the demo profile's {@code demo-metrics-token}) or an
 * administrator reads it.
 */
@IncidentFlowTest
class PrometheusEndpointTest extends IncidentFlowTestBase {

  static final String PROMETHEUS = "/actuator/prometheus";

  @Test
  void aStranger_isAskedToLogIn() {
    ResponseEntity<String> answer = http.getForEntity(PROMETHEUS, String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getBody()).doesNotContain("incidentflow_", "jvm_");
  }

  @Test
  void anAgent_isRefused() {
    ResponseEntity<String> answer = http.withBasicAuth("bob", "bob").getForEntity(PROMETHEUS, String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getBody()).contains("needs one of the groups camunda-admin, metrics").doesNotContain("jvm_");
  }

  @Test
  void otherMachineClients_areRefused() {
    assertThat(scrape("demo-alert-token").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aMetricsClient_scrapesTheTextFormat() {
    ResponseEntity<String> answer = scrape("demo-metrics-token");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/plain");
    assertThat(answer.getBody()).contains("# TYPE jvm_memory_used_bytes gauge", "process_uptime_seconds");
  }

  @Test
  void anAdministrator_readsItToo() {
    assertThat(http.withBasicAuth("demo", "demo").getForEntity(PROMETHEUS, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<String> scrape(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return http.exchange(PROMETHEUS, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
