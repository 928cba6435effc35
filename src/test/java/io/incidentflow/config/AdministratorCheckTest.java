package io.incidentflow.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AdministratorCheckTest {

  private final AdministratorCheck check = new AdministratorCheck();

  @Test
  void missingPassword_stopsTheStartWithTheVariableToSet() {
    StandardEnvironment environment = environment(Map.of(AdministratorCheck.PASSWORD, "${INCIDENT_FLOW_TEST_UNSET}"));
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("INCIDENT_FLOW_ADMIN_PASSWORD");
  }

  @Test
  void blankPassword_stopsTheStart() {
    StandardEnvironment environment = environment(Map.of(AdministratorCheck.PASSWORD, " "));
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void configuredPassword_starts() {
    StandardEnvironment environment = environment(Map.of(AdministratorCheck.PASSWORD, "s3cret-from-the-vault"));
    assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }
}
