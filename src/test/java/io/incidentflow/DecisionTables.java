package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;

/** Decision tests read the project's DMN files from the classpath, as the application deploys them. */
public final class DecisionTables {

  /** Camunda's standalone DMN engine: the same FEEL engine the process engine uses. */
  public static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private DecisionTables() {
  }

  /** The decision {@code decisionId} of {@code dmn/<decisionId>.dmn}, for {@link #ENGINE}. */
  public static DmnDecision parse(String decisionId) throws IOException {
    return parse(ENGINE, decisionId);
  }

  /** The decision {@code decisionId} of {@code dmn/<decisionId>.dmn}, for an engine of the test's own. */
  public static DmnDecision parse(DmnEngine engine, String decisionId) throws IOException {
    try (InputStream dmn = open(decisionId)) {
      return engine.parseDecision(decisionId, dmn);
    }
  }

  /** The rules of {@code dmn/<decisionId>.dmn}, in table order. */
  public static List<Rule> rules(String decisionId) throws IOException {
    try (InputStream dmn = open(decisionId)) {
      return List.copyOf(Dmn.readModelFromStream(dmn).getModelElementsByType(Rule.class));
    }
  }

  private static InputStream open(String decisionId) {
    String resource = "dmn/" + decisionId + ".dmn";
    InputStream dmn = DecisionTables.class.getClassLoader().getResourceAsStream(resource);
    assertThat(dmn).as("%s on the classpath", resource).isNotNull();
    return dmn;
  }
}
