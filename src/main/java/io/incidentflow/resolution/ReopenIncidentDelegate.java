package io.incidentflow.resolution;

import static io.incidentflow.incident.IncidentVariables.ASSIGNMENT_GROUP;
import static io.incidentflow.incident.IncidentVariables.REOPEN_COUNT;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_ACCEPTED;
import static io.incidentflow.incident.IncidentVariables.RESOLVED_THROUGH;

import io.incidentflow.incident.IncidentData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReopenIncident}: the caller rejected the resolution. The incident goes back to the same
 * group (the model sets {@code ASSIGNED}); the caller's comment stays for the group to read. The answer itself is
 * cleared, so that the next resolution waits for a new one, and so is what resolved it from outside: the next
 * resolution is the group's own unless it comes from outside again.
 */
@Component("reopenIncidentDelegate")
public class ReopenIncidentDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ReopenIncidentDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    IncidentData incident = IncidentData.of(execution);
    int count = incident.increment(REOPEN_COUNT);
    incident.remove(RESOLUTION_ACCEPTED);
    incident.remove(RESOLVED_THROUGH);
    LOG.info("{} reopened to {} (reopen {})", incident.number(), incident.text(ASSIGNMENT_GROUP), count);
  }
}
