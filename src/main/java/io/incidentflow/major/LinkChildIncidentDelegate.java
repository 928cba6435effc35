package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.CHILD_INCIDENT_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_LinkChildIncident}, in major incidents started before proposals were reviewed together
 * ({@link ChildReviews}): the one proposed incident becomes a child of this major incident, linked by whoever
 * reviewed the proposal; unless it has been resolved, closed or linked elsewhere meanwhile.
 */
@Component("linkChildIncidentDelegate")
public class LinkChildIncidentDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(LinkChildIncidentDelegate.class);

  private final MajorIncidents majorIncidents;
  private final ChildReviews reviews;

  public LinkChildIncidentDelegate(MajorIncidents majorIncidents, ChildReviews reviews) {
    this.majorIncidents = majorIncidents;
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String parent = execution.getProcessBusinessKey();
    String child = (String) execution.getVariable(CHILD_INCIDENT_NUMBER);
    String notLinkable = reviews.notLinkable(child);
    if (notLinkable != null) {
      LOG.info("{}: not linked to {}: it is {}", child, parent, notLinkable);
      return;
    }
    String reviewer = (String) execution.getVariable(MajorIncidentTaskListener.CHILD_REVIEWED_BY);
    majorIncidents.link(parent, child, reviewer);
  }
}
