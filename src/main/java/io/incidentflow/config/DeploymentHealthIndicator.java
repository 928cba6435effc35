package io.incidentflow.config;

import io.incidentflow.identity.AccessSetup;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the incident process is deployed, at {@code /actuator/health/deployment}. The process
 * application deploys its models once the web server is already up; until then a report would fail,
 * so the application is not {@code UP} before the process is there (a load balancer waits for it).
 */
@Component("deploymentHealthIndicator")
public class DeploymentHealthIndicator implements HealthIndicator {

  private final RepositoryService repository;

  public DeploymentHealthIndicator(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public Health health() {
    long versions = repository.createProcessDefinitionQuery().processDefinitionKey(AccessSetup.PROCESS_KEY).count();
    return versions > 0 ? Health.up().withDetail("process", AccessSetup.PROCESS_KEY).build()
        : Health.down().withDetail("process", AccessSetup.PROCESS_KEY + " is not deployed yet").build();
  }
}
