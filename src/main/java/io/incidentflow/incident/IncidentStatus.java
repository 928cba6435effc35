package io.incidentflow.incident;

/** The status values of an incident (the {@code status} variable), as DESIGN.md defines them. */
public enum IncidentStatus {
  /** Reported, not yet routed. */
  NEW,
  /** Routed to a group, nobody working on it yet. */
  ASSIGNED,
  /** An agent has taken it. */
  IN_PROGRESS,
  /** Waiting for caller, vendor or change; {@code onHoldReason} says which. */
  ON_HOLD,
  /** Fix given, waiting for the caller's confirmation or auto-close. */
  RESOLVED,
  CLOSED,
  /** Not an incident, or a duplicate. */
  CANCELED
}
