package io.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.problem.ProblemDriver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The problems and knowledge API over HTTP: raising, reading, listing, linking, searching; who may do which, and
 * bad input named field by field.
 */
@IncidentFlowTest
class ProblemApiTest extends IncidentFlowTestBase {

  ProblemDriver problems;

  @BeforeEach
  void driver() {
    problems = new ProblemDriver(runtime, tasks, management, history, incidents);
  }

  @Test
  void aProblemRaisedThroughTheApi_answers201_andIsInvestigatedWithItsIncident() {
    ProcessInstance incident = problems.routed("vpn", "inquiry", "network-support", "VPN drops every hour");
    String incidentNumber = incidents.number(incident);

    ResponseEntity<JsonNode> raised = ApiClient.as(http, "pete").post("/api/problems", body(List.of(incidentNumber)));

    assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = raised.getBody().get("problemNumber").asText();
    assertThat(raised.getHeaders().getLocation()).hasToString("/api/problems/" + number);
    assertThat(raised.getBody().get("status").asText()).isEqualTo("OPEN");
    assertThat(raised.getBody().get("source").asText()).isEqualTo("api");
    assertThat(raised.getBody().get("raisedBy").asText()).isEqualTo("pete");
    assertThat(raised.getBody().get("incidents")).extracting(JsonNode::asText).containsExactly(incidentNumber);
    assertThat(incident).extracting(i -> runtime.getVariable(i.getId(), "problemNumber")).isEqualTo(number);

    ResponseEntity<JsonNode> read = ApiClient.as(http, "alice").get("/api/problems/" + number);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody().get("shortDescription").asText()).isEqualTo("VPN drops every hour for home workers");
    assertThat(read.getBody().get("description").asText()).isEqualTo("Three callers since Monday.");

    ResponseEntity<JsonNode> open = ApiClient.as(http, "erin").get("/api/problems?status=OPEN&size=100");
    assertThat(open.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(open.getBody().get("items")).extracting(item -> item.get("problemNumber").asText()).contains(number);
    assertThat(open.getBody().get("total").asLong()).isPositive();
  }

  @Test
  void managersAndProcessOwners_readProblemsButRaiseAndLinkNone() {
    ProcessInstance incident = problems.routed("vpn", "inquiry", "network-support", "VPN drops every hour");

    for (String watcher : List.of("erin", "paula")) {
      ResponseEntity<JsonNode> refused = ApiClient.as(http, watcher).post("/api/problems",
          body(List.of(incidents.number(incident))));
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody().get("error").asText()).contains(watcher + " may not raise problems");
    }
    assertThat(runtime.getVariable(incident.getId(), "problemNumber")).isNull();
    assertThat(ApiClient.anonymous(http).get("/api/problems").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    String number = ApiClient.as(http, "pete").post("/api/problems", body(List.of())).getBody().get("problemNumber")
        .asText();
    ResponseEntity<JsonNode> link = ApiClient.as(http, "erin").post("/api/problems/" + number + "/incidents",
        Map.of("incidentNumber", incidents.number(incident)));
    assertThat(link.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void badInput_isRefusedNamingTheFields() {
    Map<String, Object> bad = new HashMap<>(body(List.of()));
    bad.remove("shortDescription");
    bad.put("affectedService", "coffee");
    ResponseEntity<JsonNode> refused = ApiClient.as(http, "pete").post("/api/problems", bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("fields")).extracting(field -> field.get("field").asText())
        .containsExactlyInAnyOrder("shortDescription", "affectedService");

    ResponseEntity<JsonNode> numbers = ApiClient.as(http, "pete").post("/api/problems", body(List.of("INC12")));
    assertThat(numbers.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(numbers.getBody().get("fields").get(0).get("field").asText()).isEqualTo("incidentNumbers");

    assertThat(ApiClient.as(http, "pete").post("/api/problems", body(List.of("INC9999999"))).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(ApiClient.as(http, "pete").get("/api/problems/PRB12").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ApiClient.as(http, "pete").get("/api/problems/PRB9999999").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> status = ApiClient.as(http, "pete").get("/api/problems?status=SOLVED");
    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status.getBody().get("fields").get(0).get("field").asText()).isEqualTo("status");
    ResponseEntity<JsonNode> text = ApiClient.as(http, "pete").post("/api/problems", "{\"shortDescription\": 42}");
    assertThat(text.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void anAgentLinksAnIncident_butNotOneLinkedToAnotherOpenProblem() {
    ProcessInstance incident = problems.routed("vpn", "inquiry", "network-support", "VPN drops every hour");
    String incidentNumber = incidents.number(incident);
    String first = ApiClient.as(http, "pete").post("/api/problems", body(List.of())).getBody().get("problemNumber")
        .asText();
    String second = ApiClient.as(http, "pete").post("/api/problems", body(List.of())).getBody().get("problemNumber")
        .asText();

    ResponseEntity<JsonNode> linked = ApiClient.as(http, "bob").post("/api/problems/" + first + "/incidents",
        Map.of("incidentNumber", incidentNumber));

    assertThat(linked.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(linked.getBody().get("incidents")).extracting(JsonNode::asText).containsExactly(incidentNumber);
    assertThat(ApiClient.as(http, "bob").get("/api/incidents/" + incidentNumber).getBody().path("problemNumber")
        .asText()).as("the incident's record names its problem").isEqualTo(first);
    assertThat(runtime.getVariable(problems.problem(first).getId(), "incidentNumbers")).isEqualTo(incidentNumber);
    ResponseEntity<JsonNode> conflict = ApiClient.as(http, "bob").post("/api/problems/" + second + "/incidents",
        Map.of("incidentNumber", incidentNumber));
    assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(conflict.getBody().get("error").asText()).contains("linked to the open problem " + first);
    ResponseEntity<JsonNode> missing = ApiClient.as(http, "bob").post("/api/problems/" + second + "/incidents",
        Map.of());
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theKnowledgeIsSearchable_byTheStaff() {
    ProcessInstance incident = problems.routed("vpn", "inquiry", "network-support", "Qqxtunnel drops every hour");
    String number = ApiClient.as(http, "pete").post("/api/problems", body(List.of(incidents.number(incident))))
        .getBody().get("problemNumber").asText();
    problems.investigate(number, true);
    problems.publish(number, "Use the qqxtunnel TCP profile.", false);

    ResponseEntity<JsonNode> found = ApiClient.as(http, "alice").get("/api/knowledge?q=qqxtunnel profile");

    assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode article = found.getBody().get("items").get(0);
    assertThat(article.get("kind").asText()).isEqualTo("known-error");
    assertThat(article.get("reference").asText()).isEqualTo(number);
    assertThat(article.get("title").asText()).isEqualTo("VPN drops every hour for home workers");
    assertThat(article.get("workaround").asText()).isEqualTo("Use the qqxtunnel TCP profile.");
    assertThat(article.get("services")).extracting(JsonNode::asText).containsExactly("vpn");
    assertThat(ApiClient.as(http, "alice").get("/api/knowledge?q=qqxtunnel nonsenseword").getBody().get("items"))
        .isEmpty();
    assertThat(ApiClient.as(http, "alice").get("/api/knowledge?limit=0").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ApiClient.anonymous(http).get("/api/knowledge?q=vpn").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private static Map<String, Object> body(List<String> incidentNumbers) {
    return Map.of("shortDescription", "VPN drops every hour for home workers", "description",
        "Three callers since Monday.", "affectedService", "vpn", "incidentNumbers", incidentNumbers);
  }
}
