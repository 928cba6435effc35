package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.CHILD_INCIDENT_NUMBER;

import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_LinkChildIncident}: the proposed incident becomes a child of this major incident, linked by whoever
 * reviewed the proposal; unless it has been resolved, closed or linked elsewhere meanwhile.
 */
@Component("linkChildIncidentDelegate")
public class LinkChildIncidentDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(LinkChildIncidentDelegate.class);

  private final MajorIncidents majorIncidents;
  private final MajorIncidentChildren children;
  private final IncidentInstances instances;

  public LinkChildIncidentDelegate(MajorIncidents majorIncidents, MajorIncidentChildren children,
      IncidentInstances instances) {
    this.majorIncidents = majorIncidents;
    this.children = children;
    this.instances = instances;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String parent = execution.getProcessBusinessKey();
    String child = (String) execution.getVariable(CHILD_INCIDENT_NUMBER);
    IncidentState state = MajorIncidents.asProcess(() -> instances.state(child));
    if (!state.running() || !IncidentStatus.valueOf(state.status()).isOpen() || children.parentOf(child).isPresent()) {
      LOG.info("{}: not linked to {}: it is {} or linked already", child, parent, state.status());
      return;
    }
    String reviewer = (String) execution.getVariable(MajorIncidentTaskListener.CHILD_REVIEWED_BY);
    majorIncidents.link(parent, child, reviewer);
  }
}
