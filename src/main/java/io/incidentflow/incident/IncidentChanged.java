package io.incidentflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Published (a Spring application event, delivered at once, in the transaction) when something the read
 * model shows changes without a change of status: an SLA breach, say. Status changes reach the read model
 * through {@link IncidentStatusObserver}.
 */
public record IncidentChanged(DelegateExecution execution) {
}
