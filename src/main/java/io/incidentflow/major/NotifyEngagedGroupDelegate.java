package io.incidentflow.major;

import static io.incidentflow.incident.IncidentVariables.ASSIGNMENT_GROUP;

import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.notification.IncidentEvent;
import io.incidentflow.notification.NotificationService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_NotifyEngagedGroup}: the engaged group's address is told that it is engaged, and why. */
@Component("notifyEngagedGroupDelegate")
public class NotifyEngagedGroupDelegate implements JavaDelegate {

  private final NotificationService notifications;

  public NotifyEngagedGroupDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> incident = IncidentNumbers.variablesOf(execution);
    // The mail goes to the group's address, as a routing's does: the engaged group is its group.
    incident.put(ASSIGNMENT_GROUP, execution.getVariable(MajorIncidentVariables.ENGAGED_GROUP));
    notifications.notify(IncidentEvent.GROUP_ENGAGED, incident, execution.getProcessInstanceId(),
        execution.getProcessDefinitionId());
  }
}
