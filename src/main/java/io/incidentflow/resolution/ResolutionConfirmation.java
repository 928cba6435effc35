package io.incidentflow.resolution;

import static io.incidentflow.incident.IncidentVariables.CONFIRMATION_COMMENT;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_ACCEPTED;

import io.incidentflow.incident.Caller;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentSteps;
import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import io.incidentflow.incident.InvalidIncidentInputException;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.summary.IncidentSummaries;
import io.incidentflow.summary.IncidentSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The caller's answer to a resolution: completes Confirm resolution, which closes or reopens the incident;
 * given by the service desk on the caller's behalf, or by the caller with a resolution mail's link. One
 * transaction: refused, it changes nothing.
 */
@Service
public class ResolutionConfirmation {

  public static final String CONFIRM_RESOLUTION = "Task_ConfirmResolution";
  public static final String ACCEPTED = "accepted";
  public static final String COMMENT = "comment";
  /** The confirmation's fields as the request names them, by the variable the task listener checks. */
  private static final Map<String, String> REQUEST_FIELDS = Map.of(RESOLUTION_ACCEPTED, ACCEPTED,
      CONFIRMATION_COMMENT, COMMENT);

  private final IncidentInstances instances;
  private final IncidentSummaries summaries;
  private final ResolutionLinks links;
  private final IncidentSteps steps;

  public ResolutionConfirmation(IncidentInstances instances, IncidentSummaries summaries, ResolutionLinks links,
      IncidentSteps steps) {
    this.instances = instances;
    this.summaries = summaries;
    this.links = links;
    this.steps = steps;
  }

  /** Records the caller's answer to the resolution, given by {@code caller} on the caller's behalf. */
  public IncidentSummary confirm(Caller caller, String incidentNumber, Map<String, Object> body) {
    return steps.inTransaction(incidentNumber, () -> {
      IncidentState incident = instances.state(incidentNumber);
      IncidentAccess.requireFollowUp(caller, incident.assignmentGroup(), "confirm the resolution of " + incidentNumber);
      return confirm(incident, body);
    });
  }

  /** Records the caller's answer to the resolution, given with the token of a resolution mail's link. */
  public IncidentSummary confirmWithToken(String incidentNumber, String token, Map<String, Object> body) {
    return steps.inTransaction(incidentNumber, () -> {
      links.redeem(incidentNumber, token);
      return confirm(instances.state(incidentNumber), body);
    });
  }

  /** The incident behind a link, or 403 for a token that is wrong, expired or used: for the page that asks. */
  public IncidentSummary linkedIncident(String incidentNumber, String token) {
    links.check(incidentNumber, token);
    instances.state(incidentNumber).requireResolved();
    return summaries.find(incidentNumber).orElseThrow();
  }

  private IncidentSummary confirm(IncidentState incident, Map<String, Object> body) {
    incident.requireResolved();
    Map<String, Object> variables = new HashMap<>();
    variables.put(RESOLUTION_ACCEPTED, scalar(body, ACCEPTED));
    variables.put(CONFIRMATION_COMMENT, scalar(body, COMMENT));
    try {
      steps.complete(incident, CONFIRM_RESOLUTION, variables);
    } catch (InvalidIncidentInputException invalid) {
      List<FieldError> fields = invalid.getFieldErrors().stream()
          .map(e -> new FieldError(REQUEST_FIELDS.getOrDefault(e.field(), e.field()), e.message())).toList();
      throw RequestRefusedException.badFields(fields);
    }
    return summaries.find(incident.number()).orElseThrow();
  }

  private static Object scalar(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw RequestRefusedException.badField(field, "must be a single value, not an object or a list");
    }
    return value;
  }
}
