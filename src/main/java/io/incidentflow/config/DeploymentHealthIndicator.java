package io.incidentflow.config;

import io.incidentflow.incident.IncidentProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the incident process is deployed, at {@code /actuator/health/deployment}. The process
 * application deploys its models once the web server is already up; until then a report would fail,
 * so the application is not {@code UP} before the process is there (a load balancer waits for it). The
 * check reads the database, within the health deadline ({@link HealthDeadline}), until it finds the process.
 */
@Component("deploymentHealthIndicator")
public class DeploymentHealthIndicator implements HealthIndicator {

  private final RepositoryService repository;
  private final HealthDeadline deadline;

  public DeploymentHealthIndicator(RepositoryService repository, HealthDeadline deadline) {
    this.repository = repository;
    this.deadline = deadline;
  }

  private volatile boolean deployed;

  @Override
  public Health health() {
    if (deployed) {
      // Deployed once, deployed for good: no need to ask the database at every probe.
      return Health.up().withDetail("process", IncidentProcess.KEY).build();
    }
    return deadline.within("the process deployment", () -> {
      long versions = repository.createProcessDefinitionQuery().processDefinitionKey(IncidentProcess.KEY).count();
      deployed = versions > 0;
      return deployed ? Health.up().withDetail("process", IncidentProcess.KEY).build()
          : Health.down().withDetail("process", IncidentProcess.KEY + " is not deployed yet").build();
    });
  }
}
