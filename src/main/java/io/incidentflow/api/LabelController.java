package io.incidentflow.api;

import io.incidentflow.incident.Labels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/labels}: the words people read for the values of an incident, as mails, closure records and
 * Tasklist's forms use them, for clients that show incidents (a Tasklist plugin, a portal). For anyone logged in
 * at {@code /api}: the catalogue says nothing about any incident.
 */
@RestController
@Tag(name = "Labels", description = "The words people read for the values of an incident")
public class LabelController {

  static final String LABELS = "/api/labels";

  private final Labels labels;

  public LabelController(Labels labels) {
    this.labels = labels;
  }

  @Operation(summary = "The label of every value of every field, by field and value",
      description = "Fields are the process variables (status, channel, affectedService, impact, urgency, category,"
          + " assignmentGroup, resolutionCode, onHoldReason, triageDecision, investigationOutcome, priority), e.g."
          + " {\"status\": {\"ON_HOLD\": \"On hold\"}, \"channel\": {\"email\": \"E-mail\"}}; fields and values in"
          + " the order a form lists them.")
  @GetMapping(path = LABELS, produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Map<String, String>> labels() {
    return labels.all();
  }
}
