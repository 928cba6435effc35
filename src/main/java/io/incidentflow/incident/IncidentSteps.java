package io.incidentflow.incident;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a step of an incident on someone's behalf, as Tasklist would: each action in one transaction
 * (refused, it changes nothing), run again when a job of the incident changed it at the same moment.
 */
@Component
public class IncidentSteps {

  /** How long an action goes on trying while a job of the incident keeps changing it. */
  private static final Duration CONCURRENT_CHANGE_WAIT = Duration.ofSeconds(10);

  private final TaskService tasks;
  private final TransactionTemplate transactions;

  public IncidentSteps(TaskService tasks, TransactionTemplate transactions) {
    this.tasks = tasks;
    this.transactions = transactions;
  }

  /**
   * Runs {@code action} in one transaction; when a job of the incident (an SLA timer) changed it at the same
   * moment, runs it again on what that job left, as a person would have clicked again.
   */
  public <T> T inTransaction(String incidentNumber, Supplier<T> action) {
    return ConcurrentRequests.retry(CONCURRENT_CHANGE_WAIT, () -> Optional.of(transactions.execute(tx -> action.get())),
        stillChanging -> new RequestRefusedException(HttpStatus.CONFLICT, incidentNumber + " keeps being changed at"
            + " the same moment; try again"));
  }

  /** Completes the incident's open task {@code taskKey} with {@code variables}; 409 when there is none. */
  public void complete(IncidentState incident, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).taskDefinitionKey(taskKey)
        .singleResult();
    if (task == null) {
      task = createdInThisCommand(incident.processInstanceId(), taskKey);
    }
    if (task == null) {
      throw new RequestRefusedException(HttpStatus.CONFLICT, incident.number() + " has no open step " + taskKey
          + " any more");
    }
    tasks.complete(task.getId(), variables);
  }

  /**
   * The open task {@code taskKey} that an earlier step of the running engine command created (an incident on
   * hold resumed by a problem's job, then resolved): it is not in the database yet, where a query looks.
   */
  private static Task createdInThisCommand(String processInstanceId, String taskKey) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return null;
    }
    return command.getDbEntityManager().getCachedEntitiesByType(TaskEntity.class).stream()
        .filter(task -> processInstanceId.equals(task.getProcessInstanceId())
            && taskKey.equals(task.getTaskDefinitionKey()) && task.getDeleteReason() == null)
        .findFirst().orElse(null);
  }
}
