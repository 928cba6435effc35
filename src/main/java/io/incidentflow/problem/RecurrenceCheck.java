package io.incidentflow.problem;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.CATEGORY;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentStatusObserver;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Proposes a problem when incidents recur. As an incident leaves NEW (routed, or taken at once), it counts the
 * incidents of the same service and category reported in the last 7 and 30 days (the read model's
 * {@code incident_summary}, this one included) and asks the DMN {@code ProblemCandidate} (latest version)
 * whether to propose a problem; an open or proposed problem of that service and category answers no. The
 * proposal links this incident at once; the process links the other recurring ones in a job of its own, so that
 * this step never writes into incidents other agents are working on.
 */
@Component
public class RecurrenceCheck implements IncidentStatusObserver {

  /** The decision that says whether recurring incidents make a problem. */
  public static final String DECISION = "ProblemCandidate";
  private static final Logger LOG = LoggerFactory.getLogger(RecurrenceCheck.class);
  private static final Duration WEEK = Duration.ofDays(7);
  private static final Duration MONTH = Duration.ofDays(30);

  private final JdbcTemplate jdbc;
  private final DecisionService decisions;
  private final ProblemRecords records;
  private final ProblemRaising raising;

  public RecurrenceCheck(DataSource dataSource, DecisionService decisions, ProblemRecords records,
      ProblemRaising raising) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.decisions = decisions;
    this.records = records;
    this.raising = raising;
  }

  @Override
  public void statusChanged(VariableScope scope, IncidentStatus from, IncidentStatus to) {
    if (from != IncidentStatus.NEW || (to != IncidentStatus.ASSIGNED && to != IncidentStatus.IN_PROGRESS)) {
      return;
    }
    IncidentData incident = IncidentData.of(scope);
    String service = incident.text(AFFECTED_SERVICE);
    String category = incident.text(CATEGORY);
    if (service == null || category == null) {
      return;
    }
    Instant now = EngineClock.now();
    long week = others(incident.number(), service, category, now.minus(WEEK)) + 1;
    long month = others(incident.number(), service, category, now.minus(MONTH)) + 1;
    Map<String, Object> inputs = Variables.createVariables()
        .putValue("openProblem", records.openProblemFor(service, category))
        .putValue(AFFECTED_SERVICE, service).putValue(CATEGORY, category)
        .putValue("sameIncidents7Days", (int) week).putValue("sameIncidents30Days", (int) month);
    Boolean propose = AsProcess.call(() -> decisions.evaluateDecisionTableByKey(DECISION).variables(inputs).evaluate()
        .getSingleResult().getEntry("propose"));
    if (!Boolean.TRUE.equals(propose)) {
      return;
    }
    // Incidents routed at the same moment would each propose a problem: one proposes at a time (the lock is held
    // until this step commits), and each looks again for the problem the one before it proposed.
    jdbc.queryForObject("SELECT id FROM problem_proposal_lock WHERE id = 1 FOR UPDATE", Integer.class);
    if (records.openProblemFor(service, category)) {
      LOG.info("{}: recurring {}/{} incidents; a problem was proposed for them a moment ago", incident.number(), service,
          category);
      return;
    }
    List<String> recent = recent(incident.number(), service, category, now.minus(MONTH));
    String number = raising.propose("Recurring incidents: " + service + ", " + category,
        "ProblemCandidate proposed this problem: " + week + " incidents of the service " + service + " and the category "
            + category + " in the last 7 days, " + month + " in 30 days (" + incident.number()
            + (recent.isEmpty() ? "" : ", " + String.join(", ", recent))
            + (month - 1 > recent.size() ? " and " + (month - 1 - recent.size()) + " earlier" : "") + ").",
        service, incident.number(), recent);
    LOG.info("{}: recurring {}/{} incidents, proposed problem {}", incident.number(), service, category, number);
  }

  /** How many other incidents of the service and category were reported since {@code since}. */
  private long others(String incidentNumber, String service, String category, Instant since) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM incident_summary WHERE affected_service = ? AND category = ?"
        + " AND reported_at >= ? AND incident_number <> ?", Long.class, service, category, Timestamp.from(since),
        incidentNumber);
  }

  /** The most recent other incidents of the service and category reported since {@code since} (a problem's worth). */
  private List<String> recent(String incidentNumber, String service, String category, Instant since) {
    return jdbc.queryForList("SELECT incident_number FROM incident_summary WHERE affected_service = ? AND category = ?"
        + " AND reported_at >= ? AND incident_number <> ? ORDER BY reported_at DESC, incident_number DESC LIMIT "
        + ProblemRaising.INCIDENTS_MAX, String.class, service, category, Timestamp.from(since), incidentNumber);
  }
}
