package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.COMMUNICATIONS_LEAD;
import static io.incidentflow.major.MajorIncidentVariables.DECLARED_AT;
import static io.incidentflow.major.MajorIncidentVariables.DECLARED_BY;
import static io.incidentflow.major.MajorIncidentVariables.ENGAGED_GROUPS;
import static io.incidentflow.major.MajorIncidentVariables.INCIDENT_COMMANDER;
import static io.incidentflow.major.MajorIncidentVariables.LAST_UPDATE_AT;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_ORIGIN;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_REASON;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_STATUS;
import static io.incidentflow.major.MajorIncidentVariables.RAISED_AT;
import static io.incidentflow.major.MajorIncidentVariables.RAISED_BY;
import static io.incidentflow.major.MajorIncidentVariables.REVIEW_DUE;
import static io.incidentflow.major.MajorIncidentVariables.UPDATES_POSTED;
import static io.incidentflow.major.MajorIncidentVariables.UPDATE_DUE;

import io.incidentflow.incident.Caller;
import io.incidentflow.incident.HistoricVariables;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentSteps;
import io.incidentflow.incident.InputCheck;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.incident.SupportGroups;
import io.incidentflow.major.MajorIncidentRoles.Role;
import io.incidentflow.major.MajorIncidentVariables.MajorStatus;
import io.incidentflow.major.MajorIncidentVariables.Origin;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What people do with major incidents through the API, and who may: the service desk and the incident managers
 * promote an incident and link or unlink incidents; the incident managers hand roles over and engage groups. Each
 * action in one transaction; every refusal names why (403 who may, 400 which field, 409 what stands in the way).
 */
@Service
public class MajorIncidentDesk {

  /** Who promotes incidents and links children: the service desk and the incident managers (and administrators). */
  public static final List<String> PROMOTERS = List.of(SupportGroups.SERVICE_DESK, SupportGroups.INCIDENT_MANAGERS,
      Groups.CAMUNDA_ADMIN);
  /** Who hands the roles of a major incident over: the incident managers (and administrators). */
  public static final List<String> COMMANDERS = List.of(SupportGroups.INCIDENT_MANAGERS, Groups.CAMUNDA_ADMIN);
  static final String REASON = "reason";
  static final String CHILD = "incidentNumber";

  private final MajorIncidents majorIncidents;
  private final MajorIncidentRoles roles;
  private final MajorIncidentChildren children;
  private final MajorIncidentReviews reviews;
  private final MajorIncidentStaff staff;
  private final IncidentInstances instances;
  private final IncidentSteps steps;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;

  public MajorIncidentDesk(MajorIncidents majorIncidents, MajorIncidentRoles roles, MajorIncidentChildren children,
      MajorIncidentReviews reviews, MajorIncidentStaff staff, IncidentInstances instances, IncidentSteps steps,
      RuntimeService runtime, HistoryService history, TaskService tasks) {
    this.tasks = tasks;
    this.majorIncidents = majorIncidents;
    this.roles = roles;
    this.children = children;
    this.reviews = reviews;
    this.staff = staff;
    this.instances = instances;
    this.steps = steps;
    this.runtime = runtime;
    this.history = history;
  }

