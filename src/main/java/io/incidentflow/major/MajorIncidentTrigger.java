package io.incidentflow.major;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.CHANNEL;
import static io.incidentflow.incident.IncidentVariables.PARENT_INCIDENT_NUMBER;
import static io.incidentflow.incident.IncidentVariables.PRIORITY;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_INCIDENT_ACTION;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_INCIDENT_OPEN_ON_SERVICE;
import static io.incidentflow.major.MajorIncidentVariables.RECENT_INCIDENTS_ON_SERVICE;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.incident.IncidentProcess;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.major.MajorIncidentVariables.Origin;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks {@code dmn/MajorIncidentTrigger.dmn} (the latest deployed version) about an incident just prioritized or
 * re-prioritized, and does what it answers: {@code declare} or {@code propose} a major incident from it,
 * {@code propose-child} it to the major incident already open on its service, or nothing. {@link
 * MajorIncidentTriggerHook} calls it from the incident's model; {@code incident-flow.major.automatic-trigger}
 * switches it off. An incident already linked, or already a major incident, is not asked about again, nor one whose
 * priority is the one it was last asked about with.
 */
@Component
public class MajorIncidentTrigger {

  /** The priority the incident was last asked about with, on the incident: a re-prioritization to the same is no news. */
  static final String TRIGGER_PRIORITY = "majorTriggerPriority";
  private static final Logger LOG = LoggerFactory.getLogger(MajorIncidentTrigger.class);

  private final MajorIncidentSettings settings;
  private final MajorIncidents majorIncidents;
  private final DecisionService decisions;
  private final JdbcTemplate jdbc;

  public MajorIncidentTrigger(MajorIncidentSettings settings, MajorIncidents majorIncidents, DecisionService decisions,
      DataSource dataSource) {
    this.settings = settings;
    this.majorIncidents = majorIncidents;
    this.decisions = decisions;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Evaluates the trigger for the incident of {@code execution}, whose priority has just been decided. */
  public void evaluate(DelegateExecution execution) {
    String number = IncidentNumbers.of(execution);
    Object priority = execution.getVariable(PRIORITY);
    if (!settings.automaticTrigger() || number == null || execution.getVariable(PARENT_INCIDENT_NUMBER) != null
        || Objects.equals(execution.getVariable(TRIGGER_PRIORITY), priority)
        || majorIncidents.running(number).isPresent()) {
      return;
    }
    execution.setVariable(TRIGGER_PRIORITY, priority);
    String service = (String) execution.getVariable(AFFECTED_SERVICE);
    Optional<String> openMajor = majorIncidents.declaredOn(service, number);
    long recent = recentOnService(service, number);
    Map<String, Object> inputs = Variables.createVariables().putValue(PRIORITY, priority)
        .putValue(AFFECTED_SERVICE, service).putValue(CHANNEL, execution.getVariable(CHANNEL))
        .putValue(RECENT_INCIDENTS_ON_SERVICE, recent).putValue(MAJOR_INCIDENT_OPEN_ON_SERVICE, openMajor.isPresent());
    String action = MajorIncidents.asProcess(() -> decisions.evaluateDecisionTableByKey(
        MajorIncidentProcess.DECISION_TRIGGER).variables(inputs).evaluate().getSingleResult()
        .getEntry(MAJOR_INCIDENT_ACTION));
    LOG.info("{}: MajorIncidentTrigger says {} (P{}, {}, {} open on the service in {}, major incident open: {})",
        number, action, priority, service, recent, settings.clusterWindow(), openMajor.orElse("none"));
    String reason = "MajorIncidentTrigger: P" + priority + " on " + service + ", " + recent + " open incident"
        + (recent == 1 ? "" : "s") + " on it reported within " + settings.clusterWindow().toMinutes()
        + " minutes, via " + execution.getVariable(CHANNEL);
    switch (action) {
      case "declare" -> majorIncidents.raise(IncidentNumbers.variablesOf(execution), Origin.DECLARED, reason,
          MajorIncidentProcess.DECISION_TRIGGER, null);
      case "propose" -> majorIncidents.raise(IncidentNumbers.variablesOf(execution), Origin.PROPOSED, reason,
          MajorIncidentProcess.DECISION_TRIGGER, null);
      case "propose-child" -> openMajor.ifPresentOrElse(parent -> majorIncidents.proposeChild(parent, number),
          () -> LOG.warn("{}: MajorIncidentTrigger proposes it as a child, but no major incident is open on {}",
              number, service));
      default -> {
        // "none": an ordinary incident.
      }
    }
  }

  /**
   * The incidents on {@code service} reported within the cluster window and not closed or canceled, the one asked
   * about included. Counted in the read model by its index on service and time: every report asks, and in an outage
   * the engine's history query (a variable filter on every unfinished instance) cost more than the rest of the report.
   */
  private long recentOnService(String service, String number) {
    Long others = jdbc.queryForObject("SELECT COUNT(*) FROM incident_summary WHERE affected_service = ?"
        + " AND reported_at >= ? AND status NOT IN (?, ?) AND incident_number <> ?", Long.class, service,
        Timestamp.from(EngineClock.now().minus(settings.clusterWindow())), IncidentStatus.CLOSED.name(),
        IncidentStatus.CANCELED.name(), number);
    return (others == null ? 0 : others) + 1;
  }
}
