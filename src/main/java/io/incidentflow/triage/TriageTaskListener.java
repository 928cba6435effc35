package io.incidentflow.triage;

import static io.incidentflow.incident.IncidentVariables.*;

import io.incidentflow.incident.Codes.Category;
import io.incidentflow.incident.Codes.Level;
import io.incidentflow.incident.Codes.ResolutionCode;
import io.incidentflow.incident.Codes.SupportGroup;
import io.incidentflow.incident.Codes.TriageDecision;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.InputCheck;
import io.incidentflow.resolution.Resolutions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code Task_TriageIncident}: the decision and what it needs (a resolution for
 * {@code resolve}, a reason for {@code cancel}) and valid corrections of category, group, impact and
 * urgency. Bad input refuses the completion; the task stays open with the agent's work.
 */
@Component("triageTaskListener")
public class TriageTaskListener implements TaskListener {

  static final int CANCEL_REASON_MAX = 1000;

  @Override
  public void notify(DelegateTask task) {
    InputCheck check = InputCheck.of(task)
        .requireCode(TRIAGE_DECISION, TriageDecision.class)
        .requireCode(CATEGORY, Category.class)
        .requireCode(ASSIGNMENT_GROUP, SupportGroup.class)
        .requireCode(IMPACT, Level.class)
        .requireCode(URGENCY, Level.class);
    String decision = IncidentData.of(task).text(TRIAGE_DECISION);
    if (TriageDecision.RESOLVE.value().equals(decision)) {
      check.requireCode(RESOLUTION_CODE, ResolutionCode.class)
          .requireText(RESOLUTION_NOTES, Resolutions.NOTES_MAX);
    } else if (TriageDecision.CANCEL.value().equals(decision)) {
      check.requireText(CANCEL_REASON, CANCEL_REASON_MAX);
    }
    check.orThrow();
    if (TriageDecision.RESOLVE.value().equals(decision)) {
      Resolutions.recordResolver(task);
    }
  }
}
