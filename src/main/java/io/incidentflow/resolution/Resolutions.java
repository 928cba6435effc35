package io.incidentflow.resolution;

import static io.incidentflow.incident.IncidentVariables.RESOLVED_AT;
import static io.incidentflow.incident.IncidentVariables.RESOLVED_BY;
import static io.incidentflow.incident.IncidentVariables.RESOLVED_THROUGH;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What every resolution records, whether at first contact or after investigation. */
public final class Resolutions {

  /** The same limit as the forms' resolution notes. */
  public static final int NOTES_MAX = 4000;

  private Resolutions() {
  }

  /**
   * Records who resolved the incident and when: what resolved it from outside ({@link ResolvedElsewhere}), else
   * the task's assignee, else the acting user.
   */
  public static void recordResolver(DelegateTask task) {
    IncidentData incident = IncidentData.of(task);
    String through = incident.text(RESOLVED_THROUGH);
    incident.set(RESOLVED_BY, through != null ? through : agentOf(task));
    incident.setInstant(RESOLVED_AT, EngineClock.now());
  }

  /** The agent working {@code task}: its assignee, else the authenticated user completing it, else null. */
  public static String agentOf(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }
}
