package io.incidentflow.resolution;

import static io.incidentflow.incident.IncidentVariables.ASSIGNMENT_GROUP;
import static io.incidentflow.incident.IncidentVariables.INVESTIGATING_AGENT;
import static io.incidentflow.incident.IncidentVariables.REASSIGNMENT_COUNT;

import io.incidentflow.incident.IncidentData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReassignIncident}: functional escalation to another group. Nobody in the new group has
 * the incident yet (the model sets {@code ASSIGNED}), and the reassignment is counted.
 */
@Component("reassignIncidentDelegate")
public class ReassignIncidentDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ReassignIncidentDelegate.class);


  @Override
  public void execute(DelegateExecution execution) {
    IncidentData incident = IncidentData.of(execution);
    int count = incident.increment(REASSIGNMENT_COUNT);
    incident.remove(INVESTIGATING_AGENT);
    LOG.info("{} reassigned to {} (reassignment {})", incident.number(), incident.text(ASSIGNMENT_GROUP), count);
  }
}
