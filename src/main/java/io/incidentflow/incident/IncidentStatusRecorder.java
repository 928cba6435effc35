package io.incidentflow.incident;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code status} variable current. The process model calls it from execution and task
 * listeners, e.g. {@code ${incidentStatus.set(execution, 'ON_HOLD')}}, so that every status change is
 * visible in the model and goes through one place. The {@link IncidentStatusObserver}s (the SLA clock,
 * for one) hear of every change.
 */
@Component("incidentStatus")
public class IncidentStatusRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentStatusRecorder.class);

  private final ObjectProvider<IncidentStatusObserver> observers;

  public IncidentStatusRecorder(ObjectProvider<IncidentStatusObserver> observers) {
    this.observers = observers;
  }

  /** Sets the status; {@code status} must name an {@link IncidentStatus}. */
  public void set(VariableScope scope, String status) {
    set(scope, IncidentStatus.valueOf(status));
  }

  /** Sets the status, logging the change with the incident number. */
  public void set(VariableScope scope, IncidentStatus status) {
    IncidentData incident = IncidentData.of(scope);
    IncidentStatus from = incident.status();
    if (from != status) {
      incident.set(IncidentVariables.STATUS, status.name());
      LOG.info("{}: status {} -> {}", incident.number(), from, status);
      observers.orderedStream().forEach(observer -> observer.statusChanged(scope, from, status));
    }
  }
}
