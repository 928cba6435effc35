package io.incidentflow.notification;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.notification.CommunicationLog.Notification;
import io.incidentflow.notification.CommunicationLog.Status;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each recorded notification after the transaction that recorded it has committed, as an engine job
 * of its own ({@value #TYPE}, configuration = the notification's id): the action that caused it never
 * waits for the mail server nor fails with it, and the job touches none of the incident's executions,
 * so it never collides with a person's next step. The job sends the message exactly as it was recorded
 * (its Message-ID fixed) and marks it sent at once, in a transaction of its own; a notification already
 * sent is not sent again. Only a fault between the mail server's acceptance and that mark (a node killed
 * in that instant) makes the job send it again, with the same Message-ID, which mail clients and the log
 * take as one mail.
 *
 * <p>A failed attempt is retried on {@code incident-flow.notification.retry-cycle} (five attempts a minute
 * apart by default); then the job fails and Cockpit shows it, attached to the incident while it runs, with
 * a message that names the incident, the event, the recipients and the cause. Retrying it in Cockpit (or
 * {@code PUT /engine-rest/job/{id}/retries}) sends it once.
 */
@Component
public class NotificationDelivery extends AbstractProcessEnginePlugin implements JobHandler<NotificationDelivery.Delivery> {

  static final String TYPE = "incident-flow-notification";
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

  private final CommunicationLog log;
  private final JavaMailSenderImpl mail;
  private final NotificationSettings settings;
  private final TransactionTemplate ownTransaction;
  private final ChatPosts chat;
  private ProcessEngineConfigurationImpl engine;

  public NotificationDelivery(CommunicationLog log, JavaMailSenderImpl mail, NotificationSettings settings,
      PlatformTransactionManager transactions, ChatPosts chat) {
    this.log = log;
    this.mail = mail;
    this.chat = chat;
    this.settings = settings;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The job's configuration: the id of the notification it sends. */
  public record Delivery(String notificationId) implements JobHandlerConfiguration {

    @Override
    public String toCanonicalString() {
      return notificationId;
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
    configuration.setFailedJobCommandFactory((jobId, exception) -> new RetryOnCycle(jobId, exception));
    List<org.camunda.bpm.engine.impl.incident.IncidentHandler> incidents =
        configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomIncidentHandlers());
    incidents.add(new FailedJobOnTheIncident());
    configuration.setCustomIncidentHandlers(incidents);
  }

  /**
   * Creates the job that sends {@code notification}, in the current transaction: it commits with the step
   * that decided the notification, or not at all.
   */
  void schedule(Notification notification, String processDefinitionId) {
    engine.getCommandExecutorTxRequired().execute(commandContext -> {
      MessageEntity job = new MessageEntity();
      job.setJobHandlerType(TYPE);
      job.setJobHandlerConfiguration(new Delivery(notification.id()));
      // Of the incident (Cockpit lists it there), but on none of its executions: it outlives the instance
      // (the closure summary), and running it changes nothing a person's next step changes.
      job.setProcessInstanceId(notification.processInstanceId());
      job.setProcessDefinitionId(processDefinitionId);
      job.setExclusive(false);
      job.setRetries(retryCycle().getRetries());
      commandContext.getJobManager().send(job);
      return null;
    });
  }

  /**
   * Sends a notification that has not gone out again, once: its delivery job is given one more attempt,
   * due now (as Cockpit's retry of the failed job does). False when it was sent already or has no job.
   */
  public boolean retry(String notificationId) {
    Notification notification = log.find(notificationId).orElse(null);
    if (notification == null || notification.status() == Status.SENT) {
      return false;
    }
    ManagementService management = engine.getManagementService();
    for (Job job : management.createJobQuery().processInstanceId(notification.processInstanceId()).messages().list()) {
      if (job instanceof JobEntity entity && TYPE.equals(entity.getJobHandlerType())
          && notificationId.equals(entity.getJobHandlerConfigurationRaw())) {
        management.setJobRetries(job.getId(), 1);
        management.setJobDuedate(job.getId(), Date.from(EngineClock.now()));
        return true;
      }
    }
    return false;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Delivery delivery, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    Notification notification = log.find(delivery.notificationId()).orElse(null);
    if (notification == null) {
      LOG.warn("Notification {} is not recorded (any more): nothing to send", delivery.notificationId());
      return;
    }
    if (notification.status() == Status.SENT) {
      LOG.info("{}: {} notification {} was sent already", notification.incidentNumber(), notification.event(),
          notification.messageId());
      return;
    }
    try {
      if (notification.channel() == CommunicationLog.Channel.MAIL) {
        mail.send(new MimeMessage(mail.getSession(),
            new ByteArrayInputStream(notification.message().getBytes(StandardCharsets.ISO_8859_1))));
      } else {
        chat.post(notification.channel(), notification.message());
      }
    } catch (MessagingException | MailException | ChatPosts.ChatPostFailedException e) {
      String cause = e.getMessage();
      ownTransaction.executeWithoutResult(tx -> log.failed(notification.id(), cause));
      throw new NotificationFailedException(notification.incidentNumber() + ": the " + notification.event()
          + " notification to " + notification.recipients() + " could not be sent: " + cause, e);
    }
    // Marked at once, in a transaction of its own: whatever befalls this job's transaction now, the
    // notification is not sent again.
    ownTransaction.executeWithoutResult(tx -> log.sent(notification.id(), EngineClock.now()));
    LOG.info("{}: {} notification sent to {}", notification.incidentNumber(), notification.event(),
        notification.recipients());
  }

  @Override
  public Delivery newConfiguration(String canonicalString) {
    return new Delivery(canonicalString);
  }

  @Override
  public void onDelete(Delivery configuration, JobEntity jobEntity) {
    // The notification stays recorded, sent or not.
  }

  private org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration retryCycle() {
    return ParseUtil.parseRetryIntervals(settings.retryCycle());
  }

  /** A failed delivery waits the cycle's interval before the next attempt; other jobs fail as the engine has them. */
  private final class RetryOnCycle extends DefaultJobRetryCmd {

    private static final long serialVersionUID = 1L;

    RetryOnCycle(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job == null || !TYPE.equals(job.getJobHandlerType())) {
        return super.execute(commandContext);
      }
      List<String> intervals = retryCycle().getRetryIntervals();
      int attempt = Math.max(0, retryCycle().getRetries() - job.getRetries());
      try {
        job.setDuedate(new DurationHelper(intervals.get(Math.min(attempt, intervals.size() - 1))).getDateAfter());
      } catch (Exception e) {
        throw new IllegalStateException("incident-flow.notification.retry-cycle is no retry cycle: "
            + settings.retryCycle(), e);
      }
      logException(job);
      job.unlock();
      decrementRetries(job);
      notifyAcquisition(commandContext);
      return null;
    }
  }

  /**
   * A failed job that belongs to a running incident but to none of its executions (a delivery) is shown
   * on the incident in Cockpit, as the model's own failed jobs are.
   */
  private static final class FailedJobOnTheIncident extends DefaultIncidentHandler {

    FailedJobOnTheIncident() {
      super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    public Incident createIncident(IncidentContext context, String message) {
      if (context.getExecutionId() == null && context.getConfiguration() != null) {
        CommandContext commandContext = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
        JobEntity job = commandContext.getJobManager().findJobById(context.getConfiguration());
        if (job != null && TYPE.equals(job.getJobHandlerType()) && job.getProcessInstanceId() != null
            && commandContext.getExecutionManager().findExecutionById(job.getProcessInstanceId()) != null) {
          context.setExecutionId(job.getProcessInstanceId());
        }
      }
      return super.createIncident(context, message);
    }
  }
}
