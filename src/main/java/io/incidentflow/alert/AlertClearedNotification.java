package io.incidentflow.alert;

import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.notification.IncidentEvent;
import io.incidentflow.notification.NotificationService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the assigned group that the alert behind its incident has cleared. The mail is a job of the
 * engine, created in the transaction that records the clearing, like the model's send tasks: the webhook
 * answers at once, and a mail server that is down makes a retried job (then a failed job in Cockpit),
 * never a refused webhook call.
 */
@Component
public class AlertClearedNotification extends AbstractProcessEnginePlugin
    implements JobHandler<AlertClearedNotification.ClearedAlert> {

  static final String TYPE = "incident-flow-alert-cleared";
  /** The key under which the mail templates find the alert's name. */
  static final String CLEARED_ALERT = "clearedAlert";

  private final ObjectProvider<NotificationService> notifications;
  private ProcessEngineConfigurationImpl engine;

  public AlertClearedNotification(ObjectProvider<NotificationService> notifications) {
    this.notifications = notifications;
  }

  /** The job's configuration: the name of the alert that cleared. */
  public record ClearedAlert(String alertName) implements JobHandlerConfiguration {

    @Override
    public String toCanonicalString() {
      return alertName;
    }
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    engine = configuration;
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(this);
    configuration.setCustomJobHandlers(handlers);
  }

  /** Schedules the mail about the incident {@code processInstanceId}, in the current transaction. */
  public void schedule(String processInstanceId, String alertName) {
    engine.getCommandExecutorTxRequired().execute(commandContext -> {
      ExecutionEntity incident = commandContext.getExecutionManager().findExecutionById(processInstanceId);
      MessageEntity message = new MessageEntity();
      message.setJobHandlerType(TYPE);
      message.setJobHandlerConfiguration(new ClearedAlert(alertName));
      message.setExecution(incident);
      commandContext.getJobManager().send(message);
      return null;
    });
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(ClearedAlert configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    Map<String, Object> incident = IncidentNumbers.variablesOf(execution);
    incident.put(CLEARED_ALERT, configuration.alertName());
    notifications.getObject().send(IncidentEvent.ALERT_CLEARED, incident);
  }

  @Override
  public ClearedAlert newConfiguration(String canonicalString) {
    return new ClearedAlert(canonicalString);
  }

  @Override
  public void onDelete(ClearedAlert configuration, JobEntity jobEntity) {
    // Nothing to clean up: the job carries all it needs.
  }
}
