package io.incidentflow.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentProcess;
import io.incidentflow.incident.IncidentVariables;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.sla.SlaStanding;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What Tasklist shows of an incident on a task's card: which incident the task belongs to, its priority
 * and status, and where it stands against its SLA now. Read from the running instance, so it is as current
 * as the task itself.
 */
@Component
public class IncidentCards {

  /** The incident behind a task, in a line. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record IncidentCard(String incidentNumber, String status, Integer priority, String priorityLabel,
      String shortDescription, String assignmentGroup, SlaStanding.Figures sla) {
  }

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final SlaStanding standing;

  public IncidentCards(TaskService tasks, RuntimeService runtime, RepositoryService repository, SlaStanding standing) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.standing = standing;
  }

  /** The incident of open task {@code taskId}; 404 when there is no such task or it belongs to no incident. */
  public IncidentCard ofTask(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null
        || !IncidentProcess.KEY.equals(repository.getProcessDefinition(task.getProcessDefinitionId()).getKey())) {
      throw new RequestRefusedException(HttpStatus.NOT_FOUND, "No open incident task " + taskId);
    }
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult();
    IncidentData incident = IncidentData.of(runtime.getVariables(instance.getId()));
    return new IncidentCard(instance.getBusinessKey(), incident.text(IncidentVariables.STATUS), incident.priority(),
        incident.text(IncidentVariables.PRIORITY_LABEL), incident.text(IncidentVariables.SHORT_DESCRIPTION),
        incident.text(IncidentVariables.ASSIGNMENT_GROUP), standing.of(incident, EngineClock.now()));
  }
}
