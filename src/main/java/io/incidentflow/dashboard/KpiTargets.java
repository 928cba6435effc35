package io.incidentflow.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The SLA compliance a process owner expects per priority and group: the decision {@code KpiTargets}
 * (dmn/KpiTargets.dmn), its latest version, so that a table deployed from Modeler takes effect at once.
 * The dashboard asks it for every cell of a table: it is evaluated in memory ({@link #current()} once per
 * table, parsed once per version), not through the engine's decision service, which would look the
 * definition up and write a decision instance to history for each cell; and each version's answer for
 * a priority and group is kept, since evaluating FEEL costs milliseconds and a table has dozens of cells.
 */
@Component
public class KpiTargets {

  /** The decision's key. */
  public static final String DECISION = "KpiTargets";

  private final RepositoryService repository;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private volatile Parsed parsed;

  public KpiTargets(RepositoryService repository) {
    this.repository = repository;
  }

  /** Target percentages of response and resolution in time; either may be null when the table gives none. */
  public record Targets(Double response, Double resolution) {
  }

  /** The decision's latest version, ready to answer for any number of cells; none deployed: no targets. */
  public Table current() {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
        .latestVersion().singleResult();
    if (latest == null) {
      // Asked before the process application deployed its decisions (metrics read at the very first start).
      return new Table(dmn, null, Map.of());
    }
    Parsed known = parsed;
    if (known == null || !known.definitionId().equals(latest.getId())) {
      try (InputStream model = repository.getDecisionModel(latest.getId())) {
        known = new Parsed(latest.getId(), dmn.parseDecision(DECISION, model), new ConcurrentHashMap<>());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      parsed = known;
    }
    return new Table(dmn, known.decision(), known.answers());
  }

  private record Parsed(String definitionId, DmnDecision decision, Map<List<Object>, Targets> answers) {
  }

  /** One version of the table, and its answers so far. */
  public record Table(DmnEngine dmn, DmnDecision decision, Map<List<Object>, Targets> answers) {

    /** The targets of incidents at {@code priority} in {@code group} (either may be null). */
    public Targets of(Integer priority, String group) {
      if (decision == null) {
        return new Targets(null, null);
      }
      return answers.computeIfAbsent(Arrays.asList(priority, group), k -> evaluate(priority, group));
    }

    private Targets evaluate(Integer priority, String group) {
      Map<String, Object> result = dmn.evaluateDecisionTable(decision, Variables.createVariables()
          .putValue("priority", priority).putValue("assignmentGroup", group)).getFirstResult().getEntryMap();
      return new Targets(percent(result.get("responseTargetPercent")), percent(result.get("resolutionTargetPercent")));
    }

    private static Double percent(Object value) {
      return value instanceof Number number ? number.doubleValue() : null;
    }
  }
}
