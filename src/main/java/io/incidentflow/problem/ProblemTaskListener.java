package io.incidentflow.problem;

import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;
import static io.incidentflow.problem.ProblemVariables.*;

import io.incidentflow.incident.InputCheck;
import io.incidentflow.resolution.Resolutions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The problem manager's steps. Created, a task is named after its problem ({@code PRB0000012 · VPN drops every
 * hour · Record fix}); completed, what each form requires is checked on the server too (400 naming the field),
 * and who completed it is the problem's {@code problemManager}.
 */
@Component("problemTaskListener")
public class ProblemTaskListener implements TaskListener {

  static final int TEXT_MAX = 4000;
  static final int CHANGE_REFERENCE_MAX = 40;
  /** Shorter than the other texts: it goes into incidents' notes and resolutions with a line of its own. */
  static final int WORKAROUND_MAX = 3000;

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // Tasklist lists tasks by name: the problem's number and what it is about come first, as incidents' do.
      task.setName(task.getExecution().getProcessBusinessKey() + " · " + task.getVariable(SHORT_DESCRIPTION) + " · "
          + task.getName());
      return;
    }
    InputCheck check = InputCheck.of(task);
    switch (task.getTaskDefinitionKey()) {
      case ProblemProcess.REVIEW_PROPOSAL -> {
        check.requireBoolean(PROPOSAL_ACCEPTED);
        if (Boolean.FALSE.equals(task.getVariable(PROPOSAL_ACCEPTED))) {
          check.requireText(REVIEW_COMMENT, TEXT_MAX);
        } else {
          check.optionalText(REVIEW_COMMENT, TEXT_MAX);
        }
      }
      case ProblemProcess.INVESTIGATE -> check.requireText(ROOT_CAUSE, TEXT_MAX).requireBoolean(WORKAROUND_AVAILABLE);
      case ProblemProcess.PUBLISH_WORKAROUND -> check.requireText(SYMPTOM, TEXT_MAX).requireText(WORKAROUND, WORKAROUND_MAX)
          .requireBoolean(NOTIFY_CALLERS);
      case ProblemProcess.RECORD_FIX -> check.requireText(FIX_DESCRIPTION, WORKAROUND_MAX)
          .requireText(CHANGE_REFERENCE, CHANGE_REFERENCE_MAX);
      default -> throw new IllegalStateException("No checks for " + task.getTaskDefinitionKey());
    }
    check.orThrow();
    String manager = Resolutions.agentOf(task);
    if (manager != null) {
      task.setVariable(PROBLEM_MANAGER, manager);
    }
  }
}
