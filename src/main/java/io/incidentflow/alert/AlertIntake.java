package io.incidentflow.alert;

import static io.incidentflow.incident.IncidentVariables.CALLER_EMAIL;
import static io.incidentflow.incident.IncidentVariables.CALLER_NAME;
import static io.incidentflow.incident.IncidentVariables.CHANNEL;
import static io.incidentflow.incident.IncidentVariables.DESCRIPTION;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;

import io.incidentflow.alert.AlertmanagerWebhook.Alert;
import io.incidentflow.comment.IncidentComments;
import io.incidentflow.incident.Codes.Channel;
import io.incidentflow.incident.ConcurrentRequests;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentProcess;
import io.incidentflow.incident.IncidentVariables;
import io.incidentflow.incident.InvalidIncidentInputException;
import io.incidentflow.intake.RegisterIncidentDelegate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns Alertmanager's alerts into incidents, one per fingerprint while that incident is open. A firing
 * alert without an open incident reports one (channel {@code monitoring}; service, impact and urgency
 * from its labels by the DMN {@code AlertClassification}); a firing alert with one only counts an
 * occurrence, a cheap update that never touches the process; a resolved alert records "alert cleared"
 * on the incident and correlates the message {@code AlertCleared} to it, whose event subprocess tells
 * the group. Who may open the incident is settled by the unique index of
 * {@link OpenAlerts}: the loser of a race counts an occurrence on the winner's incident.
 */
@Service
public class AlertIntake {

