package io.incidentflow.problem;

import io.incidentflow.incident.CodeList;

/** How a problem came about ({@code problemSource}). */
public enum ProblemSource implements CodeList {
  /** An agent raised it from the investigation form. */
  INVESTIGATION,
  /** Through {@code POST /api/problems}. */
  API,
  /** Proposed by ProblemCandidate when incidents recur. */
  RECURRENCE,
  /** An action item of a major incident's review. */
  MAJOR_INCIDENT_REVIEW;
}
