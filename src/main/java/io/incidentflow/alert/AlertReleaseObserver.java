package io.incidentflow.alert;


import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentStatusObserver;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** A closed or canceled incident no longer takes its alerts: the next firing raises a new incident. */
@Component
public class AlertReleaseObserver implements IncidentStatusObserver {

  private final OpenAlerts alerts;

  public AlertReleaseObserver(OpenAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void statusChanged(VariableScope scope, IncidentStatus from, IncidentStatus to) {
    if (to == IncidentStatus.CLOSED || to == IncidentStatus.CANCELED) {
      alerts.release(IncidentNumbers.of(scope));
    }
  }
}
