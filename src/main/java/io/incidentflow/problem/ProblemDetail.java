package io.incidentflow.problem;

import java.time.Instant;
import java.util.List;

/** A problem as the API shows it: its record, its linked incidents and what its steps recorded so far. */
public record ProblemDetail(String problemNumber, String shortDescription, String description, String affectedService,
    String category, String status, String source, String raisedBy, Instant raisedAt, Instant closedAt,
    List<String> incidents, String rootCause, String symptom, String workaround, String fixDescription,
    String changeReference, String reviewComment) {
}
