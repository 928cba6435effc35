package io.incidentflow.problem;

/** Where a problem stands ({@code problemStatus}). */
public enum ProblemStatus {
  /** ProblemCandidate proposed it; a problem manager decides. */
  PROPOSED,
  /** Accepted or raised: the root cause is sought. */
  OPEN,
  /** Its workaround is published: a known error. */
  KNOWN_ERROR,
  /** The fix is recorded: the linked incidents are resolved. */
  CLOSED,
  /** A proposal a problem manager rejected. */
  REJECTED;

  /** Whether the problem still covers its incidents. */
  public boolean isOpen() {
    return this == PROPOSED || this == OPEN || this == KNOWN_ERROR;
  }
}