  /** The major incident of incident {@code number}, running or ended: the latest one; 404 when it never had one. */
  public MajorIncidentView view(String number) {
    IncidentNumbers.require(number);
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(MajorIncidentProcess.KEY).processInstanceBusinessKey(number)
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst()
        .orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND, number + " is no major incident"));
    IncidentData major = IncidentData.of(instance.getEndTime() == null ? runtime.getVariables(instance.getId())
        : HistoricVariables.of(history, instance.getId()));
    boolean running = instance.getEndTime() == null;
    return new MajorIncidentView(number, major.text(MAJOR_STATUS), major.text(MAJOR_ORIGIN), major.text(MAJOR_REASON),
        major.instant(RAISED_AT), major.text(RAISED_BY), major.instant(DECLARED_AT), major.text(DECLARED_BY),
        major.text(INCIDENT_COMMANDER), major.text(COMMUNICATIONS_LEAD), List.copyOf(roles.engagedGroups(number)),
        major.count(UPDATES_POSTED), major.instant(LAST_UPDATE_AT), running ? major.instant(UPDATE_DUE) : null,
        major.instant(REVIEW_DUE), reviews.find(number).isPresent(), children.of(number),
        children.proposals(number).stream().map(MajorIncidentView.ProposedChild::of).toList(), roles.of(number));
  }

  /** The incident a task belongs to (an incident's or a major incident's task), and its major incident if it has one. */
  public record OfTask(String incidentNumber, MajorIncidentView major) {
  }

  /** What {@link OfTask} says of open task {@code taskId}; 404 for no open task of either process. */
  public OfTask ofTask(String taskId) {
    org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    ProcessInstance instance = task == null || task.getProcessInstanceId() == null ? null
        : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    if (instance == null || !IncidentNumbers.isValid(instance.getBusinessKey())) {
      throw new RequestRefusedException(HttpStatus.NOT_FOUND, "No open incident task " + taskId);
    }
    String number = instance.getBusinessKey();
    boolean major = history.createHistoricProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY)
        .processInstanceBusinessKey(number).count() > 0;
    return new OfTask(number, major ? view(number) : null);
  }

  /** Promotes incident {@code number} to a major incident by hand, for {@code body.reason}; an incident manager commands it. */
  public MajorIncidentView promote(Caller caller, String number, Map<String, Object> body) {
    IncidentAccess.require(caller, PROMOTERS, "promote " + number + " to a major incident");
    InputCheck.of(body).requireText(REASON, MajorIncidentTaskListener.REASON_MAX).orThrow();
    steps.inTransaction(number, () -> {
      IncidentState incident = instances.state(number);
      requireOpen(incident, "cannot become a major incident");
      if (majorIncidents.running(number).isPresent()) {
        throw new RequestRefusedException(HttpStatus.CONFLICT, number + " is a major incident already");
      }
      children.parentOf(number).ifPresent(parent -> {
        throw new RequestRefusedException(HttpStatus.CONFLICT, number + " is linked to major incident " + parent
            + ": unlink it first");
      });
      String commander = caller.isMemberOfAny(List.of(SupportGroups.INCIDENT_MANAGERS)) ? caller.userId() : null;
      return majorIncidents.raise(runtime.getVariables(incident.processInstanceId()), Origin.PROMOTED,
          ((String) body.get(REASON)).strip(), caller.userId(), commander);
    });
    return view(number);
  }

  /**
   * Hands roles of major incident {@code number} over: {@code incidentCommander} (an incident manager),
   * {@code communicationsLead} (any user), and more {@code engagedGroups}, each change recorded with
   * {@code reason}. Their open tasks go to the new holders; each newly engaged group gets its task and mail.
   */
  public MajorIncidentView changeRoles(Caller caller, String number, Map<String, Object> body) {
    IncidentAccess.require(caller, COMMANDERS, "change the roles of major incident " + number);
    InputCheck check = InputCheck.of(body).optionalText(REASON, MajorIncidentTaskListener.REASON_MAX);
    check.require(body.get(INCIDENT_COMMANDER) != null || body.get(COMMUNICATIONS_LEAD) != null
        || body.get(ENGAGED_GROUPS) != null, INCIDENT_COMMANDER, "or communicationsLead or engagedGroups is required");
    if (body.get(INCIDENT_COMMANDER) != null) {
      staff.requireUser(check, INCIDENT_COMMANDER, body.get(INCIDENT_COMMANDER), SupportGroups.INCIDENT_MANAGERS);
    }
    if (body.get(COMMUNICATIONS_LEAD) != null) {
      staff.requireUser(check, COMMUNICATIONS_LEAD, body.get(COMMUNICATIONS_LEAD), null);
    }
    List<String> groups = staff.requireGroups(check, ENGAGED_GROUPS, body.get(ENGAGED_GROUPS), false);
    check.orThrow();
    String reason = (String) body.get(REASON);
    steps.inTransaction(number, () -> {
      ProcessInstance major = requireDeclared(number);
      Map<String, Object> variables = runtime.getVariables(major.getId());
      hand(major, Role.INCIDENT_COMMANDER, INCIDENT_COMMANDER, variables, body, caller, reason);
      hand(major, Role.COMMUNICATIONS_LEAD, COMMUNICATIONS_LEAD, variables, body, caller, reason);
      if (!groups.isEmpty()) {
        Set<String> engaged = new LinkedHashSet<>(roles.engagedGroups(number));
        engaged.addAll(groups);
        runtime.setVariable(major.getId(), ENGAGED_GROUPS, String.join(", ", engaged));
        // While the roles task is open, the groups are engaged when it completes, with the ones it names.
        boolean rolesAssigned = history.createHistoricActivityInstanceQuery().processInstanceId(major.getId())
            .activityId(MajorIncidentProcess.TASK_ASSIGN_ROLES).finished().count() > 0;
        if (rolesAssigned) {
          groups.forEach(group -> majorIncidents.engage(number, group, caller.userId()));
        }
      }
      return number;
    });
    return view(number);
  }

  private void hand(ProcessInstance major, Role role, String variable, Map<String, Object> variables,
      Map<String, Object> body, Caller caller, String reason) {
    String to = (String) body.get(variable);
    String from = (String) variables.get(variable);
    if (to == null || to.equals(from)) {
      return;
    }
    roles.record(major.getBusinessKey(), role, from, to, caller.userId(), reason);
    runtime.setVariable(major.getId(), variable, to);
    majorIncidents.handOver(major.getId(), role, to);
  }

  /** Links incident {@code body.incidentNumber} to major incident {@code number} by hand. */
  public MajorIncidentView link(Caller caller, String number, Map<String, Object> body) {
    IncidentAccess.require(caller, PROMOTERS, "link incidents to major incident " + number);
    Object value = body.get(CHILD);
    InputCheck.of(body).require(value instanceof String child && IncidentNumbers.isValid(child), CHILD,
        "must be an incident number such as INC0001042").orThrow();
    String child = (String) value;
    steps.inTransaction(number, () -> {
      requireDeclared(number);
      if (child.equals(number)) {
        throw RequestRefusedException.badField(CHILD, "is the major incident itself");
      }
      requireOpen(instances.state(child), "cannot be linked");
      if (majorIncidents.running(child).isPresent()) {
        throw new RequestRefusedException(HttpStatus.CONFLICT, child + " is a major incident of its own");
      }
      children.parentOf(child).ifPresent(parent -> {
        throw new RequestRefusedException(HttpStatus.CONFLICT, child + " is linked to " + parent + " already");
      });
      majorIncidents.link(number, child, caller.userId());
      return number;
    });
    return view(number);
  }

  /** Unlinks incident {@code child} from major incident {@code number} by hand. */
  public MajorIncidentView unlink(Caller caller, String number, String child) {
    IncidentAccess.require(caller, PROMOTERS, "unlink incidents from major incident " + number);
    IncidentNumbers.require(child);
    steps.inTransaction(number, () -> {
      if (!children.parentOf(child).filter(number::equals).isPresent()) {
        throw new RequestRefusedException(HttpStatus.NOT_FOUND, child + " is not linked to " + number);
      }
      majorIncidents.unlink(child, caller.userId());
      return number;
    });
    return view(number);
  }

  /** The post-incident review of major incident {@code number}; 404 until it is held. */
  public PostIncidentReview review(String number) {
    IncidentNumbers.require(number);
    return reviews.find(number).orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND,
        "No post-incident review of " + number + ": no such major incident, or its review is not held yet"));
  }

  private ProcessInstance requireDeclared(String number) {
    IncidentNumbers.require(number);
    ProcessInstance major = majorIncidents.running(number).orElseThrow(() -> new RequestRefusedException(
        HttpStatus.NOT_FOUND, number + " is no running major incident"));
    if (!MajorStatus.DECLARED.value().equals(runtime.getVariable(major.getId(), MAJOR_STATUS))) {
      throw new RequestRefusedException(HttpStatus.CONFLICT, number + " is " + runtime.getVariable(major.getId(),
          MAJOR_STATUS) + ", not a declared major incident");
    }
    return major;
  }

  private static void requireOpen(IncidentState incident, String what) {
    if (!incident.running() || incident.status() == null || !IncidentStatus.valueOf(incident.status()).isOpen()) {
      throw new RequestRefusedException(HttpStatus.CONFLICT, incident.number() + " is " + incident.status() + " and "
          + what);
    }
  }
}
