package io.incidentflow.major;

/**
 * The variables of a major incident's process (and the inputs and outputs of its decisions). The major incident
 * also carries the incident's own {@code incidentNumber}, {@code shortDescription}, {@code affectedService},
 * {@code priority}, {@code priorityLabel} and {@code taskPriority}, as they were when it was raised.
 */
public final class MajorIncidentVariables {

  /** How it came about: {@link Origin}. */
  public static final String MAJOR_ORIGIN = "majorOrigin";
  /** Why: the rule's description, or the words of whoever promoted it. */
  public static final String MAJOR_REASON = "majorReason";
  /** Where it stands: {@link MajorStatus}. */
  public static final String MAJOR_STATUS = "majorStatus";
  public static final String RAISED_AT = "raisedAt";
  public static final String RAISED_BY = "raisedBy";
  public static final String DECLARED_AT = "declaredAt";
  public static final String DECLARED_BY = "declaredBy";
  public static final String PROPOSAL_ACCEPTED = "proposalAccepted";
  public static final String PROPOSAL_REASON = "proposalReason";

  public static final String INCIDENT_COMMANDER = "incidentCommander";
  public static final String COMMUNICATIONS_LEAD = "communicationsLead";
  /** The engaged groups, comma-separated (the form's field; the API takes a list). */
  public static final String ENGAGED_GROUPS = "engagedGroups";
  /** The group of one Group engaged event subprocess (local to it). */
  public static final String ENGAGED_GROUP = "engagedGroup";
  public static final String RESTORATION_NOTE = "restorationNote";

  /** Review proposed linked incidents (local to its task): the proposals it shows, as lines of text, and how many. */
  public static final String PROPOSED_INCIDENTS = "proposedIncidents";
  public static final String PROPOSED_COUNT = "proposedCount";
  /** How many more proposals waited when the review began: the next review shows them. */
  public static final String PROPOSALS_WAITING = "proposalsWaiting";
  /** The numbers of the proposed incidents to link, comma-separated: all that it shows until the commander edits it. */
  public static final String LINKED_INCIDENTS = "linkedIncidents";
  /** The review task whose decision the link step carries out (local to the event subprocess). */
  public static final String CHILD_REVIEW = "childReview";

  /** The incident proposed as a child, in one Child incident proposed event subprocess (local to it), and whether the
   * commander linked it: in major incidents started before proposals were reviewed together. */
  public static final String CHILD_INCIDENT_NUMBER = "childIncidentNumber";
  public static final String CHILD_ACCEPTED = "childAccepted";

  /** CommunicationCadence's inputs, outputs and what the cadence keeps. */
  public static final String UPDATES_POSTED = "updatesPosted";
  public static final String MINUTES_SINCE_DECLARATION = "minutesSinceDeclaration";
  public static final String COMMUNICATION_PHASE = "communicationPhase";
  public static final String UPDATE_INTERVAL = "updateInterval";
  public static final String UPDATE_AUDIENCE = "updateAudience";
  public static final String UPDATE_DUE = "updateDue";
  public static final String STAKEHOLDER_UPDATE = "stakeholderUpdate";
  public static final String LAST_UPDATE_AT = "lastUpdateAt";

  /** MajorIncidentTrigger's inputs and output. */
  public static final String MAJOR_INCIDENT_OPEN_ON_SERVICE = "majorIncidentOpenOnService";
  public static final String RECENT_INCIDENTS_ON_SERVICE = "recentIncidentsOnService";
  public static final String MAJOR_INCIDENT_ACTION = "majorIncidentAction";

  /** ParentChildSync's inputs and output. */
  public static final String PARENT_CHANGE = "parentChange";
  public static final String CHILD_STATUS = "childStatus";
  public static final String COPY_TO_CHILD = "copyToChild";
  /** Why the incident a major incident was declared from is on hold, as its hold reached the major incident. */
  public static final String PARENT_ON_HOLD_REASON = "parentOnHoldReason";
  /** On a linked incident: the number of the major incident whose hold put it on hold (cleared when it resumes). */
  public static final String HELD_WITH_PARENT = "heldWithParent";

  /** The post-incident review: when it is due (PostIncidentReviewDue) and what it records. */
  public static final String REVIEW_WITHIN_DAYS = "reviewWithinDays";
  public static final String REVIEW_DAYS = "reviewDays";
  public static final String REVIEW_DUE = "reviewDue";
  public static final String REVIEW_TIMELINE = "reviewTimeline";
  public static final String ROOT_CAUSE = "rootCause";
  public static final String WENT_WELL = "wentWell";
  public static final String WENT_BADLY = "wentBadly";
  public static final String ACTION_ITEMS = "actionItems";
  public static final String RESOLVED_AT = "resolvedAt";

  private MajorIncidentVariables() {
  }

  /** How a major incident came about. */
  public enum Origin {
    /** MajorIncidentTrigger proposed it: an incident manager accepts or rejects. */
    PROPOSED,
    /** MajorIncidentTrigger declared it. */
    DECLARED,
    /** Someone promoted the incident by hand. */
    PROMOTED;

    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Where a major incident stands ({@code majorStatus}). */
  public enum MajorStatus {
    PROPOSED, DECLARED, RESOLVED, CLOSED, REJECTED, WITHDRAWN;

    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
