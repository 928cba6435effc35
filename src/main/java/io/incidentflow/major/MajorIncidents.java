package io.incidentflow.major;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.INCIDENT_NUMBER;
import static io.incidentflow.incident.IncidentVariables.PARENT_INCIDENT_NUMBER;
import static io.incidentflow.incident.IncidentVariables.PRIORITY;
import static io.incidentflow.incident.IncidentVariables.PRIORITY_LABEL;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;
import static io.incidentflow.incident.IncidentVariables.TASK_PRIORITY;
import static io.incidentflow.major.MajorIncidentVariables.INCIDENT_COMMANDER;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_ORIGIN;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_REASON;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_STATUS;
import static io.incidentflow.major.MajorIncidentVariables.RAISED_AT;
import static io.incidentflow.major.MajorIncidentVariables.RAISED_BY;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentProcess;
import io.incidentflow.major.MajorIncidentVariables.MajorStatus;
import io.incidentflow.major.MajorIncidentVariables.Origin;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts major incidents and talks to them: raises one from an incident (proposed, declared or promoted), engages a
 * group, proposes or links a child, tells it that its incident is resolved, on hold or resumed. Each call acts for the process, not
 * for the person whose step caused it (an agent's triage may declare a major incident the agent may not start).
 * The model calls it as {@code majorIncidents} for what its listeners record.
 */
@Service("majorIncidents")
public class MajorIncidents {

  private static final Logger LOG = LoggerFactory.getLogger(MajorIncidents.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final MajorIncidentChildren children;
  private final MajorIncidentRoles roles;

  public MajorIncidents(RuntimeService runtime, TaskService tasks, MajorIncidentChildren children,
      MajorIncidentRoles roles) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.children = children;
    this.roles = roles;
  }

  /**
   * Raises a major incident from incident {@code incident} (its variables): proposed to the incident managers or
   * declared at once, as {@code origin} says, {@code raisedBy} a user or the rule, for {@code reason}. A user who
   * promotes it and is an incident manager commands it ({@code commander}; null: whoever accepts or is named).
   */
  public ProcessInstance raise(Map<String, Object> incident, Origin origin, String reason, String raisedBy,
      String commander) {
    String number = (String) incident.get(INCIDENT_NUMBER);
    Map<String, Object> variables = new HashMap<>();
    for (String name : List.of(INCIDENT_NUMBER, SHORT_DESCRIPTION, AFFECTED_SERVICE, PRIORITY, PRIORITY_LABEL,
        TASK_PRIORITY)) {
      variables.put(name, incident.get(name));
    }
    variables.put(MAJOR_ORIGIN, origin.value());
    variables.put(MAJOR_REASON, reason);
    variables.put(MAJOR_STATUS, (origin == Origin.PROPOSED ? MajorStatus.PROPOSED : MajorStatus.DECLARED).value());
    variables.put(RAISED_AT, Date.from(EngineClock.now()));
    variables.put(RAISED_BY, raisedBy);
    variables.put(INCIDENT_COMMANDER, commander);
    if (commander != null) {
      roles.record(number, MajorIncidentRoles.Role.INCIDENT_COMMANDER, null, commander, raisedBy, reason);
    }
    LOG.info("{}: major incident {} by {}: {}", number, origin.value(), raisedBy, reason);
    return asProcess(() -> runtime.startProcessInstanceByKey(MajorIncidentProcess.KEY, number, variables));
  }

  /** The running major incident of incident {@code number}, proposed or declared. */
  public Optional<ProcessInstance> running(String number) {
    return asProcess(() -> Optional.ofNullable(runtime.createProcessInstanceQuery()
        .processDefinitionKey(MajorIncidentProcess.KEY).processInstanceBusinessKey(number).singleResult()));
  }

  /** The number of a declared major incident running on {@code service}, other than {@code except}'s own. */
  public Optional<String> declaredOn(String service, String except) {
    return asProcess(() -> runtime.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY)
        .variableValueEquals(AFFECTED_SERVICE, service)
        .variableValueEquals(MAJOR_STATUS, MajorStatus.DECLARED.value()).list().stream()
        .map(ProcessInstance::getBusinessKey).filter(number -> !number.equals(except)).sorted().findFirst());
  }

  /** Records how the major incident ended (the model's end events). */
  public void ended(DelegateExecution execution, String status) {
    execution.setVariable(MAJOR_STATUS, MajorStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT)).value());
  }

  /**
   * Makes the variable {@code name} that a message brought local to the event subprocess it started, so that two
   * groups engaged (or two children proposed) at once each keep their own.
   */
  public void takeLocal(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    execution.getProcessInstance().removeVariableLocal(name);
    execution.setVariableLocal(name, value);
  }

  /**
   * Engages {@code group} in major incident {@code number}, named by {@code by}: a mail and a Restore service task
   * for it, and the engagement recorded. A group engaged already is not engaged again.
   */
  public void engage(String number, String group, String by) {
    if (roles.engagedGroups(number).contains(group)) {
      return;
    }
    roles.record(number, MajorIncidentRoles.Role.ENGAGED_GROUP, null, group, by, null);
    asProcess(() -> runtime.createMessageCorrelation(MajorIncidentProcess.MESSAGE_GROUP_ENGAGED)
        .processInstanceBusinessKey(number).setVariable(MajorIncidentVariables.ENGAGED_GROUP, group).correlateWithResult());
    LOG.info("{}: group {} engaged by {}", number, group, by);
  }

  /**
   * Proposes incident {@code child} as a child of major incident {@code parent}: recorded now, and offered to the
   * commander's review once this transaction commits ({@link ChildProposals}). Proposed once: a child whose priority
   * is decided again is not proposed again to the same major incident (its review shows it or has decided).
   */
  public void proposeChild(String parent, String child) {
    Optional<ProcessInstance> major = running(parent);
    if (major.isEmpty()) {
      LOG.warn("{}: not proposed as a child of major incident {}, which is not running", child, parent);
      return;
    }
    if (children.proposed(parent, child)) {
      LOG.info("{}: proposed as a child of major incident {} already", child, parent);
      return;
    }
    children.propose(parent, child, EngineClock.now());
    asProcess(() -> {
      ChildProposals.schedule(parent, major.get().getId(), major.get().getProcessDefinitionId());
      return null;
    });
    LOG.info("{}: proposed as a child of major incident {}", child, parent);
  }

  /** Links incident {@code child} to major incident {@code parent}: the child carries {@code parentIncidentNumber}. */
  public void link(String parent, String child, String by) {
    children.link(parent, child, by);
    setOnIncident(child, parent);
    LOG.info("{}: linked to major incident {} by {}", child, parent, by);
  }

  /** Unlinks incident {@code child} from its major incident. */
  public void unlink(String child, String by) {
    children.unlink(child, by);
    setOnIncident(child, null);
    LOG.info("{}: unlinked from its major incident by {}", child, by);
  }

  private void setOnIncident(String child, String parent) {
    asProcess(() -> {
      ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.KEY)
          .processInstanceBusinessKey(child).singleResult();
      if (instance != null && parent != null) {
        runtime.setVariable(instance.getId(), PARENT_INCIDENT_NUMBER, parent);
      } else if (instance != null) {
        runtime.removeVariable(instance.getId(), PARENT_INCIDENT_NUMBER);
      }
      return null;
    });
  }

  /**
   * Tells the major incident of incident {@code number} that the incident is resolved, with {@code resolution}
   * (code, notes): a proposal still under review is withdrawn, a running major incident ends its run and its
   * review begins. Nothing when the incident has no major incident waiting for that.
   */
  public void resolved(String number, Map<String, Object> resolution) {
    if (tell(number, MajorIncidentProcess.MESSAGE_RESOLVED, resolution)) {
      LOG.info("{}: resolved; its major incident's run ends", number);
    }
  }

  /**
   * Tells the running major incident of incident {@code number} that the incident went on hold for
   * {@code onHoldReason}: its linked incidents are held with it in a job of the major incident. Nothing when the
   * incident has no major incident running.
   */
  public void held(String number, String onHoldReason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(MajorIncidentVariables.PARENT_ON_HOLD_REASON, onHoldReason);
    if (tell(number, MajorIncidentProcess.MESSAGE_HELD, variables)) {
      LOG.info("{}: on hold ({}); its major incident holds its linked incidents", number, onHoldReason);
    }
  }

  /** Tells the running major incident of incident {@code number} that the incident resumed from its hold. */
  public void resumed(String number) {
    if (tell(number, MajorIncidentProcess.MESSAGE_RESUMED, Map.of())) {
      LOG.info("{}: resumed; its major incident resumes the linked incidents it held", number);
    }
  }

  /** Correlates {@code message} to the major incident of {@code number} when it waits for it; whether it did. */
  private boolean tell(String number, String message, Map<String, Object> variables) {
    return asProcess(() -> {
      if (runtime.createEventSubscriptionQuery().eventName(message)
          .processInstanceId(running(number).map(ProcessInstance::getId).orElse("-")).count() == 0) {
        return false;
      }
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(number).setVariables(variables)
          .correlate();
      return true;
    });
  }

  /**
   * Hands the open tasks of a role to its new holder {@code userId}: the stakeholder updates to the communications
   * lead, the commander's tasks (roles, linked incidents, review) to the incident commander.
   */
  public void handOver(String processInstanceId, MajorIncidentRoles.Role role, String userId) {
    List<String> keys = role == MajorIncidentRoles.Role.COMMUNICATIONS_LEAD
        ? List.of(MajorIncidentProcess.TASK_POST_UPDATE)
        : List.of(MajorIncidentProcess.TASK_ASSIGN_ROLES, MajorIncidentProcess.TASK_REVIEW_CHILD,
            MajorIncidentProcess.TASK_HOLD_REVIEW);
    asProcess(() -> {
      tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKeyIn(keys.toArray(String[]::new))
          .list().forEach(task -> tasks.setAssignee(task.getId(), userId));
      return null;
    });
  }

  /** Runs {@code action} for the process: inside an engine command, without the current user's authorizations. */
  static <T> T asProcess(Supplier<T> action) {
    CommandContext command = Context.getCommandContext();
    return command == null ? action.get() : command.runWithoutAuthorization(action::get);
  }
}
