package io.incidentflow.sla;

import static io.incidentflow.incident.IncidentVariables.INCIDENT_NUMBER;
import static io.incidentflow.incident.IncidentVariables.PRIORITY;
import static io.incidentflow.incident.IncidentVariables.REPORTED_AT;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_DUE;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_TARGET;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_DUE;
import static io.incidentflow.incident.IncidentVariables.RESPONSE_TARGET;
import static io.incidentflow.incident.IncidentVariables.SLA_CALENDAR;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SLA clocks of an incident. The process model calls it on the flow leaving each business rule
 * task that decides the targets ({@code SlaTargets}), once their output mapping has set them:
 * {@code ${slaClock.schedule(execution)}} sets
 * {@code responseDue} and {@code resolutionDue}, counted from the report with the targets in the
 * calendar the decision names, through the engine's business calendars ({@link SlaCalendars}). A
 * changed priority schedules again from the same report time.
 */
@Component("slaClock")
public class SlaClock {

  private static final Logger LOG = LoggerFactory.getLogger(SlaClock.class);

  private final SlaCalendars calendars;

  public SlaClock(SlaCalendars calendars) {
    this.calendars = calendars;
  }

  public void schedule(DelegateExecution execution) {
    String number = (String) execution.getVariable(INCIDENT_NUMBER);
    Date reportedAt = (Date) execution.getVariable(REPORTED_AT);
    String calendarName = (String) execution.getVariable(SLA_CALENDAR);
    BusinessCalendar calendar = ((ProcessEngineConfigurationImpl) execution.getProcessEngine()
        .getProcessEngineConfiguration()).getBusinessCalendarManager().getBusinessCalendar(String.valueOf(calendarName));
    if (calendar == null) {
      throw new ProcessEngineException(number + ": SlaTargets named the calendar '" + calendarName
          + "', which does not exist: use one of " + calendars.names());
    }
    Date responseDue = calendar.resolveDuedate(target(execution, RESPONSE_TARGET, number), reportedAt);
    Date resolutionDue = calendar.resolveDuedate(target(execution, RESOLUTION_TARGET, number), reportedAt);
    execution.setVariable(RESPONSE_DUE, responseDue);
    execution.setVariable(RESOLUTION_DUE, resolutionDue);
    LOG.info("{}: P{} in {}: respond by {}, resolve by {}", number, execution.getVariable(PRIORITY), calendarName,
        responseDue.toInstant(), resolutionDue.toInstant());
  }

  /** A target as SlaTargets gave it; anything but an ISO-8601 duration fails with the incident and the value. */
  private static String target(DelegateExecution execution, String variable, String number) {
    Object value = execution.getVariable(variable);
    try {
      Duration duration = Duration.parse(String.valueOf(value));
      if (duration.isNegative()) {
        throw new DateTimeParseException("negative", String.valueOf(value), 0);
      }
      return duration.toString();
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException(number + ": SlaTargets gave " + variable + " '" + value
          + "', which is no ISO-8601 duration such as PT4H", e);
    }
  }
}
