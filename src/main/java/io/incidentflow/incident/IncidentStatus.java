package io.incidentflow.incident;

import java.util.List;

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
  CANCELED;

  /** The statuses with work still to do: the backlog. */
  public static final List<IncidentStatus> OPEN = List.of(NEW, ASSIGNED, IN_PROGRESS, ON_HOLD);

  /** Whether work on the incident is still to do ({@link #OPEN}). */
  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
