package io.incidentflow.problem;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.CATEGORY;
import static io.incidentflow.incident.IncidentVariables.DESCRIPTION;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;
import static io.incidentflow.problem.ProblemVariables.INCIDENT_NUMBERS;
import static io.incidentflow.problem.ProblemVariables.PROBLEM_SOURCE;
import static io.incidentflow.problem.ProblemVariables.PROPOSED;
import static io.incidentflow.problem.ProblemVariables.RAISED_BY;
import static io.incidentflow.problem.ProblemVariables.RECURRING_INCIDENTS;

import io.incidentflow.incident.Codes.AffectedService;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.InputCheck;
import io.incidentflow.incident.RequestRefusedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Raises problems: starts {@code ProblemManagementProcess} with the incidents it covers linked. A problem
 * raised by a person (an investigation, the API, a major incident's review) goes straight to investigation;
 * one that ProblemCandidate proposed waits for a problem manager to accept it. Other features call
 * {@link #raise}; inside an engine step it runs in that step's transaction.
 */
@Service
public class ProblemRaising {

  public static final int SHORT_DESCRIPTION_MAX = 160;
  public static final int DESCRIPTION_MAX = 4000;
  static final int RAISED_BY_MAX = 100;
  /** At most this many incidents in one request: a problem covers a handful, a list is linked later. */
  static final int INCIDENTS_MAX = 50;

  private final RuntimeService runtime;
  private final IncidentInstances instances;

  public ProblemRaising(RuntimeService runtime, IncidentInstances instances) {
    this.runtime = runtime;
    this.instances = instances;
  }

  /**
   * Raises a problem and returns its number ({@code PRB...}). {@code service} is an affected service of the
   * catalog; {@code incidentNumbers} (may be empty) are linked; {@code source} is a {@link ProblemSource} value
   * ({@code investigation}, {@code api}, {@code major-incident-review}). 400 naming the field for bad input,
   * 404 for an unknown incident, 409 for one closed or linked to another open problem; nothing is raised then.
   */
  public String raise(String shortDescription, String description, String service, List<String> incidentNumbers,
      String raisedBy, String source) {
    return start(shortDescription, description, service, incidentNumbers, raisedBy, source, Map.of(PROPOSED, false));
  }

  /**
   * Proposes a problem for the recurring incident {@code incidentNumber}, linked at once; the other
   * {@code recurring} incidents are linked by the process's own step. A problem manager accepts or rejects it.
   */
  String propose(String shortDescription, String description, String service, String incidentNumber,
      List<String> recurring) {
    return start(shortDescription, description, service, List.of(incidentNumber), "ProblemCandidate",
        ProblemSource.RECURRENCE.value(), Map.of(PROPOSED, true, RECURRING_INCIDENTS, String.join(", ", recurring)));
  }

  private String start(String shortDescription, String description, String service, List<String> incidentNumbers,
      String raisedBy, String source, Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SHORT_DESCRIPTION, shortDescription == null ? null : shortDescription.strip());
    variables.put(DESCRIPTION, description == null ? null : description.strip());
    variables.put(AFFECTED_SERVICE, service);
    variables.put(RAISED_BY, raisedBy);
    variables.put(PROBLEM_SOURCE, source);
    InputCheck.of(variables).requireText(SHORT_DESCRIPTION, SHORT_DESCRIPTION_MAX)
        .requireText(DESCRIPTION, DESCRIPTION_MAX).requireCode(AFFECTED_SERVICE, AffectedService.class)
        .requireText(RAISED_BY, RAISED_BY_MAX).requireCode(PROBLEM_SOURCE, ProblemSource.class).orThrow();
    List<String> incidents = incidents(incidentNumbers);
    variables.put(INCIDENT_NUMBERS, String.join(", ", incidents));
    variables.putAll(more);
    variables.put(CATEGORY, categoryOf(incidents));
    ProcessInstance problem = AsProcess.call(() -> runtime.startProcessInstanceByKey(ProblemProcess.KEY, variables));
    return problem.getBusinessKey();
  }

  /** The incident numbers, each once, checked: well-formed, known, open. */
  private List<String> incidents(List<String> incidentNumbers) {
    if (incidentNumbers == null) {
      return List.of();
    }
    if (incidentNumbers.size() > INCIDENTS_MAX) {
      throw RequestRefusedException.badField(INCIDENT_NUMBERS, "must be at most " + INCIDENTS_MAX + " incidents");
    }
    List<String> checked = new ArrayList<>(new LinkedHashSet<>(incidentNumbers));
    for (String number : checked) {
      if (!IncidentNumbers.isValid(number)) {
        throw RequestRefusedException.badField(INCIDENT_NUMBERS,
            "must be incident numbers such as INC0001042 (was '" + number + "')");
      }
      instances.state(number).requireOpen("cannot be linked to a problem");
    }
    return checked;
  }

  /** The problem's category: the first incident's (what recurs is that service and category), or none. */
  private Object categoryOf(List<String> incidents) {
    if (incidents.isEmpty()) {
      return null;
    }
    IncidentState first = instances.state(incidents.get(0));
    return AsProcess.call(() -> runtime.getVariable(first.processInstanceId(), CATEGORY));
  }
}
