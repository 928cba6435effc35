package io.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/labels}: the catalogue of labels, by field and value, for anyone logged in at the API. */
@IncidentFlowTest
class LabelApiTest extends IncidentFlowTestBase {

  @Test
  void theCatalogue_byFieldAndValue() {
    ResponseEntity<JsonNode> answer = ApiClient.as(http, "alice").get("/api/labels");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode labels = answer.getBody();
    assertThat(labels.fieldNames()).toIterable().containsExactly("status", "priority", "impact", "urgency", "channel",
        "affectedService", "category", "assignmentGroup", "resolutionCode", "onHoldReason", "triageDecision",
        "investigationOutcome");
    assertThat(labels.at("/status/ON_HOLD").asText()).isEqualTo("On hold");
    assertThat(labels.at("/channel/email").asText()).isEqualTo("E-mail");
    assertThat(labels.at("/resolutionCode/configuration-change").asText()).isEqualTo("Configuration change");
    assertThat(labels.at("/assignmentGroup/network-support").asText()).isEqualTo("Network support");
    assertThat(labels.at("/priority/1").asText()).isEqualTo("P1 Critical");
    assertThat(labels.get("status").fieldNames()).toIterable().containsExactly("NEW", "ASSIGNED", "IN_PROGRESS",
        "ON_HOLD", "RESOLVED", "CLOSED", "CANCELED");
    assertThat(labels.get("status").isObject()).isTrue();
  }

  @Test
  void anyoneLoggedIn_readsIt_andNobodyElse() {
    for (ApiClient client : List.of(ApiClient.as(http, "erin"), ApiClient.as(http, "paula"), ApiClient.as(http, "demo"),
        ApiClient.withToken(http, "demo-alert-token"))) {
      assertThat(client.get("/api/labels").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    assertThat(ApiClient.anonymous(http).get("/api/labels").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(ApiClient.withToken(http, "no-such-token-at-all").get("/api/labels").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> post = ApiClient.as(http, "alice").post("/api/labels", Map.of("status", Map.of()));
    assertThat(post.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(post.getBody().get("error").asText()).isNotBlank();
  }
}
