package io.incidentflow.major;

import static io.incidentflow.incident.IncidentVariables.RESOLUTION_CODE;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_NOTES;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentStatusObserver;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * When an incident that a major incident was raised from is resolved, its major incident hears of it, with the
 * resolution: a proposal under review is withdrawn; a running major incident resolves its linked incidents and
 * asks for its post-incident review.
 */
@Component
public class MajorIncidentResolutionObserver implements IncidentStatusObserver {

  private final MajorIncidents majorIncidents;

  public MajorIncidentResolutionObserver(MajorIncidents majorIncidents) {
    this.majorIncidents = majorIncidents;
  }

  @Override
  public void statusChanged(VariableScope scope, IncidentStatus from, IncidentStatus to) {
    String number = IncidentNumbers.of(scope);
    if (to != IncidentStatus.RESOLVED || number == null) {
      return;
    }
    IncidentData incident = IncidentData.of(scope);
    Map<String, Object> resolution = new HashMap<>();
    resolution.put(RESOLUTION_CODE, incident.text(RESOLUTION_CODE));
    resolution.put(RESOLUTION_NOTES, incident.text(RESOLUTION_NOTES));
    resolution.put(MajorIncidentVariables.RESOLVED_AT, Date.from(EngineClock.now()));
    majorIncidents.resolved(number, resolution);
  }
}