  static final String DECISION = "AlertClassification";
  /** The message of the incident's model that tells it an alert behind it has cleared ({@code Message_AlertCleared}). */
  static final String ALERT_CLEARED_MESSAGE = "AlertCleared";
  private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);
  /** How long a firing alert waits for a concurrent one that is opening the same fingerprint's incident. */
  private static final Duration CONCURRENT_OPEN_WAIT = Duration.ofSeconds(20);
  /** How much of an alert's name is kept (the column monitoring_alert.alert_name). */
  static final int ALERT_NAME_MAX = 200;
  /** How much of a label the classification reads: a service name or a severity, never a text. */
  static final int LABEL_MAX = 200;
  /** How much of a timestamp Alertmanager sends is quoted back (RFC 3339 needs 35 characters at most). */
  private static final int TIMESTAMP_MAX = 40;

  private final OpenAlerts alerts;
  private final RuntimeService runtime;
  private final DecisionService decisions;
  private final IncidentComments comments;
  private final AlertSettings settings;
  private final TransactionTemplate transactions;

  public AlertIntake(OpenAlerts alerts, RuntimeService runtime, DecisionService decisions, IncidentComments comments,
      AlertSettings settings, TransactionTemplate transactions) {
    this.alerts = alerts;
    this.runtime = runtime;
    this.decisions = decisions;
    this.comments = comments;
    this.settings = settings;
    this.transactions = transactions;
  }

  /** What became of one alert: {@code created}, {@code occurrence}, {@code cleared} or {@code ignored}. */
  public record Outcome(String fingerprint, String status, String outcome, String incidentNumber) {
  }

  /** Takes one firing alert: a new incident, or an occurrence on the open one. */
  public Outcome firing(Alert alert) {
    Instant now = EngineClock.now();
    // Another request opening this fingerprint's incident, or counting on it, makes this one lose a race:
    // once the other commits, this is an occurrence.
    return ConcurrentRequests.retry(CONCURRENT_OPEN_WAIT, () -> {
      Optional<String> open = transactions.execute(tx -> alerts.addOccurrence(alert.fingerprint(), now));
      if (open.isPresent()) {
        return Optional.of(new Outcome(alert.fingerprint(), alert.status(), "occurrence", open.get()));
      }
      String number = transactions.execute(tx -> {
        alerts.open(alert.fingerprint(), alertName(alert), now);
        String incident = report(alert);
        alerts.attach(alert.fingerprint(), incident);
        return incident;
      });
      LOG.info("{} reported for alert {} ({})", number, alertName(alert), alert.fingerprint());
      return Optional.of(new Outcome(alert.fingerprint(), alert.status(), "created", number));
    }, lostRace -> new IllegalStateException("Alert " + alert.fingerprint() + ": another request was still opening"
        + " its incident after " + CONCURRENT_OPEN_WAIT.toSeconds() + " s", lostRace));
  }

  /**
   * Takes one resolved alert: "alert cleared" on its open incident, and a mail to the assigned group. A
   * job of the same incident (its SLA timer) changing it at that moment makes the clearing try again.
   */
  public Outcome resolved(Alert alert, String client) {
    return ConcurrentRequests.retry(CONCURRENT_OPEN_WAIT, () -> Optional.of(clear(alert, client)),
        lostRace -> new IllegalStateException("Alert " + alert.fingerprint() + ": its incident kept changing for "
            + CONCURRENT_OPEN_WAIT.toSeconds() + " s while the clearing was recorded", lostRace));
  }

  private Outcome clear(Alert alert, String client) {
    Instant now = EngineClock.now();
    Optional<String> cleared = transactions.execute(tx -> {
      Optional<String> incident = alerts.clear(alert.fingerprint(), now);
      incident.ifPresent(number -> {
        comments.add(new IncidentComments.Comment(number, now, IncidentComments.MONITORING, client,
            "Alert cleared: " + alertName(alert)
                + (alert.endsAt() == null ? "" : " (ended " + cut(alert.endsAt(), TIMESTAMP_MAX) + ")"),
            IncidentComments.Visibility.INTERNAL));
        // The incident's model tells the group (SubProcess_AlertCleared); an incident that has ended hears nothing.
        runtime.createMessageCorrelation(ALERT_CLEARED_MESSAGE).processInstanceBusinessKey(number)
            .setVariable(IncidentVariables.CLEARED_ALERT, alertName(alert)).correlateAllWithResult();
      });
      return incident;
    });
    return cleared.map(number -> new Outcome(alert.fingerprint(), alert.status(), "cleared", number))
        .orElseGet(() -> new Outcome(alert.fingerprint(), alert.status(), "ignored", null));
  }

  /** Starts the incident of a firing alert; returns its number. */
  private String report(Alert alert) {
    DmnDecisionResult classification = decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.createVariables().putValue("service", cut(service(alert), LABEL_MAX))
            .putValue("severity", cut(alert.label("severity"), LABEL_MAX)))
        .evaluate();
    Map<String, Object> variables = new HashMap<>(classification.getSingleResult().getEntryMap());
    variables.put(SHORT_DESCRIPTION, cut(shortDescription(alert), RegisterIncidentDelegate.SHORT_DESCRIPTION_MAX));
    variables.put(DESCRIPTION, cut(description(alert), RegisterIncidentDelegate.DESCRIPTION_MAX));
    variables.put(CALLER_NAME, settings.callerName());
    variables.put(CALLER_EMAIL, settings.callerEmail());
    variables.put(CHANNEL, Channel.MONITORING.value());
    try {
      return runtime.startProcessInstanceByKey(IncidentProcess.KEY, variables).getBusinessKey();
    } catch (InvalidIncidentInputException invalid) {
      // Not the sender's fault: the classification gave values the incident refuses. Alertmanager retries a 500.
      throw new IllegalStateException("The decision " + DECISION + " classified alert " + alertName(alert) + " as "
          + classification.getSingleResult().getEntryMap() + ", which an incident does not accept: " + invalid.getMessage(),
          invalid);
    }
  }

  /** The {@code service} label, else Prometheus' {@code job}: what the classification maps to a service. */
  private static String service(Alert alert) {
    String service = alert.label("service");
    return service.isBlank() ? alert.label("job") : service;
  }

  /** The {@code alertname} label, as much of it as is kept; labels and annotations may be of any length. */
  static String alertName(Alert alert) {
    String name = alert.label("alertname");
    return cut(name.isBlank() ? "alert " + alert.fingerprint() : name, ALERT_NAME_MAX);
  }

  private static String shortDescription(Alert alert) {
    String summary = alert.annotation("summary").strip();
    return summary.isEmpty() ? alertName(alert) : summary;
  }

  /** The alert as the agent needs it: what, since when, every label and annotation, and where to look. */
  static String description(Alert alert) {
    StringBuilder text = new StringBuilder("Prometheus alert ").append(alertName(alert)).append(" is firing");
    if (alert.startsAt() != null) {
      text.append(" since ").append(alert.startsAt());
    }
    text.append('.');
    String description = alert.annotation("description").strip();
    if (!description.isEmpty()) {
      text.append("\n\n").append(description);
    }
    text.append("\n\nLabels:");
    new TreeMap<>(alert.labels() == null ? Map.of() : alert.labels())
        .forEach((name, value) -> text.append("\n  ").append(name).append(": ").append(value));
    text.append("\n\nAnnotations:");
    new TreeMap<>(alert.annotations() == null ? Map.of() : alert.annotations())
        .forEach((name, value) -> text.append("\n  ").append(name).append(": ").append(value));
    if (alert.generatorURL() != null && !alert.generatorURL().isBlank()) {
      text.append("\n\nSource: ").append(alert.generatorURL());
    }
    text.append("\nFingerprint: ").append(alert.fingerprint());
    return text.toString();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
