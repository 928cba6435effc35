package io.incidentflow.incident;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Which incident an execution or task belongs to: the business key of its process instance, which
 * Register incident sets once and nobody else can change. The variable {@code incidentNumber} shows the
 * same number in forms and Cockpit, but the application never trusts it to say which incident it is.
 */
public final class IncidentNumbers {

  private static final Pattern FORMAT = Pattern.compile("INC\\d{7}");

  private IncidentNumbers() {
  }

  /** Whether {@code candidate} has the form of an incident number. */
  public static boolean isValid(String candidate) {
    return candidate != null && FORMAT.matcher(candidate).matches();
  }

  /** 400 unless {@code incidentNumber} is an incident number: {@code INC} and seven digits. */
  public static void require(String incidentNumber) {
    if (!FORMAT.matcher(incidentNumber).matches()) {
      throw RequestRefusedException.badField("incidentNumber",
          "must be INC followed by 7 digits, e.g. INC0001042 (was '" + incidentNumber + "')");
    }
  }

  /** The incident number of the process instance {@code scope} belongs to; null before it is registered. */
  public static String of(VariableScope scope) {
    if (scope instanceof DelegateExecution execution) {
      return execution.getProcessBusinessKey();
    }
    if (scope instanceof DelegateTask task && task.getExecution() != null) {
      return task.getExecution().getProcessBusinessKey();
    }
    return null;
  }

  /** The incident's variables, its number taken from the business key. */
  public static Map<String, Object> variablesOf(DelegateExecution execution) {
    Map<String, Object> variables = new HashMap<>(execution.getVariables());
    variables.put(IncidentVariables.INCIDENT_NUMBER, execution.getProcessBusinessKey());
    return variables;
  }
}
