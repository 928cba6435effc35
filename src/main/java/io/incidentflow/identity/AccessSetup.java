package io.incidentflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.incidentflow.incident.IncidentProcess;
import io.incidentflow.incident.SupportGroups;
import io.incidentflow.problem.ProblemProcess;
import io.incidentflow.major.MajorIncidentProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, on every start and in every profile, what the groups of DESIGN.md need to work: the groups,
 * their authorizations (authorization checks are on) and the shared Tasklist filters. Idempotent:
 * what exists is kept, so an operator's changes in Admin survive restarts. Users are not created here:
 * in production an operator adds them to these groups; the demo profile adds demo users.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessSetup extends AbstractProcessEnginePlugin {

  public static final String FILTER_MY_GROUPS = "My group's incidents";
  public static final String FILTER_MINE = "My incidents";
  public static final String FILTER_CRITICAL_AND_HIGH = "Critical and high";
  public static final String FILTER_ALL_OPEN = "All open incidents";
  public static final String FILTER_BY_TIME_LEFT = "By SLA time left";
  public static final String FILTER_BREACHED = "SLA breached";
  public static final String FILTER_PROBLEMS = "Problems";
  public static final String FILTER_MAJOR_INCIDENTS = "Major incidents";

  /** Task priority of a P2 incident (see IncidentTaskListener): the filter shows P1 and P2. */
  static final int HIGH_TASK_PRIORITY = 80;

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    createGroups(engine.getIdentityService());
    grantAccess(engine.getAuthorizationService());
    createFilters(engine.getFilterService(), engine.getTaskService(), engine.getAuthorizationService());
  }

  private static void createGroups(IdentityService identity) {
    SupportGroups.ALL.forEach(id -> {
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        Group group = identity.newGroup(id);
        group.setName(SupportGroups.displayName(id));
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        LOG.info("Created group {}", id);
      }
    });
  }

  private static void grantAccess(AuthorizationService authorizations) {
    for (String group : SupportGroups.ALL) {
      grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // Anyone in a group may report an incident from Tasklist.
      grant(authorizations, group, Resources.PROCESS_DEFINITION, IncidentProcess.KEY,
          Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      // Any group may be engaged in a major incident: its Restore service task opens with the model's form.
      grant(authorizations, group, Resources.PROCESS_DEFINITION, MajorIncidentProcess.KEY, Permissions.READ);
    }
    for (String group : SupportGroups.COCKPIT_USERS) {
      grant(authorizations, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(authorizations, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
      grant(authorizations, group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
      grant(authorizations, group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    // The service desk sees every open incident's task and its history (read; working it takes the group's
    // candidacy): when a caller phones back, whoever answers finds the incident.
    // Incident and problem managers and managers read every incident too: Cockpit's "Assignments by group"
    // (the engine's task report) needs READ on every task.
    for (String group : List.of(SupportGroups.SERVICE_DESK, SupportGroups.INCIDENT_MANAGERS,
        SupportGroups.PROBLEM_MANAGERS, SupportGroups.MANAGERS)) {
      grant(authorizations, group, Resources.TASK, ANY, Permissions.READ);
      grant(authorizations, group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    }
    // Process owners deploy changed models, e.g. from Camunda Modeler.
    grant(authorizations, SupportGroups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE);
  }

  private static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT)
        .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  private static void createFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    TaskQuery incidents = tasks.createTaskQuery().processDefinitionKey(IncidentProcess.KEY);
    createFilter(filters, authorizations, FILTER_MY_GROUPS, -20, "Open tasks of my groups, claimed or not",
        byPriority(incidents.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()));
    createFilter(filters, authorizations, FILTER_MINE, -15, "Tasks I have claimed",
        byPriority(tasks.createTaskQuery().processDefinitionKey(IncidentProcess.KEY).taskAssigneeExpression("${currentUser()}")));
    createFilter(filters, authorizations, FILTER_CRITICAL_AND_HIGH, -10, "P1 Critical and P2 High incidents I may see",
        byPriority(tasks.createTaskQuery().processDefinitionKey(IncidentProcess.KEY).taskMinPriority(HIGH_TASK_PRIORITY)));
    createFilter(filters, authorizations, FILTER_ALL_OPEN, 0, "Every open incident task I may see",
        byPriority(tasks.createTaskQuery().processDefinitionKey(IncidentProcess.KEY)));
    // A task's due date is its incident's resolutionDue: the first is the one with the least time left.
    createFilter(filters, authorizations, FILTER_BY_TIME_LEFT, -5, "My groups' incidents, the least SLA time left first",
        tasks.createTaskQuery().processDefinitionKey(IncidentProcess.KEY)
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc().orderByTaskPriority().desc());
    createFilter(filters, authorizations, FILTER_BREACHED, -3, "Incidents whose response or resolution SLA is breached",
        tasks.createTaskQuery().processDefinitionKey(IncidentProcess.KEY)
            .or().processVariableValueEquals("responseBreached", true)
            .processVariableValueEquals("resolutionBreached", true).endOr()
            .orderByDueDate().asc());
    // Problem management's steps (review a proposal, investigate, publish a workaround, record the fix), oldest first.
    createFilter(filters, authorizations, FILTER_PROBLEMS, 5, "Open steps of problems",
        tasks.createTaskQuery().processDefinitionKey(ProblemProcess.KEY).orderByTaskCreateTime().asc());
    // Proposals, roles, stakeholder updates (due on the cadence), linked incidents, restoration and reviews.
    createFilter(filters, authorizations, FILTER_MAJOR_INCIDENTS, -8, "Tasks of major incidents, the next due first",
        tasks.createTaskQuery().processDefinitionKey(MajorIncidentProcess.KEY)
            .orderByDueDate().asc().orderByTaskPriority().desc());
  }

  /** P1 on top, then the oldest first. */
  private static TaskQuery byPriority(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByTaskCreateTime().asc();
  }

  private static void createFilter(FilterService filters, AuthorizationService authorizations, String name,
      int order, String description, TaskQuery query) {
    if (filters.createTaskFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of("description", description, "priority", order, "refresh", true));
    filters.saveFilter(filter);
    Authorization readable = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    readable.setUserId(ANY);
    readable.setResource(Resources.FILTER);
    readable.setResourceId(filter.getId());
    readable.addPermission(Permissions.READ);
    authorizations.saveAuthorization(readable);
    LOG.info("Created Tasklist filter '{}'", name);
  }
}
