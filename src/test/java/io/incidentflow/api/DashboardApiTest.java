package io.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.EngineDoor;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/dashboard} at every door: who reads it, what a bad request gets, and the CSV a manager exports. */
@IncidentFlowTest
class DashboardApiTest extends IncidentFlowTestBase {

  private static final List<String> FIGURES = List.of("backlog", "at-risk", "times", "sla", "quality", "volume",
      "problems");

  @LocalServerPort
  int port;

  @Test
  void managersReadEveryFigure_agentsAndMachineClientsAreRefused() {
    for (String figure : FIGURES) {
      for (String reader : List.of("dave", "erin", "demo")) {
        ResponseEntity<JsonNode> read = ApiClient.as(http, reader).get("/api/dashboard/" + figure + "?period=30d");
        assertThat(read.getStatusCode()).as(reader + " " + figure).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().at("/period/name").asText()).isEqualTo("30d");
      }
      for (String agent : List.of("alice", "bob", "paula")) {
        ResponseEntity<JsonNode> refused = ApiClient.as(http, agent).get("/api/dashboard/" + figure);
        assertThat(refused.getStatusCode()).as(agent + " " + figure).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("error").asText()).contains("incident-managers");
      }
      assertThat(ApiClient.withToken(http, "demo-alert-token").get("/api/dashboard/" + figure).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(ApiClient.anonymous(http).get("/api/dashboard/" + figure).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(ApiClient.as(http, "bob").get("/api/dashboard/incidents?figure=backlog").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ApiClient.as(http, "bob").get("/api/dashboard/steps").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(csv("bob", "/api/dashboard/backlog.csv").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void cockpitsSession_readsTheDashboard() {
    assertThat(EngineDoor.webapp(port, "dave").app("GET", "/api/dashboard/backlog", null, true).status()).isEqualTo(200);
    assertThat(EngineDoor.webapp(port, "bob").app("GET", "/api/dashboard/backlog", null, true).status()).isEqualTo(403);
  }

  @Test
  void cockpitsAssignmentsByGroup_answersIncidentManagersAndManagers_atBothDoors() {
    incidents.report(Incidents.vpnReport());
    for (String manager : List.of("dave", "erin")) {
      EngineDoor.both(port, manager).forEach((door, client) -> {
        EngineDoor.Answer report = client.get("/task/report/candidate-group-count");
        assertThat(report.status()).as(manager + " at " + door + ": " + report.body()).isEqualTo(200);
        assertThat(report.body()).as(manager + " at " + door).contains("\"groupName\":\"service-desk\"");
      });
    }
    assertThat(EngineDoor.engineRest(port, "bob").get("/task/report/candidate-group-count").status()).isEqualTo(403);
  }

  @Test
  void aBadPeriodOrFilter_isNamed() {
    assertField("/api/dashboard/backlog?period=year", "period", "today, 7d, 30d, custom");
    assertField("/api/dashboard/times?period=custom&to=2026-12-01", "from", "required");
    assertField("/api/dashboard/times?from=2026-12-01&to=2026-11-01", "to", "not be before");
    assertField("/api/dashboard/times?from=2025-01-01&to=2026-12-01", "to", "366 days");
    assertField("/api/dashboard/times?from=1.12.2026&to=2026-12-01", "from", "YYYY-MM-DD");
    assertField("/api/dashboard/sla?priority=9", "priority", "1 to 5");
    assertField("/api/dashboard/sla?group=night-shift", "group", "network-support");
    assertField("/api/dashboard/volume?service=coffee", "service", "vpn");
    assertField("/api/dashboard/volume?channel=fax", "channel", "portal");
    assertField("/api/dashboard/kpis", "figure", "backlog");
    assertField("/api/dashboard/incidents?figure=everything", "figure", "backlog");
    assertField("/api/dashboard/incidents?figure=backlog&age=old", "age", "0-1d");
    assertField("/api/dashboard/incidents?figure=at-risk&bucket=100", "bucket", "breached");
    assertField("/api/dashboard/incidents?figure=reported&day=today", "day", "YYYY-MM-DD");
    assertField("/api/dashboard/incidents?figure=reported&category=coffee", "category", "network");
    assertField("/api/dashboard/incidents?figure=backlog&size=1000", "size", "1 to 100");
    ResponseEntity<String> badCsv = csv("dave", "/api/dashboard/incidents.csv?figure=nothing");
    assertThat(badCsv.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badCsv.getBody()).contains("\"field\":\"figure\"");
  }

  @Test
  void theExport_isCsvWithAHeader_andACallersFormulaStaysText() {
    Map<String, Object> report = Incidents.vpnReport();
    report.put("channel", "chat");
    report.put("shortDescription", "=HYPERLINK(\"http://evil.example\",\"VPN, again\")");
    String number = incidents.report(report).getBusinessKey();

    ResponseEntity<String> list = csv("dave", "/api/dashboard/incidents.csv?figure=reported&period=today&channel=chat");
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(list.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment")
        .contains("incident-dashboard-incidents-reported");
    String[] lines = list.getBody().split("\r\n");
    assertThat(lines[0]).startsWith("incidentNumber,status,priority,assignmentGroup,");
    assertThat(list.getBody()).contains(number + ",NEW,2,network-support,vpn,chat,network,"
        + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"VPN, again\"\")\"");

    ResponseEntity<String> backlog = csv("erin", "/api/dashboard/backlog.csv?channel=chat");
    assertThat(backlog.getBody()).startsWith("section,group,priority,age,count\r\n")
        .contains("group x priority,network-support,2,,").contains("age,,,0-1d,");
    for (String figure : FIGURES) {
      ResponseEntity<String> export = csv("dave", "/api/dashboard/" + figure + ".csv?period=7d");
      assertThat(export.getStatusCode()).as(figure).isEqualTo(HttpStatus.OK);
      assertThat(export.getBody().split("\r\n").length).as(figure).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void theListBehindAFigure_isPaged() {
    incidents.report(Incidents.vpnReport());
    JsonNode page = ApiClient.as(http, "dave").get("/api/dashboard/incidents?figure=backlog&size=1").getBody();
    assertThat(page.get("size").asInt()).isEqualTo(1);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(page.at("/items/0/incidentNumber").asText()).startsWith("INC");
  }

  private void assertField(String path, String field, String message) {
    ResponseEntity<JsonNode> answer = ApiClient.as(http, "dave").get(path);
    assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().at("/fields/0/field").asText()).as(path).isEqualTo(field);
    assertThat(answer.getBody().at("/fields/0/message").asText()).as(path).contains(message);
  }

  private ResponseEntity<String> csv(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, user);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
