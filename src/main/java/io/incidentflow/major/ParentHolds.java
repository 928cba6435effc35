package io.incidentflow.major;

import static io.incidentflow.incident.IncidentVariables.INVESTIGATION_OUTCOME;
import static io.incidentflow.incident.IncidentVariables.ON_HOLD_NOTE;
import static io.incidentflow.incident.IncidentVariables.ON_HOLD_REASON;
import static io.incidentflow.major.MajorIncidentVariables.HELD_WITH_PARENT;
import static io.incidentflow.problem.ProblemVariables.PROBLEM_NUMBER;

import io.incidentflow.comment.Commenting;
import io.incidentflow.comment.IncidentComments;
import io.incidentflow.comment.IncidentComments.Comment;
import io.incidentflow.comment.IncidentComments.Visibility;
import io.incidentflow.incident.Codes.InvestigationOutcome;
import io.incidentflow.incident.Codes.OnHoldReason;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentSteps;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts linked incidents on hold with their major incident's incident and resumes them with it, through each
 * child's own model, as its agent would: its investigation ends on hold (same reason), its Await information is
 * completed on resume. A child held by its parent carries {@code heldWithParent}, so only those resume with the
 * parent; a child's own hold is never lifted from outside. Each change leaves a work note on the child.
 */
@Component
public class ParentHolds {

  /** The child's investigation step, the one step whose outcome puts an incident on hold. */
  static final String INVESTIGATION = "Task_InvestigateIncident";
  private static final Logger LOG = LoggerFactory.getLogger(ParentHolds.class);

  private final IncidentInstances instances;
  private final IncidentSteps steps;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IncidentComments comments;

  public ParentHolds(IncidentInstances instances, IncidentSteps steps, RuntimeService runtime, TaskService tasks,
      IncidentComments comments) {
    this.instances = instances;
    this.steps = steps;
    this.runtime = runtime;
    this.tasks = tasks;
    this.comments = comments;
  }

  /**
   * Puts {@code child} on hold for {@code reason} because major incident {@code parent} waits for it, noted by
   * {@code by}. A child not at its investigation (in triage, reassigned, already waiting) is left alone, as is one
   * that would await a problem without being linked to one: both are logged.
   */
  public void hold(String child, String parent, String reason, String by) {
    MajorIncidents.asProcess(() -> {
      IncidentState incident = instances.state(child);
      String processInstanceId = incident.processInstanceId();
      if (!incident.running() || tasks.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(INVESTIGATION).count() == 0) {
        LOG.info("{}: not put on hold with major incident {}: not at its investigation ({})", child, parent,
            incident.status());
        return null;
      }
      if (OnHoldReason.AWAITING_PROBLEM.value().equals(reason)
          && runtime.getVariable(processInstanceId, PROBLEM_NUMBER) == null) {
        LOG.info("{}: not put on hold with major incident {}: awaiting a problem it is not linked to", child, parent);
        return null;
      }
      runtime.setVariable(processInstanceId, HELD_WITH_PARENT, parent);
      steps.complete(incident, INVESTIGATION, Map.of(INVESTIGATION_OUTCOME, InvestigationOutcome.ON_HOLD.value(),
          ON_HOLD_REASON, reason, ON_HOLD_NOTE, "On hold with major incident " + parent));
      note(child, by, "On hold with major incident " + parent + " (" + reason + "); resumes when it resumes");
      LOG.info("{}: on hold with major incident {} ({})", child, parent, reason);
      return null;
    });
  }

  /** Resumes {@code child} when major incident {@code parent} put it on hold and it still waits; else nothing. */
  public void resume(String child, String parent, String by) {
    MajorIncidents.asProcess(() -> {
      IncidentState incident = instances.state(child);
      if (!incident.running() || !IncidentStatus.ON_HOLD.name().equals(incident.status())
          || !parent.equals(runtime.getVariable(incident.processInstanceId(), HELD_WITH_PARENT))) {
        return null;
      }
      steps.complete(incident, Commenting.AWAIT_INFORMATION, Map.of());
      note(child, by, "Resumed with major incident " + parent);
      LOG.info("{}: resumed with major incident {}", child, parent);
      return null;
    });
  }

  private void note(String child, String by, String text) {
    comments.add(new Comment(child, EngineClock.now(), IncidentComments.Author.AGENT.value(), by, text,
        Visibility.INTERNAL));
  }
}
