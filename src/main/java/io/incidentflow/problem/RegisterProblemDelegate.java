package io.incidentflow.problem;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.CATEGORY;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.problem.ProblemRecords.ProblemRow;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterProblem}: draws the problem number (also the business key), writes the problem's row
 * and links the incidents it was raised with. Status PROPOSED for a proposal, OPEN otherwise.
 */
@Component("registerProblemDelegate")
public class RegisterProblemDelegate implements JavaDelegate {

  private final ProblemNumbers numbers;
  private final ProblemRecords records;
  private final ProblemLinks links;

  public RegisterProblemDelegate(ProblemNumbers numbers, ProblemRecords records, ProblemLinks links) {
    this.numbers = numbers;
    this.records = records;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = numbers.next();
    execution.setProcessBusinessKey(number);
    execution.setVariable(ProblemVariables.PROBLEM_NUMBER, number);
    ProblemStatus status = Boolean.TRUE.equals(execution.getVariable(ProblemVariables.PROPOSED))
        ? ProblemStatus.PROPOSED : ProblemStatus.OPEN;
    execution.setVariable(ProblemVariables.PROBLEM_STATUS, status.name());
    String raisedBy = (String) execution.getVariable(ProblemVariables.RAISED_BY);
    records.insert(new ProblemRow(number, (String) execution.getVariable(SHORT_DESCRIPTION),
        (String) execution.getVariable(AFFECTED_SERVICE), (String) execution.getVariable(CATEGORY), status.name(),
        (String) execution.getVariable(ProblemVariables.PROBLEM_SOURCE), raisedBy, EngineClock.now(), null));
    String incidents = (String) execution.getVariable(ProblemVariables.INCIDENT_NUMBERS);
    if (incidents != null && !incidents.isBlank()) {
      Arrays.stream(incidents.split(",")).map(String::strip).forEach(incident -> links.link(number, incident, raisedBy));
    }
  }
}
