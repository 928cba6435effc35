package io.incidentflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who sees and works which task, through the engine REST API that Tasklist uses: an agent works only the
 * tasks of their own groups; the shared filters show each agent their group's work.
 */
@IncidentFlowTest
class AuthorizationTest extends IncidentFlowTestBase {

  private Task investigation;

  @BeforeEach
  void incidentRoutedToNetworkSupport() {
    investigation = incidents.task(incidents.routed());
  }

  @Test
  void carolOfAnotherGroupCannotSeeClaimOrCompleteANetworkSupportTask() {
    TestRestTemplate carol = http.withBasicAuth("carol", "carol");

    assertThat(taskIds(carol.getForEntity("/engine-rest/task?processInstanceId=" + investigation.getProcessInstanceId(),
        JsonNode.class))).isEmpty();
    // Not even its existence shows: the engine answers as if there were no such task.
    assertThat(carol.getForEntity("/engine-rest/task/" + investigation.getId(), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(carol, "/engine-rest/task/" + investigation.getId() + "/claim", Map.of("userId", "carol"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(carol, "/engine-rest/task/" + investigation.getId() + "/complete", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tasks.createTaskQuery().taskId(investigation.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void theServiceDeskSeesANetworkSupportTask_butCannotClaimOrCompleteIt() {
    TestRestTemplate alice = http.withBasicAuth("alice", "alice");

    // Whoever answers a caller finds every open incident (read only).
    assertThat(taskIds(alice.getForEntity("/engine-rest/task?processInstanceId=" + investigation.getProcessInstanceId(),
        JsonNode.class))).containsExactly(investigation.getId());
    assertThat(post(alice, "/engine-rest/task/" + investigation.getId() + "/claim", Map.of("userId", "alice"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(alice, "/engine-rest/task/" + investigation.getId() + "/complete", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tasks.createTaskQuery().taskId(investigation.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void bobSeesClaimsAndWorksIt() {
    TestRestTemplate bob = http.withBasicAuth("bob", "bob");

    assertThat(taskIds(bob.getForEntity("/engine-rest/task?processInstanceId=" + investigation.getProcessInstanceId(),
        JsonNode.class))).containsExactly(investigation.getId());
    assertThat(post(bob, "/engine-rest/task/" + investigation.getId() + "/claim", Map.of("userId", "bob"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtime.getVariable(investigation.getProcessInstanceId(), "status")).isEqualTo("IN_PROGRESS");
  }

  @Test
  void myGroupsFilter_showsEachAgentTheirGroupsTasks() {
    assertThat(filterTaskIds("bob", AccessSetup.FILTER_MY_GROUPS)).contains(investigation.getId());
    assertThat(filterTaskIds("alice", AccessSetup.FILTER_MY_GROUPS)).doesNotContain(investigation.getId());
    assertThat(filterTaskIds("bob", AccessSetup.FILTER_CRITICAL_AND_HIGH)).contains(investigation.getId());
    assertThat(filterTaskIds("carol", AccessSetup.FILTER_ALL_OPEN)).doesNotContain(investigation.getId());
    assertThat(filterTaskIds("alice", AccessSetup.FILTER_ALL_OPEN)).as("the service desk sees every open incident")
        .contains(investigation.getId());
    assertThat(filterTaskIds("bob", AccessSetup.FILTER_BY_TIME_LEFT)).contains(investigation.getId());
    assertThat(filterTaskIds("bob", AccessSetup.FILTER_BREACHED)).doesNotContain(investigation.getId());
  }

  @Test
  void everyGroupOfTheDesignExistsWithItsDemoUser() {
    JsonNode groups = http.withBasicAuth("demo", "demo").getForEntity("/engine-rest/group?maxResults=100", JsonNode.class)
        .getBody();
    List<String> ids = new ArrayList<>();
    groups.forEach(group -> ids.add(group.get("id").asText()));
    assertThat(ids).contains("service-desk", "network-support", "application-support", "database-support",
        "workplace-support", "security-operations", "incident-managers", "problem-managers", "process-owners",
        "managers");
    JsonNode networkSupport = http.withBasicAuth("demo", "demo")
        .getForEntity("/engine-rest/group/network-support", JsonNode.class).getBody();
    assertThat(networkSupport.get("name").asText()).isEqualTo("Network support");
    JsonNode bob = http.withBasicAuth("demo", "demo").getForEntity("/engine-rest/group?member=bob", JsonNode.class)
        .getBody();
    assertThat(bob).hasSize(1);
    assertThat(bob.get(0).get("id").asText()).isEqualTo("network-support");
  }

  @Test
  void everyAgentSeesTheSharedFilters() {
    ResponseEntity<JsonNode> filters = http.withBasicAuth("carol", "carol").getForEntity("/engine-rest/filter", JsonNode.class);
    assertThat(StreamSupport.stream(filters.getBody().spliterator(), false).map(f -> f.get("name").asText()))
        .contains(AccessSetup.FILTER_MY_GROUPS, AccessSetup.FILTER_MINE, AccessSetup.FILTER_CRITICAL_AND_HIGH,
            AccessSetup.FILTER_ALL_OPEN, AccessSetup.FILTER_BY_TIME_LEFT, AccessSetup.FILTER_BREACHED);
  }

  @Test
  void aManagerCanReadButNotWork() {
    TestRestTemplate erin = http.withBasicAuth("erin", "erin");
    assertThat(erin.getForEntity("/engine-rest/process-instance/" + investigation.getProcessInstanceId(), JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post(erin, "/engine-rest/task/" + investigation.getId() + "/claim", Map.of("userId", "erin"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private List<String> filterTaskIds(String user, String filterName) {
    TestRestTemplate client = http.withBasicAuth(user, user);
    JsonNode filters = client.getForEntity("/engine-rest/filter?name=" + filterName, JsonNode.class).getBody();
    assertThat(filters).hasSize(1);
    return taskIds(client.getForEntity("/engine-rest/filter/" + filters.get(0).get("id").asText() + "/list?maxResults=1000",
        JsonNode.class));
  }

  private static List<String> taskIds(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    response.getBody().forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private static ResponseEntity<JsonNode> post(TestRestTemplate client, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
