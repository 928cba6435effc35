package io.incidentflow.summary;

import java.time.Instant;

/**
 * An incident as lists show it, and as {@code POST /api/incidents} answers: its number, status and
 * classification as decided when it was reported, and its SLA due dates.
 */
public record IncidentSummary(
    String incidentNumber,
    String status,
    Integer priority,
    String priorityLabel,
    String category,
    String assignmentGroup,
    String shortDescription,
    String callerName,
    String affectedService,
    String channel,
    Instant reportedAt,
    Instant responseDue,
    Instant resolutionDue,
    Instant updatedAt) {
}
