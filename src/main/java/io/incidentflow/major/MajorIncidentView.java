package io.incidentflow.major;

import java.time.Instant;
import java.util.List;

/**
 * A major incident as the API and the Tasklist workspace show it: where it stands, who holds which role (and every
 * change of hands), its linked incidents, its update cadence and its review.
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
    List<MajorIncidentRoles.RoleChange> roleChanges) {
}
