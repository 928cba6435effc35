package io.incidentflow.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without an administrator password. Camunda creates the configured administrator at
 * start; without one, Admin's first-run setup would invite anyone to create it. Runs before anything
 * else (no database connection is opened first), so the operator sees this reason and no other.
 */
public class AdministratorCheck implements EnvironmentPostProcessor {

  static final String PASSWORD = "camunda.bpm.admin-user.password";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String password;
    try {
      password = environment.getProperty(PASSWORD);
    } catch (IllegalArgumentException unresolved) {
      password = null;
    }
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("No administrator password: set the environment variable "
          + "INCIDENT_FLOW_ADMIN_PASSWORD (or " + PASSWORD + "). Only the demo profile has a default.");
    }
  }
}
