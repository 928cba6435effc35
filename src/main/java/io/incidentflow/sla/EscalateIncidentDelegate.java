package io.incidentflow.sla;

import static io.incidentflow.incident.IncidentVariables.ESCALATION_LEVEL;
import static io.incidentflow.incident.IncidentVariables.NOTIFY_ASSIGNEE;
import static io.incidentflow.incident.IncidentVariables.NOTIFY_GROUP_LEAD;
import static io.incidentflow.incident.IncidentVariables.RAISE_TO_INCIDENT_MANAGERS;
import static io.incidentflow.incident.IncidentVariables.SLA_THRESHOLD;
import static io.incidentflow.incident.IncidentVariables.SLA_TYPE;
import static io.incidentflow.incident.SupportGroups.INCIDENT_MANAGERS;

import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.notification.Audience;
import io.incidentflow.notification.IncidentEvent;
import io.incidentflow.notification.NotificationService;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The escalation tasks of {@code SubProcess_SlaClocks}: do what the DMN {@code IncidentEscalation} just
 * decided for the threshold the task names ({@code slaType}, {@code slaThreshold}). Raising to
 * incident-managers adds the group to the candidates of the incident's open tasks (later tasks get it
 * from {@code IncidentTaskListener}) and raises {@code escalationLevel} by one; the mail goes to the
 * assignee (or the group), the group lead and the incident managers as decided.
 */
@Component("escalateIncidentDelegate")
public class EscalateIncidentDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(EscalateIncidentDelegate.class);

  private final NotificationService notifications;

  public EscalateIncidentDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IncidentData incident = IncidentData.of(execution);
    String slaType = incident.text(SLA_TYPE);
    String threshold = incident.text(SLA_THRESHOLD);
    IncidentEvent event = IncidentEvent.ofThreshold(slaType, threshold);
    Set<Audience> audiences = EnumSet.noneOf(Audience.class);
    if (incident.isTrue(NOTIFY_ASSIGNEE)) {
      audiences.add(Audience.ASSIGNEE);
    }
    if (incident.isTrue(NOTIFY_GROUP_LEAD)) {
      audiences.add(Audience.GROUP_LEAD);
    }
    List<Task> openTasks = openTasks(execution);
    if (incident.isTrue(RAISE_TO_INCIDENT_MANAGERS)) {
      raise(execution, incident, openTasks);
      audiences.add(Audience.INCIDENT_MANAGERS);
    }
    if (audiences.isEmpty()) {
      LOG.warn("{}: {} {}: IncidentEscalation decided to tell nobody (P{}, escalation level {})",
          incident.number(), slaType, threshold, incident.priority(), incident.count(ESCALATION_LEVEL));
    } else {
      Map<String, Object> variables = IncidentNumbers.variablesOf(execution);
      openTasks.stream().map(Task::getAssignee).filter(Objects::nonNull).findFirst()
          .ifPresent(assignee -> variables.put(NotificationService.ASSIGNEE, assignee));
      taskGroup(execution, openTasks).ifPresent(group -> variables.put(NotificationService.TASK_GROUP, group));
      notifications.notify(event, variables, audiences, execution.getProcessInstanceId(),
          execution.getProcessDefinitionId());
    }
    // The decision is spent; the next threshold asks again. (A missing output, no rule matched, counts as no.)
    execution.removeVariables(List.of(NOTIFY_ASSIGNEE, NOTIFY_GROUP_LEAD, RAISE_TO_INCIDENT_MANAGERS));
  }

  private static void raise(DelegateExecution execution, IncidentData incident, List<Task> openTasks) {
    int level = incident.increment(ESCALATION_LEVEL);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      openTasks.forEach(task -> tasks.addCandidateGroup(task.getId(), INCIDENT_MANAGERS));
      return null;
    });
    LOG.warn("{}: raised to {} (escalation level {})", incident.number(), INCIDENT_MANAGERS, level);
  }

  /**
   * The group whose queue holds the incident now: service-desk while it waits for triage, the
   * assignment group while it is investigated. Incident-managers, added by an escalation, do not count.
   */
  private static Optional<String> taskGroup(DelegateExecution execution, List<Task> openTasks) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    return Context.getCommandContext().runWithoutAuthorization(() -> openTasks.stream()
        .flatMap(task -> tasks.getIdentityLinksForTask(task.getId()).stream())
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
            && !INCIDENT_MANAGERS.equals(link.getGroupId()))
        .map(IdentityLink::getGroupId).findFirst());
  }

  /** The incident's open user tasks; the job that runs this task acts for the process, not for a user. */
  private static List<Task> openTasks(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    return Context.getCommandContext().runWithoutAuthorization(
        () -> tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list());
  }
}
