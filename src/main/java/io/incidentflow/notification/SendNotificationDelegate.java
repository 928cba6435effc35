package io.incidentflow.notification;

import io.incidentflow.incident.IncidentNumbers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The send tasks of the process: each names its event in the input parameter {@code notificationEvent}
 * (e.g. {@code RESOLVED}) and records that notification in the step's own transaction; it is sent once
 * the step has committed ({@link NotificationDelivery}), so a mail server that is down makes a retried
 * delivery, never a rolled-back agent action.
 */
@Component("sendNotificationDelegate")
public class SendNotificationDelegate implements JavaDelegate {

  static final String EVENT = "notificationEvent";

  private final NotificationService notifications;

  public SendNotificationDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IncidentEvent event = IncidentEvent.valueOf((String) execution.getVariableLocal(EVENT));
    notifications.notify(event, IncidentNumbers.variablesOf(execution), execution.getProcessInstanceId(),
        execution.getProcessDefinitionId());
  }
}
