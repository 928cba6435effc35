package io.incidentflow.dashboard;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The SLA compliance a process owner expects per priority and group: the decision {@code KpiTargets}
 * (dmn/KpiTargets.dmn), its latest version, so that a table deployed from Modeler takes effect at once.
 */
@Component
public class KpiTargets {

  /** The decision's key. */
  public static final String DECISION = "KpiTargets";

  private final DecisionService decisions;

  public KpiTargets(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** Target percentages of response and resolution in time; either may be null when the table gives none. */
  public record Targets(Double response, Double resolution) {
  }

  /** The targets of incidents at {@code priority} in {@code group} (either may be null: a total). */
  public Targets of(Integer priority, String group) {
    Map<String, Object> result = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
        .putValue("priority", priority).putValue("assignmentGroup", group)).getFirstResult().getEntryMap();
    return new Targets(percent(result.get("responseTargetPercent")), percent(result.get("resolutionTargetPercent")));
  }

  private static Double percent(Object value) {
    return value instanceof Number number ? number.doubleValue() : null;
  }
}
