package io.incidentflow.incident;

/**
 * The names of the process variables of an incident: the same keys in forms, REST bodies and DMN
 * inputs (see DESIGN.md). Java code refers to variables only through these constants.
 */
public final class IncidentVariables {

  public static final String INCIDENT_NUMBER = "incidentNumber";
  public static final String SHORT_DESCRIPTION = "shortDescription";
  public static final String DESCRIPTION = "description";
  public static final String CALLER_NAME = "callerName";
  public static final String CALLER_EMAIL = "callerEmail";
  public static final String AFFECTED_SERVICE = "affectedService";
  public static final String IMPACT = "impact";
  public static final String URGENCY = "urgency";
  public static final String CHANNEL = "channel";
  public static final String CATEGORY = "category";
  public static final String ASSIGNMENT_GROUP = "assignmentGroup";
  public static final String PRIORITY = "priority";
  public static final String PRIORITY_LABEL = "priorityLabel";
  /** The priority of the incident's tasks, from IncidentPriority: P1 100 ... P5 20, so that Tasklist lists P1 on top. */
  public static final String TASK_PRIORITY = "taskPriority";
  public static final String STATUS = "status";
  public static final String ON_HOLD_REASON = "onHoldReason";
  public static final String ON_HOLD_NOTE = "onHoldNote";
  public static final String RESOLUTION_CODE = "resolutionCode";
  public static final String RESOLUTION_NOTES = "resolutionNotes";
  public static final String REOPEN_COUNT = "reopenCount";
  public static final String REASSIGNMENT_COUNT = "reassignmentCount";
  public static final String ESCALATION_LEVEL = "escalationLevel";
  public static final String REPORTED_AT = "reportedAt";
  public static final String RESPONSE_DUE = "responseDue";
  public static final String RESOLUTION_DUE = "resolutionDue";
  public static final String CLOSED_AT = "closedAt";
  public static final String CLOSURE_SUMMARY = "closureSummary";

  /** The SLA targets of the incident's priority, from the DMN SlaTargets (ISO-8601 durations). */
  public static final String RESPONSE_TARGET = "responseTarget";
  public static final String RESOLUTION_TARGET = "resolutionTarget";
  /** The calendar the SLA targets count in: {@code 24x7} or {@code business-hours} (SlaTargets' {@code calendar}). */
  public static final String SLA_CALENDAR = "slaCalendar";
  /** When the resolution warning falls due, in percent of the resolution target (SlaTargets' {@code warningPercent}). */
  public static final String WARNING_PERCENT = "warningPercent";
  /** The moment of the resolution warning: {@code warningPercent} of the resolution target after the report. */
  public static final String RESOLUTION_WARNING_DUE = "resolutionWarningDue";
  /** When an agent first took the incident (IN_PROGRESS) or resolved it: the end of the response clock. */
  public static final String RESPONDED_AT = "respondedAt";
  public static final String RESPONSE_BREACHED = "responseBreached";
  public static final String RESPONSE_BREACHED_AT = "responseBreachedAt";
  public static final String RESOLUTION_BREACHED = "resolutionBreached";
  public static final String RESOLUTION_BREACHED_AT = "resolutionBreachedAt";
  /** Whether the current on-hold reason stops the resolution clock (DMN SlaPausePolicy). */
  public static final String PAUSE_RESOLUTION_CLOCK = "pauseResolutionClock";
  /** Since when the resolution clock stands still (on hold for a pausing reason, or resolved); null while it runs. */
  public static final String RESOLUTION_PAUSED_SINCE = "resolutionPausedSince";
  /** The working time (seconds, in the SLA calendar) the resolution clock stood still in finished pauses. */
  public static final String RESOLUTION_PAUSED_SECONDS = "resolutionPausedSeconds";
  /** The threshold a timer reached: {@code slaType} {@code response} | {@code resolution}, {@code slaThreshold} {@code warning} | {@code breach}. */
  public static final String SLA_TYPE = "slaType";
  public static final String SLA_THRESHOLD = "slaThreshold";
  /** What the DMN IncidentEscalation decided for the threshold just reached. */
  public static final String NOTIFY_ASSIGNEE = "notifyAssignee";
  public static final String NOTIFY_GROUP_LEAD = "notifyGroupLead";
  public static final String RAISE_TO_INCIDENT_MANAGERS = "raiseToIncidentManagers";

  public static final String TRIAGE_DECISION = "triageDecision";
  public static final String CANCEL_REASON = "cancelReason";
  public static final String INVESTIGATION_OUTCOME = "investigationOutcome";
  /** The agent who last worked the investigation; a resumed incident goes back to them. */
  public static final String INVESTIGATING_AGENT = "investigatingAgent";
  public static final String RESOLVED_BY = "resolvedBy";
  public static final String RESOLVED_AT = "resolvedAt";
  /**
   * The number of what resolved the incident from outside (its major incident {@code INC...} or its problem
   * {@code PRB...}); unset when an agent resolved it. A reopening clears it.
   */
  public static final String RESOLVED_THROUGH = "resolvedThrough";
  public static final String RESOLUTION_ACCEPTED = "resolutionAccepted";
  public static final String CONFIRMATION_COMMENT = "confirmationComment";
  /** The number of the major incident this incident is linked to as a child; unset when it is linked to none. */
  public static final String PARENT_INCIDENT_NUMBER = "parentIncidentNumber";
  /** The problem ({@code PRB...}) this incident is linked to; unset when it is linked to none. */
  public static final String PROBLEM_NUMBER = "problemNumber";
  /** The name of the alert whose clearing monitoring last reported (message {@code AlertCleared}). */
  public static final String CLEARED_ALERT = "clearedAlert";

  /** Mail in: the Message-ID of the caller's mail that reported the incident; the acknowledgement answers it. */
  public static final String CALLER_MESSAGE_ID = "callerMessageId";
  /**
   * Mail in: the incident a new one follows up (a caller's reply after closure, DMN ClosedIncidentReply, or someone
   * else's reply), and how: {@code reopening} (the same fault again) or {@code linked} (something new about it).
   */
  public static final String FOLLOW_UP_OF = "followUpOf";
  public static final String FOLLOW_UP_KIND = "followUpKind";

  private IncidentVariables() {
  }
}
