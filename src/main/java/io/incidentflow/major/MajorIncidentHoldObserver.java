package io.incidentflow.major;

import static io.incidentflow.incident.IncidentVariables.ON_HOLD_REASON;
import static io.incidentflow.major.MajorIncidentVariables.HELD_WITH_PARENT;

import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentStatusObserver;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * When an incident that a running major incident was declared from goes on hold or resumes, its major incident
 * hears of it and, in a job of its own, holds or resumes its linked incidents. An incident that leaves its hold
 * (however: its parent, its caller, its agent) forgets which parent held it, so a later hold of its own is its own.
 */
@Component
public class MajorIncidentHoldObserver implements IncidentStatusObserver {

  private final MajorIncidents majorIncidents;

  public MajorIncidentHoldObserver(MajorIncidents majorIncidents) {
    this.majorIncidents = majorIncidents;
  }

  @Override
  public void statusChanged(VariableScope scope, IncidentStatus from, IncidentStatus to) {
    String number = IncidentNumbers.of(scope);
    if (number == null) {
      return;
    }
    if (to == IncidentStatus.ON_HOLD) {
      majorIncidents.held(number, IncidentData.of(scope).text(ON_HOLD_REASON));
    } else if (from == IncidentStatus.ON_HOLD) {
      if (scope.hasVariable(HELD_WITH_PARENT)) {
        scope.removeVariable(HELD_WITH_PARENT);
      }
      majorIncidents.resumed(number);
    }
  }
}
