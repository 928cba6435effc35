package io.incidentflow.incident;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;

/**
 * The variables of a process instance (an incident, a major incident, a problem) as the history keeps them, running
 * or ended: those of the instance itself, as {@code RuntimeService#getVariables} of the instance gives them while it
 * runs, not those local to one step (such as a send task's event) that share a name.
 */
public final class HistoricVariables {

  private HistoricVariables() {
  }

  /** The variables of process instance {@code processInstanceId}; only {@code names} when any are given. */
  public static Map<String, Object> of(HistoryService history, String processInstanceId, String... names) {
    HistoricVariableInstanceQuery query = history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId);
    if (names.length > 0) {
      query.variableNameIn(names);
    }
    Map<String, Object> variables = new HashMap<>();
    query.list().stream().filter(variable -> processInstanceId.equals(variable.getExecutionId()))
        .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    return variables;
  }
}
