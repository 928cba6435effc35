package io.incidentflow.security;

import io.incidentflow.incident.InvalidIncidentInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A person writes into an incident only what the form of his step asks for. Whoever is logged in (the
 * engine REST API, Tasklist's session API) and is no administrator:
 * <ul>
 * <li>completes a task, or submits its form, with the fields of that task's deployed Camunda Form only,
 * with the types and value sets the form gives them ({@link FormFields}); a variable the form has no field
 * for (the number, the status, the priority, due dates, counters, breach flags, escalation, timestamps:
 * everything the process computes) is refused with 403 naming it, a bad value with 400 naming the field;</li>
 * <li>starts a process with the fields of its start form only, the same way;</li>
 * <li>writes or removes no variable outside a completion (of the task, the execution or the instance):
 * 403; a half-submitted form would change the incident behind the process's back;</li>
 * <li>changes no task's properties (name, priority, due date: the process sets them), starts or moves
 * no instance at a chosen step, sends no message or signal into a process (the API does that), and
 * deletes no deployment with its instances (cascade): 403.</li>
 * </ul>
 * Commands the application runs itself (no one logged in to the engine, or nested inside a command
 * already checked) pass. Administrators (Camunda's admin groups and users) may repair anything.
 */
@Component
public class TaskInputGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineInterceptors.addBeforeCommands(configuration, new Guard(configuration));
  }

  /** Checks every command a non-administrator sends before it runs. */
  static final class Guard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    /** Forms by what identifies the deployed form: they never change once deployed (binding deployment or version). */
    private final Map<String, FormFields> forms = new ConcurrentHashMap<>();

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      if (user != null && Context.getCommandContext() == null && !isAdministrator(user)) {
        check(command, user.getUserId());
      }
      return next.execute(command);
    }

    private boolean isAdministrator(Authentication user) {
      List<String> adminUsers = configuration.getAdminUsers();
      List<String> adminGroups = configuration.getAdminGroups();
      return (adminUsers != null && adminUsers.contains(user.getUserId()))
          || (adminGroups != null && user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(adminGroups::contains));
    }

    private void check(Command<?> command, String userId) {
      if (command instanceof CompleteTaskCmd) {
        submitted(userId, taskForm((String) CommandFields.read(command, "taskId")), variables(command, "variables"));
      } else if (command instanceof SubmitTaskFormCmd) {
        submitted(userId, taskForm((String) CommandFields.read(command, "taskId")), variables(command, "properties"));
      } else if (command instanceof StartProcessInstanceCmd) {
        ProcessInstantiationBuilderImpl start = (ProcessInstantiationBuilderImpl) CommandFields.read(command,
            "instantiationBuilder");
        submitted(userId, startForm(start.getProcessDefinitionId(), start.getProcessDefinitionKey(),
            start.getProcessDefinitionTenantId()), start.getVariables());
      } else if (command instanceof SubmitStartFormCmd) {
        submitted(userId, startForm((String) CommandFields.read(command, "processDefinitionId"), null, null),
            variables(command, "variables"));
      } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
          || command instanceof AbstractRemoveVariableCmd) {
        throw refused(userId, "write or remove the variables " + writtenVariables(command) + " outside a"
            + " completion: an incident changes when its task is completed with the fields of its form");
      } else if (command instanceof SaveTaskCmd || command instanceof AbstractSetTaskPropertyCmd) {
        throw refused(userId, "change a task's name, priority, due date or other properties: the process sets them");
      } else if (command instanceof StartProcessInstanceAtActivitiesCmd || command instanceof ModifyProcessInstanceCmd
          || command instanceof ModifyProcessInstanceAsyncCmd) {
        throw refused(userId, "start or move a process instance at a chosen step: only administrators may");
      } else if (command instanceof AbstractCorrelateMessageCmd || command instanceof SignalEventReceivedCmd
          || command instanceof SignalCmd) {
        throw refused(userId, "send a message or signal into a process: the application does (see /api)");
      } else if (command instanceof DeleteDeploymentCmd && Boolean.TRUE.equals(CommandFields.read(command, "cascade"))) {
        throw refused(userId, "delete a deployment with its process instances (cascade): only administrators may");
      }
    }

    /** Refuses variables the form has no field for (403) and values the form would not accept (400). */
    private static void submitted(String userId, FormFields form, Map<String, ?> variables) {
      if (variables == null || variables.isEmpty()) {
        return;
      }
      FormFields.Violations violations = form.check(variables);
      if (!violations.notInForm().isEmpty()) {
        throw refused(userId, "set " + String.join(", ", violations.notInForm()) + ": the form " + form.formId()
            + " has no such field" + (violations.notInForm().size() == 1 ? "" : "s") + " (it accepts "
            + (form.fields().isEmpty() ? "none" : String.join(", ", form.fields().keySet()))
            + "); what the process computes is never set by hand");
      }
      if (!violations.invalid().isEmpty()) {
        throw new InvalidIncidentInputException(violations.invalid());
      }
    }

    private static AuthorizationException refused(String userId, String what) {
      return new AuthorizationException(userId + " may not " + what + ".");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> variables(Command<?> command, String field) {
      return (Map<String, ?>) CommandFields.read(command, field);
    }

    private static List<String> writtenVariables(Command<?> command) {
      List<String> names = new ArrayList<>();
      if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd) {
        if (CommandFields.read(command, "variables") instanceof Map<?, ?> written) {
          written.keySet().forEach(name -> names.add(String.valueOf(name)));
        }
      }
      String removed = command instanceof AbstractRemoveVariableCmd ? "variableNames"
          : command instanceof AbstractPatchVariablesCmd ? "deletions" : null;
      if (removed != null && CommandFields.read(command, removed) instanceof Collection<?> deleted) {
        deleted.forEach(name -> names.add(String.valueOf(name)));
      }
      names.sort(null);
      return names;
    }

    /** The form of the task; no fields when the task has no Camunda Form, or there is no such task (the command says so). */
    private FormFields taskForm(String taskId) {
      return asSystem(() -> {
        ProcessEngineServices engine = configuration.getProcessEngine();
        Task task = taskId == null ? null
            : engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null || task.getCamundaFormRef() == null) {
          return FormFields.none(task == null ? "of a task that does not exist" : "of task " + task.getName());
        }
        return form(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), task.getCamundaFormRef(),
            () -> engine.getFormService().getDeployedTaskForm(taskId));
      });
    }

    /** The start form of the process definition given by id, or the latest of the key. */
    private FormFields startForm(String definitionId, String definitionKey, String tenantId) {
      return asSystem(() -> {
        ProcessEngineServices engine = configuration.getProcessEngine();
        ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery();
        if (definitionId != null) {
          query.processDefinitionId(definitionId);
        } else {
          query.processDefinitionKey(definitionKey).latestVersion();
          if (tenantId != null) {
            query.tenantIdIn(tenantId);
          } else {
            query.withoutTenantId();
          }
        }
        ProcessDefinition definition = query.singleResult();
        if (definition == null) {
          return FormFields.none("of a process that does not exist");
        }
        CamundaFormRef start = engine.getFormService().getStartFormData(definition.getId()).getCamundaFormRef();
        if (start == null) {
          return FormFields.none("to start " + definition.getKey());
        }
        return form(definition.getId() + "/start", start,
            () -> engine.getFormService().getDeployedStartForm(definition.getId()));
      });
    }

    private FormFields form(String where, CamundaFormRef ref, Supplier<InputStream> deployed) {
      String key = where + "/" + ref.getKey() + "/" + ref.getBinding() + "/" + ref.getVersion();
      boolean fixed = !"latest".equals(ref.getBinding());
      FormFields cached = fixed ? forms.get(key) : null;
      if (cached != null) {
        return cached;
      }
      try (InputStream form = deployed.get()) {
        FormFields fields = FormFields.parse(form);
        if (fixed) {
          forms.put(key, fields);
        }
        return fields;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the form " + ref.getKey(), e);
      }
    }

    /** Reads what the check needs regardless of the caller's authorizations; the command checks those itself. */
    private <T> T asSystem(Supplier<T> read) {
      IdentityService identity = configuration.getIdentityService();
      Authentication caller = identity.getCurrentAuthentication();
      identity.clearAuthentication();
      try {
        return read.get();
      } finally {
        identity.setAuthentication(caller);
      }
    }
  }
}
