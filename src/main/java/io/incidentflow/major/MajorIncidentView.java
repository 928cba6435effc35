package io.incidentflow.major;

import java.time.Instant;
import java.util.List;

/**
 * A major incident as the API and the Tasklist workspace show it: where it stands, who holds which role (and every
 * change of hands), its linked incidents and the reports proposed as children (with what the commander decided),
 * its update cadence and its review.
 */
public record MajorIncidentView(
    String incidentNumber,
    String status,
    String origin,
    String reason,
    Instant raisedAt,
    String raisedBy,
    Instant declaredAt,
    String declaredBy,
    String incidentCommander,
    String communicationsLead,
    List<String> engagedGroups,
    long updatesPosted,
    Instant lastUpdateAt,
    Instant nextUpdateDue,
    Instant reviewDue,
    boolean reviewHeld,
    List<MajorIncidentChildren.Link> linkedIncidents,
    List<ProposedChild> proposedIncidents,
    List<MajorIncidentRoles.RoleChange> roleChanges) {

  /** A report proposed as a child: {@code decision} null while it waits or is under review. */
  public record ProposedChild(String incidentNumber, Instant proposedAt, String decision, String decidedBy) {

    static ProposedChild of(MajorIncidentChildren.Proposal proposal) {
      return new ProposedChild(proposal.childNumber(), proposal.proposedAt(), proposal.decision(), proposal.decidedBy());
    }
  }
}
