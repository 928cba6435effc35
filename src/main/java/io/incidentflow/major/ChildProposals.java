package io.incidentflow.major;

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
 * Offers the reports proposed as children of a running major incident to its commander's review, in a job of the
 * major incident ({@value #TYPE}), not in the report's own transaction. The report records its proposal
 * ({@code major_incident_child_proposal}) and schedules this job; the job starts one review (event subprocess
 * <i>Child incidents proposed</i>, task <i>Review proposed linked incidents</i>) when none is open and proposals
 * wait; a review's end schedules it again for what arrived meanwhile. In an outage every report on the service is
 * proposed to the same major incident: one task per report cost the major incident's process one execution each,
 * and Camunda loads an instance's whole execution tree for each message, so each proposal cost more than the one
 * before it. The major incident's jobs run one at a time (exclusive), so two offers never open two reviews; a job
 * that finds the major incident declared but not running yet waits for it, {@link #PATIENCE} at most, and proposals
 * to a major incident that no longer takes children are recorded as withdrawn. Cockpit shows a failed offer on the
 * major incident.
 */
@Component
public class ChildProposals extends AbstractProcessEnginePlugin implements JobHandler<ChildProposals.Offer> {

  static final String TYPE = "major-child-proposal";
  /** How long proposals wait for a declared major incident to reach its running steps. */
  static final Duration PATIENCE = Duration.ofMinutes(10);
  /** How long it waits before it looks again. */
  static final Duration WAIT = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(ChildProposals.class);

  /**
   * The major incident whose waiting proposals are offered. A job written before proposals were recorded names the
   * report and when it was proposed too ({@code parent child epochMillis}): it records that proposal first.
   */
  public record Offer(String parent, String child, Instant proposedAt) implements JobHandlerConfiguration {

    static Offer parse(String canonical) {
      String[] parts = canonical.split(" ");
      return parts.length < 3 ? new Offer(parts[0], null, null)
          : new Offer(parts[0], parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2])));
    }

    @Override
    public String toCanonicalString() {
      return child == null ? parent : parent + " " + child + " " + proposedAt.toEpochMilli();
    }
  }

  private final MajorIncidentChildren children;

  public ChildProposals(MajorIncidentChildren children) {
    this.children = children;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(this);
    configuration.setCustomJobHandlers(handlers);
  }

  /**
   * Records, in the current engine transaction, the job that offers the proposals waiting for major incident
   * {@code parent} (process instance {@code processInstanceId} of definition {@code processDefinitionId}).
   */
  static void schedule(String parent, String processInstanceId, String processDefinitionId) {
    send(new Offer(parent, null, null), processInstanceId, processDefinitionId, EngineClock.now());
  }

  private static void send(Offer offer, String processInstanceId, String processDefinitionId, Instant due) {
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(TYPE);
    job.setJobHandlerConfiguration(offer);
    // Of the major incident, on none of its executions: Cockpit lists it there, and the major incident's own
    // jobs and this one run one after the other.
    job.setProcessInstanceId(processInstanceId);
    job.setProcessDefinitionId(processDefinitionId);
    job.setExclusive(true);
    job.setDuedate(Date.from(due));
    Context.getCommandContext().getJobManager().send(job);
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Offer offer, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    String parent = offer.parent();
    if (offer.child() != null && !children.proposed(parent, offer.child())) {
      children.propose(parent, offer.child(), offer.proposedAt());
    }
    ProcessEngineConfigurationImpl engine = commandContext.getProcessEngineConfiguration();
    RuntimeService runtime = engine.getRuntimeService();
    ProcessInstance major = runtime.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY)
        .processInstanceBusinessKey(parent).singleResult();
    if (major == null) {
      withdraw(parent, "which has ended");
      return;
    }
    boolean reviewsTogether = engine.getRepositoryService().getBpmnModelInstance(major.getProcessDefinitionId())
        .getModelElementById(MajorIncidentProcess.TASK_REVIEW_CHILDREN) != null;
    if (reviewsTogether && engine.getTaskService().createTaskQuery().processInstanceId(major.getId())
        .taskDefinitionKey(MajorIncidentProcess.TASK_REVIEW_CHILDREN).count() > 0) {
      return; // The open review's end offers what waits now.
    }
    int waiting = children.waiting(parent);
    if (waiting == 0) {
      return;
    }
    boolean listening = runtime.createEventSubscriptionQuery().processInstanceId(major.getId()).eventType("message")
        .eventName(MajorIncidentProcess.MESSAGE_CHILD_PROPOSED).count() > 0;
    if (listening && reviewsTogether) {
      runtime.createMessageCorrelation(MajorIncidentProcess.MESSAGE_CHILD_PROPOSED).processInstanceId(major.getId())
          .correlateWithResult();
      LOG.info("{}: {} proposed child incident(s) offered for review", parent, waiting);
      return;
    }
    if (listening) {
      // A major incident started before proposals were reviewed together: a review task of its own for each.
      for (String child : children.waitingNumbers(parent)) {
        runtime.createMessageCorrelation(MajorIncidentProcess.MESSAGE_CHILD_PROPOSED).processInstanceId(major.getId())
            .setVariable(MajorIncidentVariables.CHILD_INCIDENT_NUMBER, child).correlateWithResult();
        children.decideWaiting(parent, List.of(child), null, MajorIncidentChildren.Decision.REVIEWED_ALONE);
        LOG.info("{}: proposed as a child of major incident {}", child, parent);
      }
      return;
    }
    Object status = runtime.getVariable(major.getId(), MAJOR_STATUS);
    boolean declared = MajorStatus.DECLARED.value().equals(status);
    Instant now = EngineClock.now();
    if (!declared || now.isAfter(children.oldestWaiting(parent).plus(PATIENCE))) {
      withdraw(parent, "which is " + status + " and takes no children"
          + (declared ? " after " + PATIENCE.toMinutes() + " minutes" : ""));
      return;
    }
    // Declared, on its way to its running steps: look again in a moment.
    send(new Offer(parent, null, null), major.getId(), major.getProcessDefinitionId(), now.plus(WAIT));
  }

  private void withdraw(String parent, String why) {
    List<String> waiting = children.waitingNumbers(parent);
    if (waiting.isEmpty()) {
      return;
    }
    children.decideWaiting(parent, waiting, null, MajorIncidentChildren.Decision.WITHDRAWN);
    LOG.warn("{}: not proposed as children of major incident {}, {}; link them by hand if they belong there",
        waiting.size() > 50 ? String.join(", ", waiting.subList(0, 50)) + " and " + (waiting.size() - 50) + " more"
            : String.join(", ", waiting), parent, why);
  }

  @Override
  public Offer newConfiguration(String canonicalString) {
    return Offer.parse(canonicalString);
  }

  @Override
  public void onDelete(Offer configuration, JobEntity jobEntity) {
    // The proposals stay recorded: the next offer of the major incident takes them.
  }
}
