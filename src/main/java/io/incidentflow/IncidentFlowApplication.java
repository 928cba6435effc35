package io.incidentflow;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Incident Flow: the ITIL incident lifecycle on an embedded Camunda 7 engine.
 * The process application deploys processes/, dmn/ and forms/ as one deployment (META-INF/processes.xml).
 */
@SpringBootApplication
@EnableProcessApplication("incident-flow")
@ConfigurationPropertiesScan
public class IncidentFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(IncidentFlowApplication.class, args);
  }
}
