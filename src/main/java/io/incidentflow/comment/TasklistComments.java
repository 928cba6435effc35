package io.incidentflow.comment;

import io.incidentflow.comment.IncidentComments.Comment;
import io.incidentflow.comment.IncidentComments.Visibility;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.incident.IncidentProcess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An agent's comment made with Tasklist's own <em>Add Comment</em> on an incident's task is a work note of
 * that incident: recorded with the incident's other notes, in the same transaction, so that the incident
 * record, the API and the closure shows it. (An engine command interceptor: the engine has no listener
 * for task comments.) The comments this application mirrors onto tasks itself are not recorded twice.
 */
@Component
public class TasklistComments extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistComments.class);
  private static final ThreadLocal<Boolean> MIRRORING = ThreadLocal.withInitial(() -> false);

  private final IncidentComments comments;

  public TasklistComments(IncidentComments comments) {
    this.comments = comments;
  }

  /** Runs {@code mirror}, whose task comments copy what is recorded already. */
  static void mirroring(Runnable mirror) {
    MIRRORING.set(true);
    try {
      mirror.run();
    } finally {
      MIRRORING.remove();
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(new Recorder());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** Inside the command's transaction: records the comment a user just added to an incident's task. */
  private final class Recorder extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (command instanceof AddCommentCmd && !MIRRORING.get()
          && result instanceof org.camunda.bpm.engine.task.Comment added && added.getTaskId() != null) {
        record(added);
      }
      return result;
    }

    private void record(org.camunda.bpm.engine.task.Comment added) {
      ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
      // The user may comment on the task; what the task belongs to is read for the process, not for them.
      String number = Context.getCommandContext().runWithoutAuthorization(() -> {
        Task task = engine.getTaskService().createTaskQuery().taskId(added.getTaskId()).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
          return null;
        }
        ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId());
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).singleResult();
        return IncidentProcess.KEY.equals(definition.getKey()) && instance != null ? instance.getBusinessKey() : null;
      });
      if (number != null && IncidentNumbers.isValid(number)) {
        comments.add(new Comment(number, EngineClock.now(), IncidentComments.Author.AGENT.value(),
            String.valueOf(added.getUserId()), added.getFullMessage(), Visibility.INTERNAL));
        LOG.info("{}: work note by {} from Tasklist", number, added.getUserId());
      }
    }
  }
}
