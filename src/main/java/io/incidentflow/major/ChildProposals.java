package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.CHILD_INCIDENT_NUMBER;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_STATUS;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.major.MajorIncidentVariables.MajorStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Proposes a new report as a child of a running major incident in a job of the major incident ({@value #TYPE}), not
 * in the report's own transaction. In an outage every report on the service is proposed to the same major incident:
 * correlated at once, the reports all wrote to its process instance together and lost the race to each other
 * (an optimistic locking conflict: the report failed), and a report that came while the major incident was between
 * its declaration and its running steps failed for want of anyone to take the proposal. The job runs once the report
 * has committed; the major incident's jobs run one at a time (exclusive), and one that finds the major incident not
 * running yet waits for it, {@link #PATIENCE} at most. Cockpit shows a failed proposal on the major incident.
 */
@Component
public class ChildProposals extends AbstractProcessEnginePlugin implements JobHandler<ChildProposals.Proposal> {

  static final String TYPE = "major-child-proposal";
  /** How long a proposal waits for a declared major incident to reach its running steps. */
  static final Duration PATIENCE = Duration.ofMinutes(10);
  /** How long it waits before it looks again. */
  static final Duration WAIT = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(ChildProposals.class);

  /** The proposal: the major incident, the report proposed as its child, and when it was first proposed. */
  public record Proposal(String parent, String child, Instant proposedAt) implements JobHandlerConfiguration {

    static Proposal parse(String canonical) {
      String[] parts = canonical.split(" ");
      return new Proposal(parts[0], parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2])));
    }

    @Override
    public String toCanonicalString() {
      return parent + " " + child + " " + proposedAt.toEpochMilli();
    }
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(this);
    configuration.setCustomJobHandlers(handlers);
  }

  /** Records, in the current engine transaction, the job that proposes {@code child} to major incident {@code major}. */
  static void schedule(ProcessInstance major, String child) {
    send(new Proposal(major.getBusinessKey(), child, EngineClock.now()), major, EngineClock.now());
  }

  private static void send(Proposal proposal, ProcessInstance major, Instant due) {
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(TYPE);
    job.setJobHandlerConfiguration(proposal);
    // Of the major incident, on none of its executions: Cockpit lists it there, and the major incident's own
    // jobs and this one run one after the other.
    job.setProcessInstanceId(major.getId());
    job.setProcessDefinitionId(major.getProcessDefinitionId());
    job.setExclusive(true);
    job.setDuedate(Date.from(due));
    Context.getCommandContext().getJobManager().send(job);
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Proposal proposal, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    RuntimeService runtime = commandContext.getProcessEngineConfiguration().getRuntimeService();
    ProcessInstance major = runtime.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY)
        .processInstanceBusinessKey(proposal.parent()).singleResult();
    if (major == null) {
      LOG.info("{}: not proposed as a child of major incident {}, which has ended", proposal.child(), proposal.parent());
      return;
    }
    boolean listening = runtime.createEventSubscriptionQuery().processInstanceId(major.getId()).eventType("message")
        .eventName(MajorIncidentProcess.MESSAGE_CHILD_PROPOSED).count() > 0;
    if (listening) {
      runtime.createMessageCorrelation(MajorIncidentProcess.MESSAGE_CHILD_PROPOSED).processInstanceId(major.getId())
          .setVariable(CHILD_INCIDENT_NUMBER, proposal.child()).correlateWithResult();
      LOG.info("{}: proposed as a child of major incident {}", proposal.child(), proposal.parent());
      return;
    }
    Object status = runtime.getVariable(major.getId(), MAJOR_STATUS);
    boolean declared = MajorStatus.DECLARED.value().equals(status);
    Instant now = EngineClock.now();
    if (!declared || now.isAfter(proposal.proposedAt().plus(PATIENCE))) {
      LOG.warn("{}: not proposed as a child of major incident {}: it is {} and takes no children{}; link it by hand if"
          + " it belongs there", proposal.child(), proposal.parent(), status,
          declared ? " after " + PATIENCE.toMinutes() + " minutes" : "");
      return;
    }
    // Declared, on its way to its running steps: look again in a moment.
    send(proposal, major, now.plus(WAIT));
  }

  @Override
  public Proposal newConfiguration(String canonicalString) {
    return Proposal.parse(canonicalString);
  }

  @Override
  public void onDelete(Proposal configuration, JobEntity jobEntity) {
    // Nothing recorded beside the job.
  }
}
