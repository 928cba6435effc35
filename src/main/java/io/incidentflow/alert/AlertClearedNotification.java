package io.incidentflow.alert;

import static io.incidentflow.incident.IncidentVariables.INCIDENT_NUMBER;

import io.incidentflow.notification.IncidentEvent;
import io.incidentflow.notification.NotificationService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Tells the assigned group that the alert behind its incident has cleared: decided and recorded in the
 * transaction that records the clearing, and sent once it commits, like every notification
 * ({@code NotificationDelivery}). The webhook answers at once; a mail server that is down makes a retried
 * delivery, never a refused webhook call.
 */
@Component
public class AlertClearedNotification {

  /** The key under which the mail templates find the alert's name. */
  static final String CLEARED_ALERT = "clearedAlert";

  private final RuntimeService runtime;
  private final NotificationService notifications;

  public AlertClearedNotification(RuntimeService runtime, NotificationService notifications) {
    this.runtime = runtime;
    this.notifications = notifications;
  }

  /** Records the mail to the group of {@code incident} that {@code alertName} has cleared, in the current transaction. */
  public void record(ProcessInstance incident, String alertName) {
    Map<String, Object> variables = new HashMap<>(runtime.getVariables(incident.getId()));
    variables.put(INCIDENT_NUMBER, incident.getBusinessKey());
    variables.put(CLEARED_ALERT, alertName);
    notifications.notify(IncidentEvent.ALERT_CLEARED, variables, incident.getId(), incident.getProcessDefinitionId());
  }
}
