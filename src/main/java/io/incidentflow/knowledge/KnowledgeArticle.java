package io.incidentflow.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * One thing the service desk knows: a known error ({@code kind} {@code known-error}, {@code reference} the
 * problem's number) or a resolution an agent marked reusable ({@code resolution}, the incident's number).
 * {@code active} is false for a retired known error (its problem was fixed).
 */
public record KnowledgeArticle(String kind, String reference, String title, String symptom, String cause,
    String workaround, List<String> services, String category, boolean active, String createdBy, Instant createdAt) {

  /** The kind of a problem's known error. */
  public static final String KNOWN_ERROR = "known-error";
  /** The kind of an incident's resolution marked reusable. */
  public static final String RESOLUTION = "resolution";
}
