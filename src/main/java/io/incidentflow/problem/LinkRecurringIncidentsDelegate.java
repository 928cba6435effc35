package io.incidentflow.problem;

import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.RequestRefusedException;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_LinkRecurringIncidents}: links the other recurring incidents of a proposal that are still open.
 * One closed meanwhile, or covered by another open problem, is left out (logged), not a failure.
 */
@Component("linkRecurringIncidentsDelegate")
public class LinkRecurringIncidentsDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(LinkRecurringIncidentsDelegate.class);

  private final ProblemLinks links;
  private final IncidentInstances instances;
  private final ProblemRecords records;

  public LinkRecurringIncidentsDelegate(ProblemLinks links, IncidentInstances instances, ProblemRecords records) {
    this.links = links;
    this.instances = instances;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String problemNumber = execution.getProcessBusinessKey();
    String recurring = (String) execution.getVariable(ProblemVariables.RECURRING_INCIDENTS);
    if (recurring == null || recurring.isBlank()) {
      return;
    }
    for (String incidentNumber : Arrays.stream(recurring.split(",")).map(String::strip).toList()) {
      IncidentState incident = instances.state(incidentNumber);
      if (!incident.running() || incident.status() == null || !IncidentStatus.valueOf(incident.status()).isOpen()) {
        continue;
      }
      try {
        links.link(problemNumber, incidentNumber, problemNumber);
      } catch (RequestRefusedException e) {
        LOG.info("{}: {} not linked: {}", problemNumber, incidentNumber, e.getMessage());
      }
    }
    execution.setVariable(ProblemVariables.INCIDENT_NUMBERS, String.join(", ", records.incidents(problemNumber)));
  }
}
