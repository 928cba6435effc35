package io.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.NotificationJobs;
import io.incidentflow.identity.AccessSetup;
import io.incidentflow.major.MajorIncidentProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The major incident API over HTTP: promoting by hand, roles handed over, incidents linked and unlinked, the review
 * served as JSON and HTML; who may (403 for the others) and what is refused (400 naming the field, 404, 409).
 */
@IncidentFlowTest
class MajorIncidentApiTest extends IncidentFlowTestBase {

  @AfterEach
  void endMajorIncidents() {
    runtime.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
  }

  @Test
  void theServiceDeskPromotesAnIncident_anIncidentManagerTakesCommand_andHandsTheRolesOver() {
    String number = incidents.number(incidents.report());
    String major = "/api/incidents/" + number + "/major";

    ResponseEntity<JsonNode> promoted = alice().post(major, Map.of("reason", "Every remote worker is cut off"));

    assertThat(promoted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(promoted.getBody().path("status").asText()).isEqualTo("declared");
    assertThat(promoted.getBody().path("origin").asText()).isEqualTo("promoted");
    assertThat(promoted.getBody().path("raisedBy").asText()).isEqualTo("alice");
    assertThat(promoted.getBody().path("incidentCommander").isNull()).as("alice is no incident manager").isTrue();
    assertThat(alice().post(major, Map.of("reason", "Again")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    ResponseEntity<JsonNode> handed = dave().put(major + "/roles", Map.of("incidentCommander", "dave",
        "communicationsLead", "carol", "reason", "Dave is on duty"));

    assertThat(handed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(handed.getBody().path("incidentCommander").asText()).isEqualTo("dave");
    assertThat(handed.getBody().path("communicationsLead").asText()).isEqualTo("carol");
    JsonNode change = handed.getBody().path("roleChanges").get(0);
    assertThat(change.path("role").asText()).isEqualTo("incident-commander");
    assertThat(change.path("from").isNull()).isTrue();
    assertThat(change.path("to").asText()).isEqualTo("dave");
    assertThat(change.path("changedBy").asText()).isEqualTo("dave");
    assertThat(change.path("reason").asText()).isEqualTo("Dave is on duty");
    ProcessInstance instance = majorInstance(number);
    assertThat(task(instance, MajorIncidentProcess.TASK_ASSIGN_ROLES).getAssignee()).isEqualTo("dave");
    assertThat(task(instance, MajorIncidentProcess.TASK_POST_UPDATE).getAssignee()).isEqualTo("carol");

    JsonNode ofTask = dave().get("/api/tasks/" + task(instance, MajorIncidentProcess.TASK_POST_UPDATE).getId()
        + "/major").getBody();
    assertThat(ofTask.path("incidentNumber").asText()).isEqualTo(number);
    assertThat(ofTask.path("major").path("incidentCommander").asText()).isEqualTo("dave");
    String incidentTask = incidents.task(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("IncidentManagementProcess").singleResult()).getId();
    assertThat(dave().get("/api/tasks/" + incidentTask + "/major").getBody().path("major").path("status").asText())
        .isEqualTo("declared");
    assertThat(ApiClient.as(http, "carol").get("/api/tasks/" + incidentTask + "/major").getStatusCode())
        .as("not carol's group's incident").isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(filterTaskIds("dave", AccessSetup.FILTER_MAJOR_INCIDENTS)).as("Tasklist's filter Major incidents")
        .contains(task(instance, MajorIncidentProcess.TASK_ASSIGN_ROLES).getId(),
            task(instance, MajorIncidentProcess.TASK_POST_UPDATE).getId());

    JsonNode read = ApiClient.as(http, "erin").get(major).getBody();
    assertThat(read.path("communicationsLead").asText()).isEqualTo("carol");
    assertThat(read.path("roleChanges")).hasSize(2);
  }

  @Test
  void groupsEngagedAfterTheRolesWereAssigned_getTheirTaskAtOnce() {
    String number = incidents.number(incidents.report());
    String major = "/api/incidents/" + number + "/major";
    dave().post(major, Map.of("reason", "VPN down for everybody"));
    ProcessInstance instance = majorInstance(number);
    Task roles = task(instance, MajorIncidentProcess.TASK_ASSIGN_ROLES);
    tasks.complete(roles.getId(), Map.of("communicationsLead", "carol", "engagedGroups", "network-support"));

    JsonNode engaged = dave().put(major + "/roles", Map.of("engagedGroups", List.of("database-support"))).getBody();

    assertThat(engaged.path("engagedGroups").toString()).isEqualTo("[\"network-support\",\"database-support\"]");
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(MajorIncidentProcess.TASK_RESTORE_SERVICE).taskCandidateGroup("database-support").count())
        .isOne();
  }

  @Test
  void whoMayNot_isRefused_andBadInputIsNamed() {
    String number = incidents.number(incidents.report());
    String major = "/api/incidents/" + number + "/major";

    assertThat(bob().post(major, Map.of("reason", "Mine")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ApiClient.as(http, "erin").post(major, Map.of("reason", "Mine")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ApiClient.anonymous(http).get(major).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> noReason = alice().post(major, Map.of());
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().path("fields").get(0).path("field").asText()).isEqualTo("reason");
    assertThat(alice().post("/api/incidents/INC12/major", Map.of("reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(dave().get(major).getStatusCode()).as("no major incident yet").isEqualTo(HttpStatus.NOT_FOUND);

    alice().post(major, Map.of("reason", "Everybody is affected"));
    assertThat(alice().put(major + "/roles", Map.of("communicationsLead", "carol")).getStatusCode())
        .as("roles are the incident managers'").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> bad = dave().put(major + "/roles", Map.of("incidentCommander", "carol",
        "engagedGroups", List.of("plumbers")));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().path("fields").findValuesAsText("field"))
        .containsExactly("incidentCommander", "engagedGroups");
    assertThat(dave().put(major + "/roles", Map.of("reason", "nothing")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(dave().get(major).getBody().path("roleChanges")).isEmpty();
  }

  @Test
  void incidentsAreLinkedAndUnlinkedByHand() {
    String number = incidents.number(incidents.report());
    String child = incidents.number(incidents.report());
    ProcessInstance childInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(child)
        .processDefinitionKey("IncidentManagementProcess").singleResult();
    String major = "/api/incidents/" + number + "/major";
    alice().post(major, Map.of("reason", "VPN down"));

    assertThat(bob().post(major + "/children", Map.of("incidentNumber", child)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(alice().post(major + "/children", Map.of("incidentNumber", "nonsense")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(alice().post(major + "/children", Map.of("incidentNumber", number)).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(alice().post(major + "/children", Map.of("incidentNumber", "INC9999999")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    JsonNode linked = alice().post(major + "/children", Map.of("incidentNumber", child)).getBody();
    assertThat(linked.path("linkedIncidents").get(0).path("childNumber").asText()).isEqualTo(child);
    assertThat(linked.path("linkedIncidents").get(0).path("linkedBy").asText()).isEqualTo("alice");
    assertThat(childInstance).variables().containsEntry("parentIncidentNumber", number);
    assertThat(alice().get("/api/incidents/" + child).getBody().path("parentIncidentNumber").asText())
        .as("the child's record names its major incident").isEqualTo(number);
    assertThat(alice().post(major + "/children", Map.of("incidentNumber", child)).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);

    assertThat(bob().delete(major + "/children/" + child).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode unlinked = dave().delete(major + "/children/" + child).getBody();
    assertThat(unlinked.path("linkedIncidents").get(0).path("unlinkedBy").asText()).isEqualTo("dave");
    assertThat(alice().get("/api/incidents/" + child).getBody().path("parentIncidentNumber").isNull()).isTrue();
    assertThat(childInstance).variables().doesNotContainKey("parentIncidentNumber");
    assertThat(dave().delete(major + "/children/" + child).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theReview_isServedAsJsonAndHtml_toThoseWhoMayReadTheIncident() {
    ProcessInstance incident = incidents.report();
    String number = incidents.number(incident);
    String review = "/api/incidents/" + number + "/post-incident-review";
    dave().post("/api/incidents/" + number + "/major", Map.of("reason", "VPN down"));
    ProcessInstance instance = majorInstance(number);
    assertThat(dave().get(review).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    tasks.complete(task(instance, MajorIncidentProcess.TASK_ASSIGN_ROLES).getId(),
        Map.of("communicationsLead", "carol", "engagedGroups", "network-support"));
    incidents.complete(incident, io.incidentflow.IncidentDriver.triage("triageDecision", "resolve",
        "resolutionCode", "fixed", "resolutionNotes", "Concentrator replaced."));
    NotificationJobs.run(management, instance.getId());
    tasks.complete(task(instance, MajorIncidentProcess.TASK_HOLD_REVIEW).getId(), Map.of(
        "rootCause", "Firmware <b>bug</b>", "wentWell", "Failover", "wentBadly", "Slow first update",
        "actionItems", "bob | Upgrade the firmware | problem"));

    JsonNode json = dave().get(review).getBody();
    assertThat(json.path("rootCause").asText()).isEqualTo("Firmware <b>bug</b>");
    assertThat(json.path("actionItems").get(0).path("handToProblemManagement").asBoolean()).isTrue();
    assertThat(json.path("timeline").size()).isGreaterThan(3);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("dave", "dave");
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> html = http.exchange(review, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(html.getBody()).contains("Post-incident review " + number).contains("Firmware &lt;b&gt;bug&lt;/b&gt;")
        .contains("Upgrade the firmware");
    assertThat(ApiClient.as(http, "carol").get(review).getStatusCode()).as("not carol's group's incident")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(dave().get("/api/incidents/" + number + "/major").getBody().path("status").asText())
        .isEqualTo("closed");
  }

  private List<String> filterTaskIds(String user, String filterName) {
    TestRestTemplate client = http.withBasicAuth(user, user);
    JsonNode filters = client.getForEntity("/engine-rest/filter?name=" + filterName, JsonNode.class).getBody();
    assertThat(filters).hasSize(1);
    List<String> ids = new java.util.ArrayList<>();
    client.getForEntity("/engine-rest/filter/" + filters.get(0).get("id").asText() + "/list?maxResults=1000",
        JsonNode.class).getBody().forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  /** The major incident of {@code number}, once its jobs (its start, its asynchronous steps) have run. */
  private ProcessInstance majorInstance(String number) {
    ProcessInstance major = runtime.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY)
        .processInstanceBusinessKey(number).singleResult();
    NotificationJobs.run(management, major.getId());
    return major;
  }

  private Task task(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  private ApiClient alice() {
    return ApiClient.as(http, "alice");
  }

  private ApiClient bob() {
    return ApiClient.as(http, "bob");
  }

  private ApiClient dave() {
    return ApiClient.as(http, "dave");
  }
}
