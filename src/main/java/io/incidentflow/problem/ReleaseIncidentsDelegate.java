package io.incidentflow.problem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReleaseIncidents}: a rejected proposal lets its incidents go; they may be linked to another
 * problem, and a later recurrence may propose one again.
 */
@Component("releaseIncidentsDelegate")
public class ReleaseIncidentsDelegate implements JavaDelegate {

  private final ProblemLinks links;

  public ReleaseIncidentsDelegate(ProblemLinks links) {
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    links.unlinkAll(execution.getProcessBusinessKey());
  }
}
