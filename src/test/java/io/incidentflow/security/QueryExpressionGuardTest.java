package io.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.EngineDoor.Answer;
import io.incidentflow.EngineDoor;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.identity.AccessSetup;
import io.incidentflow.incident.IncidentProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No expression a request carries is evaluated, at any depth, through any door: ad-hoc task queries
 * (list and count), the queries that extend a filter (list, count, single result), stored filters; yet
 * the application's own filters, whose placeholders are no code, keep working.
 */
@IncidentFlowTest
class QueryExpressionGuardTest extends IncidentFlowTestBase {

  /** Set by the expression below, were it ever evaluated. */
  public static long evaluated;
  /** Code of one's choosing: it sets {@link #evaluated}. */
  static final String CODE = "${''.getClass().forName('" + QueryExpressionGuardTest.class.getName()
      + "').getField('evaluated').setLong(null, 42)}";

  @Autowired
  FilterService filters;
  @Autowired
  ProcessEngineConfigurationImpl configuration;
  @LocalServerPort
  int port;

  private final List<String> createdFilters = new ArrayList<>();
  private Task investigation;

  @BeforeEach
  void incidentWithNetworkSupport() {
    evaluated = 0;
    investigation = incidents.task(incidents.routed());
  }

  @AfterEach
  void removeFilters() {
    createdFilters.forEach(filters::deleteFilter);
  }

  @Test
  void adHocQueries_refuseExpressionsAtEveryDepth_atBothDoors() {
    for (EngineDoor door : EngineDoor.both(port, "erin").values()) {
      for (String path : List.of("/task", "/task/count")) {
        assertRefused(door.post(path, Map.of("dueAfterExpression", CODE)), door + path, "dueAfterExpression");
        assertRefused(door.post(path, Map.of("orQueries", List.of(Map.of("dueAfterExpression", CODE)))), door + path,
            "orQueries[0].dueAfterExpression");
        assertRefused(door.post(path, Map.of("processDefinitionKey", IncidentProcess.KEY, "orQueries", List.of(
            Map.of("name", "x"), Map.of("candidateGroupsExpression", CODE, "assigneeExpression", CODE)))), door + path,
            "orQueries[1].assigneeExpression, orQueries[1].candidateGroupsExpression");
      }
    }
    assertThat(evaluated).isZero();
  }

  @Test
  void queriesExtendingAFilter_refuseExpressionsAtEveryDepth_atBothDoors() {
    String filterId = filterId(AccessSetup.FILTER_ALL_OPEN);
    for (EngineDoor door : EngineDoor.both(port, "erin").values()) {
      for (String path : List.of("/list", "/count", "/singleResult")) {
        String at = door + "/filter/{id}" + path;
        assertRefused(door.post("/filter/" + filterId + path, Map.of("dueAfterExpression", CODE)), at,
            "dueAfterExpression");
        assertRefused(door.post("/filter/" + filterId + path, Map.of("orQueries",
            List.of(Map.of("followUpBeforeExpression", CODE)))), at, "orQueries[0].followUpBeforeExpression");
      }
    }
    assertThat(evaluated).isZero();
  }

  @Test
  void theApplicationsFilters_keepTheirPlaceholders_andWork_atBothDoors() {
    for (Map.Entry<String, EngineDoor> door : EngineDoor.both(port, "bob").entrySet()) {
      for (String filter : List.of(AccessSetup.FILTER_MY_GROUPS, AccessSetup.FILTER_ALL_OPEN)) {
        // As Tasklist asks: the filter extended by a search, paging, sorting and the variables it shows.
        Answer list = door.getValue().post("/filter/" + filterId(filter) + "/list?firstResult=0&maxResults=50",
            Map.of("processInstanceId", investigation.getProcessInstanceId(), "processVariables", List.of(),
                "sorting", List.of(Map.of("sortBy", "priority", "sortOrder", "desc"))));
        assertThat(list.status()).as(door.getKey() + " " + filter).isEqualTo(200);
        assertThat(ids(list.json())).as(door.getKey() + " " + filter).contains(investigation.getId());
      }
      Answer count = door.getValue().get("/filter/" + filterId(AccessSetup.FILTER_MY_GROUPS) + "/count");
      assertThat(count.status()).isEqualTo(200);
      assertThat(count.json().get("count").asLong()).isPositive();
    }
  }

  @Test
  void aStoredFilter_holdsNoExpressionButTasklistsPlaceholders() {
    EngineDoor demo = EngineDoor.engineRest(port, "demo");
    Answer code = demo.post("/filter/create", Map.of("resourceType", "Task", "name", "Evil",
        "query", Map.of("assigneeExpression", CODE)));
    assertRefused(code, "POST /filter/create", "assigneeExpression");

    Answer placeholders = demo.post("/filter/create", Map.of("resourceType", "Task", "name", "Mine due soon",
        "query", Map.of("assigneeExpression", "${currentUser()}", "dueBeforeExpression", "${dateTime().plusDays(2)}")));
    assertThat(placeholders.status()).as(placeholders.body()).isEqualTo(200);
    createdFilters.add(placeholders.json().get("id").asText());
    assertThat(demo.get("/filter/" + placeholders.json().get("id").asText() + "/count").status()).isEqualTo(200);
    assertThat(evaluated).isZero();
  }

  @Test
  void aFilterStoredWithCode_beforeThisGuard_isRefusedWhenRun() {
    Filter old = filters.saveFilter(filters.newTaskFilter("Stored before the guard")
        .setQuery(tasks.createTaskQuery().processDefinitionKey(IncidentProcess.KEY)));
    createdFilters.add(old.getId());
    // As an older version would have stored it: the code straight into the filter's row, past today's guard.
    configuration.getCommandExecutorTxRequired().execute(context -> {
      context.getFilterManager().findFilterById(old.getId()).setQueryInternal(
          "{\"orQueries\":[{\"dueAfterExpression\":\"" + CODE + "\"}]}");
      return null;
    });

    for (EngineDoor door : EngineDoor.both(port, "demo").values()) {
      assertRefused(door.get("/filter/" + old.getId() + "/list"), door + " GET /filter/{id}/list",
          "orQueries[0].dueAfterExpression");
      assertRefused(door.get("/filter/" + old.getId() + "/count"), door + " GET /filter/{id}/count",
          "orQueries[0].dueAfterExpression");
    }
    assertThat(evaluated).isZero();
  }

  private static void assertRefused(Answer answer, String where, String fields) {
    assertThat(answer.status()).as(where + ": " + answer.body()).isEqualTo(400);
    assertThat(answer.json().get("message").asText()).as(where).contains(fields + (fields.contains(",") ? " are" : " is")
        + " refused");
    assertThat(evaluated).as(where + " evaluated the expression").isZero();
  }

  private String filterId(String name) {
    return filters.createTaskFilterQuery().filterName(name).singleResult().getId();
  }

  private static List<String> ids(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }
}
