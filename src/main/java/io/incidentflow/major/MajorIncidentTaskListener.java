package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.ACTION_ITEMS;
import static io.incidentflow.major.MajorIncidentVariables.CHILD_ACCEPTED;
import static io.incidentflow.major.MajorIncidentVariables.COMMUNICATIONS_LEAD;
import static io.incidentflow.major.MajorIncidentVariables.ENGAGED_GROUPS;
import static io.incidentflow.major.MajorIncidentVariables.INCIDENT_COMMANDER;
import static io.incidentflow.major.MajorIncidentVariables.PROPOSAL_ACCEPTED;
import static io.incidentflow.major.MajorIncidentVariables.PROPOSAL_REASON;
import static io.incidentflow.major.MajorIncidentVariables.REVIEW_TIMELINE;
import static io.incidentflow.major.MajorIncidentVariables.ROOT_CAUSE;
import static io.incidentflow.major.MajorIncidentVariables.STAKEHOLDER_UPDATE;
import static io.incidentflow.major.MajorIncidentVariables.WENT_BADLY;
import static io.incidentflow.major.MajorIncidentVariables.WENT_WELL;

import io.incidentflow.incident.InputCheck;
import io.incidentflow.major.MajorIncidentRoles.Role;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The user tasks of a major incident. Created, each goes to whom its role names (the commander's tasks to the
 * incident commander, the updates to the communications lead; their candidate group, the incident managers, while
 * nobody is named), and the review gets its timeline. Completed, what the form gives is checked as the form checks
 * it and more (the people and groups exist, an accepting manager commands), and the roles it changes are recorded.
 * The review of proposed children is {@link ChildReviews}'.
 */
@Component("majorIncidentTaskListener")
public class MajorIncidentTaskListener implements TaskListener {

  static final int REASON_MAX = 2000;
  static final int TEXT_MAX = 4000;
  /** As every text of a form: the engine keeps at most 4,000 characters in a text variable. */
  static final int ACTION_ITEMS_MAX = 4000;
  /** Who reviewed the proposed children: the link names them. */
  static final String CHILD_REVIEWED_BY = "childReviewedBy";
  /** Who held the post-incident review. */
  static final String REVIEW_HELD_BY = "reviewHeldBy";

  private final MajorIncidentRoles roles;
  private final MajorIncidentStaff staff;
  private final MajorIncidentReviews reviews;
  private final MajorIncidents majorIncidents;
  private final ChildReviews childReviews;

  public MajorIncidentTaskListener(MajorIncidentRoles roles, MajorIncidentStaff staff, MajorIncidentReviews reviews,
      MajorIncidents majorIncidents, ChildReviews childReviews) {
    this.majorIncidents = majorIncidents;
    this.childReviews = childReviews;
    this.roles = roles;
    this.staff = staff;
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task);
    } else if (EVENTNAME_DELETE.equals(task.getEventName())
        && MajorIncidentProcess.TASK_REVIEW_CHILDREN.equals(task.getTaskDefinitionKey())) {
      childReviews.cancelled(task);
    }
  }

  private void created(DelegateTask task) {
    String holder = (String) task.getVariable(MajorIncidentProcess.TASK_POST_UPDATE.equals(task.getTaskDefinitionKey())
        ? COMMUNICATIONS_LEAD : INCIDENT_COMMANDER);
    if (holder != null) {
      task.setAssignee(holder);
    }
    if (MajorIncidentProcess.TASK_HOLD_REVIEW.equals(task.getTaskDefinitionKey())) {
      task.setVariable(REVIEW_TIMELINE, MajorIncidentReviews.asText(reviews.timeline(task.getExecution())));
    } else if (MajorIncidentProcess.TASK_REVIEW_CHILDREN.equals(task.getTaskDefinitionKey())) {
      childReviews.opened(task);
    }
  }

  private void completed(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    String actor = MajorIncidentStaff.actor(task);
    InputCheck check = InputCheck.of(task);
    switch (task.getTaskDefinitionKey()) {
      case MajorIncidentProcess.TASK_REVIEW_PROPOSAL -> {
        check.requireBoolean(PROPOSAL_ACCEPTED).requireText(PROPOSAL_REASON, REASON_MAX);
        boolean accepted = Boolean.TRUE.equals(task.getVariable(PROPOSAL_ACCEPTED));
        check.require(!accepted || actor != null, PROPOSAL_ACCEPTED,
            "is accepted by an incident manager who takes command: claim the task first");
        check.orThrow();
        if (accepted) {
          task.setVariable(INCIDENT_COMMANDER, actor);
          roles.record(number, Role.INCIDENT_COMMANDER, null, actor, actor, (String) task.getVariable(PROPOSAL_REASON));
        }
      }
      case MajorIncidentProcess.TASK_ASSIGN_ROLES -> assignRoles(task, number, actor, check);
      case MajorIncidentProcess.TASK_POST_UPDATE -> check.requireText(STAKEHOLDER_UPDATE, TEXT_MAX).orThrow();
      case MajorIncidentProcess.TASK_REVIEW_CHILDREN -> childReviews.completed(task, check, actor);
      case MajorIncidentProcess.TASK_REVIEW_CHILD -> {
        // A major incident started before proposals were reviewed together: one proposal per task.
        check.requireBoolean(CHILD_ACCEPTED).orThrow();
        check.require(actor != null, CHILD_ACCEPTED, "is decided by an incident manager: claim the task first").orThrow();
        task.setVariable(CHILD_REVIEWED_BY, actor);
      }
      case MajorIncidentProcess.TASK_HOLD_REVIEW -> {
        check.requireText(ROOT_CAUSE, TEXT_MAX).requireText(WENT_WELL, TEXT_MAX).requireText(WENT_BADLY, TEXT_MAX)
            .requireText(ACTION_ITEMS, ACTION_ITEMS_MAX);
        if (!check.failed()) {
          ActionItems.parse((String) task.getVariable(ACTION_ITEMS), ACTION_ITEMS, check);
        }
        check.orThrow();
        task.setVariable(REVIEW_HELD_BY, actor);
      }
      default -> {
        // Restore service: the group's note is optional and checked by its form.
      }
    }
  }

  /** The communications lead and the groups to engage; the commander is whoever names them, if none was yet. */
  private void assignRoles(DelegateTask task, String number, String actor, InputCheck check) {
    staff.requireUser(check, COMMUNICATIONS_LEAD, task.getVariable(COMMUNICATIONS_LEAD), null);
    List<String> groups = staff.requireGroups(check, ENGAGED_GROUPS, task.getVariable(ENGAGED_GROUPS), true);
    check.orThrow();
    String commander = (String) task.getVariable(INCIDENT_COMMANDER);
    if (commander == null && actor != null) {
      task.setVariable(INCIDENT_COMMANDER, actor);
      roles.record(number, Role.INCIDENT_COMMANDER, null, actor, actor, null);
      commander = actor;
    }
    String by = actor == null ? MajorIncidentStaff.commanders() : actor;
    String lead = (String) task.getVariable(COMMUNICATIONS_LEAD);
    roles.record(number, Role.COMMUNICATIONS_LEAD, null, lead, by, null);
    // The update the cadence asked for before the lead was named is the lead's now.
    majorIncidents.handOver(task.getProcessInstanceId(), Role.COMMUNICATIONS_LEAD, lead);
    // Groups engaged through the API before the roles were assigned stay engaged.
    Set<String> engaged = new LinkedHashSet<>(roles.engagedGroups(number));
    engaged.addAll(groups);
    task.setVariable(ENGAGED_GROUPS, String.join(", ", engaged));
  }
}
