package io.incidentflow.major;

/**
 * The process of a major incident, {@code processes/MajorIncidentProcess.bpmn}: its key, the steps and messages the
 * application addresses. Its business key is the number of the incident it was declared from.
 */
public final class MajorIncidentProcess {

  public static final String KEY = "MajorIncidentProcess";

  public static final String TASK_REVIEW_PROPOSAL = "Task_ReviewMajorIncidentProposal";
  public static final String TASK_ASSIGN_ROLES = "Task_AssignMajorIncidentRoles";
  public static final String TASK_POST_UPDATE = "Task_PostStakeholderUpdate";
  public static final String TASK_RESTORE_SERVICE = "Task_RestoreService";
  /** The review of the reports proposed as children, up to {@link ChildReviews#MAX_PER_REVIEW} at a time. */
  public static final String TASK_REVIEW_CHILDREN = "Task_ReviewProposedChildren";
  /** One proposed child's review, in major incidents started before proposals were reviewed together. */
  public static final String TASK_REVIEW_CHILD = "Task_ReviewChildIncident";
  public static final String TASK_HOLD_REVIEW = "Task_HoldPostIncidentReview";

  /** The incident the major incident was declared from is resolved: the run ends, the review begins. */
  public static final String MESSAGE_RESOLVED = "MajorIncidentResolved";
  /** A group is engaged: it gets a mail and a Restore service task. */
  public static final String MESSAGE_GROUP_ENGAGED = "MajorIncidentGroupEngaged";
  /** Reports on the same service are proposed as children: a review of those waiting begins. */
  public static final String MESSAGE_CHILD_PROPOSED = "MajorIncidentChildProposed";
  /** The incident a running major incident was declared from went on hold (carries {@code parentOnHoldReason}). */
  public static final String MESSAGE_HELD = "MajorIncidentHeld";
  /** The incident a running major incident was declared from resumed from its hold. */
  public static final String MESSAGE_RESUMED = "MajorIncidentResumed";

  /** The decisions the application evaluates outside the model. */
  public static final String DECISION_TRIGGER = "MajorIncidentTrigger";
  public static final String DECISION_SYNC = "ParentChildSync";

  private MajorIncidentProcess() {
  }
}
