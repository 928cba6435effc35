package io.incidentflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;

/** The application is not healthy before its process is deployed (the window after the web server starts). */
@IncidentFlowTest
class DeploymentHealthIndicatorTest extends IncidentFlowTestBase {

  @Autowired
  HttpCodeStatusMapper statusCodes;
  @Autowired
  HealthDeadline deadline;

  @Test
  void deployed_isUp() {
    JsonNode health = http.getForObject("/actuator/health/deployment", JsonNode.class);
    assertThat(health.get("status").asText()).isEqualTo("UP");
  }

  @Test
  void anApplicationThatIsNotUp_answersProbesWith503() {
    // application.yaml maps a status of its own (the mail server's UNREACHABLE), which replaces Spring
    // Boot's default mapping: DOWN must still be 503, or a probe takes a starting application for ready.
    assertThat(statusCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
    assertThat(statusCodes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
    assertThat(statusCodes.getStatusCode(Status.UP)).isEqualTo(200);
  }

  @Test
  void notYetDeployed_isDown() {
    RepositoryService repository = mock(RepositoryService.class);
    ProcessDefinitionQuery query = mock(ProcessDefinitionQuery.class, RETURNS_SELF);
    when(repository.createProcessDefinitionQuery()).thenReturn(query);
    when(query.processDefinitionKey(anyString())).thenReturn(query);
    when(query.count()).thenReturn(0L);

    assertThat(new DeploymentHealthIndicator(repository, deadline).health().getStatus()).isEqualTo(Status.DOWN);
  }
}
