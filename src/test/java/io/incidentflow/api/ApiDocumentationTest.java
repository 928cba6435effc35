package io.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The OpenAPI description generated from the controllers, and the browsable UI the README names. */
@IncidentFlowTest
class ApiDocumentationTest extends IncidentFlowTestBase {

  @Test
  void describesEveryEndpoint_andHowToLogIn() {
    ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode paths = response.getBody().get("paths");
    assertThat(paths.fieldNames()).toIterable().containsExactlyInAnyOrder("/api/incidents",
        "/api/incidents/{incidentNumber}", "/api/incidents/{incidentNumber}/comments",
        "/api/incidents/{incidentNumber}/resolution-confirmation",
        "/api/incidents/{incidentNumber}/resolution-confirmation/{token}", "/api/incidents/{incidentNumber}/alerts",
        "/api/incidents/{incidentNumber}/closure-record", "/api/incidents/{incidentNumber}/notifications",
        "/api/incidents/{incidentNumber}/notifications/{notificationId}/retry", "/api/alerts", "/api/labels",
        "/api/incidents/{incidentNumber}/notes", "/api/tasks/{taskId}/incident", "/api/dashboard/{figure}",
        "/api/dashboard/{figure}.csv", "/api/dashboard/incidents", "/api/dashboard/incidents.csv",
        "/api/dashboard/steps", "/api/incidents/{incidentNumber}/attachments/{id}",
        // Major incidents.
        "/api/incidents/{incidentNumber}/major", "/api/incidents/{incidentNumber}/major/roles",
        "/api/incidents/{incidentNumber}/major/children", "/api/incidents/{incidentNumber}/major/children/{childNumber}",
        "/api/incidents/{incidentNumber}/post-incident-review", "/api/tasks/{taskId}/major",
        // Problems and knowledge.
        "/api/problems", "/api/problems/{problemNumber}",
        "/api/problems/{problemNumber}/incidents", "/api/knowledge");
    assertThat(response.getBody().at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(response.getBody().at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(paths.at("/~1api~1incidents/post/requestBody/content/application~1json/schema/$ref").asText())
        .endsWith("IncidentReport");
    assertThat(paths.at("/~1api~1labels/get/tags/0").asText()).isEqualTo("Labels");
  }

  @Test
  void theUiIsThere() {
    ResponseEntity<String> ui = http.getForEntity("/swagger-ui/index.html", String.class);
    assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ui.getBody()).contains("Swagger UI");
    assertThat(http.getForEntity("/swagger-ui.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
