package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.COMMUNICATIONS_LEAD;
import static io.incidentflow.major.MajorIncidentVariables.LAST_UPDATE_AT;
import static io.incidentflow.major.MajorIncidentVariables.STAKEHOLDER_UPDATE;
import static io.incidentflow.major.MajorIncidentVariables.UPDATES_POSTED;
import static io.incidentflow.major.MajorIncidentVariables.UPDATE_AUDIENCE;

import io.incidentflow.comment.IncidentComments;
import io.incidentflow.comment.IncidentComments.Comment;
import io.incidentflow.comment.IncidentComments.Visibility;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.notification.Audience;
import io.incidentflow.notification.IncidentEvent;
import io.incidentflow.notification.NotificationService;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendStakeholderUpdate}: the update goes by mail to the service's stakeholders, and to the chat
 * channels when CommunicationCadence's audience says {@value #CHAT}; the linked incidents that ParentChildSync names
 * get it as a work note. Counted, for the cadence.
 */
@Component("sendStakeholderUpdateDelegate")
public class SendStakeholderUpdateDelegate implements JavaDelegate {

  /** The audiences of CommunicationCadence that include the chat channels. */
  static final String CHAT = "stakeholders-and-chat";

  private final NotificationService notifications;
  private final ParentChildSync sync;
  private final IncidentComments comments;

  public SendStakeholderUpdateDelegate(NotificationService notifications, ParentChildSync sync,
      IncidentComments comments) {
    this.notifications = notifications;
    this.sync = sync;
    this.comments = comments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> incident = IncidentNumbers.variablesOf(execution);
    String number = execution.getProcessBusinessKey();
    notifications.notify(IncidentEvent.STAKEHOLDER_UPDATE, incident, Set.of(Audience.STAKEHOLDERS),
        execution.getProcessInstanceId(), execution.getProcessDefinitionId());
    if (CHAT.equals(execution.getVariable(UPDATE_AUDIENCE))) {
      notifications.post(IncidentEvent.STAKEHOLDER_UPDATE, incident, execution.getProcessInstanceId(),
          execution.getProcessDefinitionId());
    }
    String text = (String) execution.getVariable(STAKEHOLDER_UPDATE);
    String lead = (String) execution.getVariable(COMMUNICATIONS_LEAD);
    for (String child : sync.childrenFor(number, ParentChildSync.WORK_NOTE)) {
      comments.add(new Comment(child, EngineClock.now(), IncidentComments.Author.AGENT.value(),
          lead == null ? MajorIncidentStaff.commanders() : lead, "Update on major incident " + number + ": " + text,
          Visibility.INTERNAL));
    }
    IncidentData.of(execution).increment(UPDATES_POSTED);
    execution.setVariable(LAST_UPDATE_AT, Date.from(EngineClock.now()));
  }
}
