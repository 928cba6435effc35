package io.incidentflow;

import javax.xml.datatype.DatatypeFactory;
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
    useBuiltInDatatypeFactory();
    SpringApplication.run(IncidentFlowApplication.class, args);
  }

  /**
   * Names the JDK's own {@link DatatypeFactory}, the one found today, unless one is named already: the engine asks
   * for a new factory for every job it creates (the retry cycle), and without a name each of them searches every
   * jar of the application for another implementation first.
   */
  private static void useBuiltInDatatypeFactory() {
    String property = DatatypeFactory.class.getName();
    if (System.getProperty(property) == null) {
      System.setProperty(property, DatatypeFactory.newDefaultInstance().getClass().getName());
    }
  }
}
