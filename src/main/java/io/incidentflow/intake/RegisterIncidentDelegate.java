package io.incidentflow.intake;

import static io.incidentflow.incident.IncidentVariables.*;

import io.incidentflow.incident.Codes.AffectedService;
import io.incidentflow.incident.Codes.Channel;
import io.incidentflow.incident.Codes.Level;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.InputCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterIncident}: checks the report, gives the incident its number (also the business
 * key) and sets the counters. A report that fails the check rolls the start back: no incident, no number
 * shown to anyone, and the reporter gets every bad field at once.
 */
@Component("registerIncidentDelegate")
public class RegisterIncidentDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterIncidentDelegate.class);

  /** Field limits, the same as in the ReportIncident form. */
  public static final int SHORT_DESCRIPTION_MAX = 160;
  public static final int DESCRIPTION_MAX = 4000;
  public static final int CALLER_NAME_MAX = 100;
  static final int CALLER_EMAIL_MAX = 254;

  private final IncidentNumberGenerator numbers;

  public RegisterIncidentDelegate(IncidentNumberGenerator numbers) {
    this.numbers = numbers;
  }

  /** The rules of a report, here and for API clients that check a report before they start an incident. */
  public static InputCheck checkReport(InputCheck check) {
    return check
        .requireText(SHORT_DESCRIPTION, SHORT_DESCRIPTION_MAX)
        .requireText(DESCRIPTION, DESCRIPTION_MAX)
        .requireText(CALLER_NAME, CALLER_NAME_MAX)
        .requireEmail(CALLER_EMAIL, CALLER_EMAIL_MAX)
        .requireCode(AFFECTED_SERVICE, AffectedService.class)
        .requireCode(IMPACT, Level.class)
        .requireCode(URGENCY, Level.class)
        .requireCode(CHANNEL, Channel.class);
  }

  @Override
  public void execute(DelegateExecution execution) {
    IncidentData incident = IncidentData.of(execution);
    if (!incident.has(CHANNEL)) {
      incident.set(CHANNEL, Channel.PORTAL.value());
    }
    checkReport(InputCheck.of(execution)).orThrow();

    String number = numbers.next();
    execution.setProcessBusinessKey(number);
    incident.set(INCIDENT_NUMBER, number);
    incident.set(SHORT_DESCRIPTION, incident.text(SHORT_DESCRIPTION).strip());
    incident.setInstant(REPORTED_AT, EngineClock.now());
    incident.set(REOPEN_COUNT, 0);
    incident.set(REASSIGNMENT_COUNT, 0);
    incident.set(ESCALATION_LEVEL, 0);
    LOG.info("{} registered: '{}' reported by {} via {}", number, incident.text(SHORT_DESCRIPTION),
        incident.text(CALLER_EMAIL), incident.text(CHANNEL));
  }
}
