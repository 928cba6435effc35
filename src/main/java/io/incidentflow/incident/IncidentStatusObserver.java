package io.incidentflow.incident;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Told of every change of an incident's status, in the transaction that makes it: a Spring bean of this
 * type is called by {@link IncidentStatusRecorder} after the new status is set. {@code scope} is the
 * execution or task that changed it ({@code DelegateExecution} or {@code DelegateTask}).
 */
public interface IncidentStatusObserver {

  /** {@code from} is null for the first status of an incident. */
  void statusChanged(VariableScope scope, IncidentStatus from, IncidentStatus to);
}
