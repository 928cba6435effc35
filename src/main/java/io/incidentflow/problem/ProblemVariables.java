package io.incidentflow.problem;

import io.incidentflow.incident.IncidentVariables;

/**
 * The variables of a problem (process {@code ProblemManagementProcess}) and the ones problem management adds
 * to an incident's tasks. The problem shares the reporting names of an incident where they mean the same
 * ({@code shortDescription}, {@code description}, {@code affectedService}, {@code category}, from
 * {@code IncidentVariables}); the incident's link to its problem is {@code IncidentVariables}' neighbour
 * {@link #PROBLEM_NUMBER}.
 */
public final class ProblemVariables {

  /** The problem's number ({@code PRB} + 7 digits, also its business key); on an incident, the problem it is linked to. */
  public static final String PROBLEM_NUMBER = IncidentVariables.PROBLEM_NUMBER;
  /** The incidents a problem was raised with, comma-separated (the links themselves are in problem_incident). */
  public static final String INCIDENT_NUMBERS = "incidentNumbers";
  /** The other recurring incidents a proposal names (comma-separated); Link recurring incidents links the open ones. */
  public static final String RECURRING_INCIDENTS = "recurringIncidents";
  public static final String RAISED_BY = "raisedBy";
  /** How the problem came about: {@link ProblemSource}. */
  public static final String PROBLEM_SOURCE = "problemSource";
  /** True when ProblemCandidate proposed it: a problem manager accepts or rejects it first. */
  public static final String PROPOSED = "proposed";
  public static final String PROPOSAL_ACCEPTED = "proposalAccepted";
  public static final String REVIEW_COMMENT = "reviewComment";
  /** {@link ProblemStatus}. */
  public static final String PROBLEM_STATUS = "problemStatus";
  public static final String ROOT_CAUSE = "rootCause";
  public static final String WORKAROUND_AVAILABLE = "workaroundAvailable";
  public static final String SYMPTOM = "symptom";
  public static final String WORKAROUND = "workaround";
  /** Whether publishing the workaround also mails it to the callers of the linked open incidents. */
  public static final String NOTIFY_CALLERS = "notifyCallers";
  public static final String FIX_DESCRIPTION = "fixDescription";
  /** The change that delivers the fix, e.g. {@code CHG0004711}. */
  public static final String CHANGE_REFERENCE = "changeReference";
  /** Who last completed a step of the problem. */
  public static final String PROBLEM_MANAGER = "problemManager";

  /** On an incident's triage and investigation: the known errors that match it, as the form shows them. */
  public static final String KNOWN_ERROR_MATCHES = "knownErrorMatches";
  /** On an incident's triage and investigation: the known error (its problem's number) the agent applies. */
  public static final String KNOWN_ERROR_NUMBER = "knownErrorNumber";
  /** On an incident's investigation: raise a problem with this incident linked. */
  public static final String RAISE_PROBLEM = "raiseProblem";
  /** On an incident's triage and investigation: the resolution is reusable knowledge. */
  public static final String REUSABLE = "reusable";

  private ProblemVariables() {
  }
}
