package io.incidentflow.resolution;

import static io.incidentflow.incident.IncidentVariables.*;

import io.incidentflow.incident.Codes.InvestigationOutcome;
import io.incidentflow.incident.Codes.OnHoldReason;
import io.incidentflow.incident.Codes.ResolutionCode;
import io.incidentflow.incident.Codes.SupportGroup;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.InputCheck;
import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import io.incidentflow.incident.InvalidIncidentInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * {@code Task_InvestigateIncident}: hands an incident that resumes from hold back to the agent who held
 * it, and checks the outcome when the task completes. (The model keeps the status in step with the
 * task: {@code ASSIGNED} in the group's queue, {@code IN_PROGRESS} once an agent has it.)
 */
@Component("investigationTaskListener")
public class InvestigationTaskListener implements TaskListener {

  static final int ON_HOLD_NOTE_MAX = 2000;

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> created(task);
      case EVENTNAME_COMPLETE -> completed(task);
      default -> throw new IllegalStateException("Unexpected task event " + task.getEventName());
    }
  }

  private void created(DelegateTask task) {
    // Tasklist pre-fills forms from variables: a resumed or reopened investigation must not offer
    // the last outcome (say, on hold) as already chosen.
    IncidentData incident = IncidentData.of(task);
    incident.remove(INVESTIGATION_OUTCOME);
    String agent = incident.text(INVESTIGATING_AGENT);
    if (incident.status() == IncidentStatus.IN_PROGRESS && agent != null) {
      // Resumed from hold: the agent who held it carries on.
      task.setAssignee(agent);
    }
  }

  private void completed(DelegateTask task) {
    InputCheck check = InputCheck.of(task).requireCode(INVESTIGATION_OUTCOME, InvestigationOutcome.class);
    IncidentData incident = IncidentData.of(task);
    String outcome = incident.text(INVESTIGATION_OUTCOME);
    if (InvestigationOutcome.RESOLVED.value().equals(outcome)) {
      check.requireCode(RESOLUTION_CODE, ResolutionCode.class).requireText(RESOLUTION_NOTES, Resolutions.NOTES_MAX);
    } else if (InvestigationOutcome.ON_HOLD.value().equals(outcome)) {
      check.requireCode(ON_HOLD_REASON, OnHoldReason.class).optionalText(ON_HOLD_NOTE, ON_HOLD_NOTE_MAX);
    } else if (InvestigationOutcome.REASSIGN.value().equals(outcome)) {
      check.requireCode(ASSIGNMENT_GROUP, SupportGroup.class);
    }
    check.orThrow();
    if (InvestigationOutcome.REASSIGN.value().equals(outcome)) {
      requireAnotherGroup(task, incident.text(ASSIGNMENT_GROUP));
    }
    if (InvestigationOutcome.RESOLVED.value().equals(outcome)) {
      Resolutions.recordResolver(task);
    }
    incident.set(INVESTIGATING_AGENT, Resolutions.agentOf(task));
  }

  /** The task's candidate group is the group the incident was with; a reassignment must name another. */
  private static void requireAnotherGroup(DelegateTask task, String newGroup) {
    boolean same = task.getCandidates().stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && newGroup.equals(link.getGroupId()));
    if (same) {
      throw new InvalidIncidentInputException(List.of(new FieldError(ASSIGNMENT_GROUP,
          "must be another group than " + newGroup + ", which has the incident already")));
    }
  }
}
