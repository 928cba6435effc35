package io.incidentflow.api;

import io.incidentflow.alert.AlertIntake;
import io.incidentflow.alert.AlertmanagerWebhook.Alert;
import io.incidentflow.alert.AlertmanagerWebhook;
import io.incidentflow.alert.OpenAlerts;
import io.incidentflow.incident.Caller;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.summary.IncidentVisibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/alerts}: the webhook receiver for Prometheus Alertmanager, for machine clients in the
 * group {@code monitoring} (a bearer token from {@code incident-flow.api.tokens}); and the alerts behind
 * an incident, for the staff. A malformed group is refused with 400, which Alertmanager does not retry;
 * only a real failure answers 5xx, which it does retry.
 */
@RestController
@Tag(name = "Alerts", description = "Prometheus Alertmanager webhook receiver")
public class AlertController {

  /** The group of the clients that may send alerts. */
  public static final String SENDERS = "monitoring";
  private static final int FINGERPRINT_MAX = 128;

  private final AlertIntake intake;
  private final OpenAlerts alerts;
  private final IncidentVisibility visibility;

  public AlertController(AlertIntake intake, OpenAlerts alerts, IncidentVisibility visibility) {
    this.intake = intake;
    this.alerts = alerts;
    this.visibility = visibility;
  }

  /** What became of each alert of the group, in the order sent. */
  public record Received(List<AlertIntake.Outcome> alerts) {
  }

  @Operation(summary = "Receive a group of alerts (Alertmanager webhook, payload version 4)",
      description = "A firing alert without an open incident reports one; with one, it counts an occurrence;"
          + " a resolved alert records that it cleared and tells the assigned group.")
  @PostMapping(path = "/api/alerts", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public Received receive(@RequestBody AlertmanagerWebhook webhook, HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    IncidentAccess.require(caller, List.of(SENDERS), "send alerts");
    check(webhook);
    List<AlertIntake.Outcome> outcomes = new ArrayList<>();
    for (Alert alert : webhook.alerts()) {
      outcomes.add(Alert.FIRING.equals(alert.status()) ? intake.firing(alert) : intake.resolved(alert, caller.userId()));
    }
    return new Received(outcomes);
  }

  @Operation(summary = "The alerts behind an incident: occurrences, first and last seen, when cleared")
  @GetMapping(path = "/api/incidents/{incidentNumber}/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<OpenAlerts.AlertRecord> alerts(@PathVariable String incidentNumber, HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    IncidentAccess.requireStaff(caller, "read incidents");
    visibility.requireRead(caller, incidentNumber);
    IncidentNumbers.require(incidentNumber);
    return alerts.of(incidentNumber);
  }

  /** Every fault of the group at once; nothing is taken from a group with one. */
  private static void check(AlertmanagerWebhook webhook) {
    List<FieldError> faults = new ArrayList<>();
    if (!"4".equals(webhook.version())) {
      faults.add(new FieldError("version", "must be \"4\", the Alertmanager webhook payload this receiver reads (was "
          + (webhook.version() == null ? "missing" : "'" + webhook.version() + "'") + ")"));
    }
    if (webhook.alerts() == null || webhook.alerts().isEmpty()) {
      faults.add(new FieldError("alerts", "must list at least one alert"));
    } else {
      for (int i = 0; i < webhook.alerts().size(); i++) {
        Alert alert = webhook.alerts().get(i);
        String at = "alerts[" + i + "].";
        if (alert == null) {
          faults.add(new FieldError("alerts[" + i + "]", "must be an alert"));
          continue;
        }
        if (!Alert.FIRING.equals(alert.status()) && !Alert.RESOLVED.equals(alert.status())) {
          faults.add(new FieldError(at + "status", "must be firing or resolved (was '" + alert.status() + "')"));
        }
        if (alert.fingerprint() == null || alert.fingerprint().isBlank()) {
          faults.add(new FieldError(at + "fingerprint", "is required"));
        } else if (alert.fingerprint().length() > FINGERPRINT_MAX) {
          faults.add(new FieldError(at + "fingerprint", "must be at most " + FINGERPRINT_MAX + " characters"));
        }
      }
    }
    if (!faults.isEmpty()) {
      throw RequestRefusedException.badFields(faults);
    }
  }
}
