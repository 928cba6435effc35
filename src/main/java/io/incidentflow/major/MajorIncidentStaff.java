package io.incidentflow.major;

import io.incidentflow.incident.CodeList;
import io.incidentflow.incident.Codes.SupportGroup;
import io.incidentflow.incident.InputCheck;
import io.incidentflow.incident.SupportGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who can hold a role of a major incident: the incident commander is an incident manager, the communications lead
 * any user, the engaged groups are groups incidents can be assigned to. The same checks for the forms and the API.
 */
@Component
public class MajorIncidentStaff {

  private static final int USER_ID_MAX = 64;

  private final IdentityService identity;

  public MajorIncidentStaff(IdentityService identity) {
    this.identity = identity;
  }

  /** The person completing {@code task}: who is logged in, or (the application acting) the task's assignee. */
  static String actor(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId()
        : task.getAssignee();
  }

  /** {@code field} names a user; of {@code group}, unless that is null. */
  public void requireUser(InputCheck check, String field, Object userId, String group) {
    if (!(userId instanceof String id) || id.isBlank() || id.length() > USER_ID_MAX) {
      check.require(false, field, "must name a user (a user id of at most " + USER_ID_MAX + " characters)");
      return;
    }
    long found = MajorIncidents.asProcess(() -> group == null ? identity.createUserQuery().userId(id).count()
        : identity.createUserQuery().userId(id).memberOfGroup(group).count());
    check.require(found > 0, field, group == null ? "names no user: '" + id + "'"
        : "must be a member of " + group + ": '" + id + "' is not, or no such user");
  }

  /**
   * The groups {@code value} names (comma-separated text, or a list), each one an incident can be assigned to; at
   * least one when {@code required}.
   */
  public List<String> requireGroups(InputCheck check, String field, Object value, boolean required) {
    Collection<?> names = value instanceof String text ? Arrays.stream(text.split(",")).map(String::strip)
        .filter(name -> !name.isEmpty()).toList() : value instanceof Collection<?> list ? list : null;
    if (names == null || (required && names.isEmpty())) {
      check.require(value == null && !required, field, value == null ? "is required"
          : "must be a list of groups such as network-support, database-support");
      return List.of();
    }
    LinkedHashSet<String> groups = new LinkedHashSet<>();
    for (Object name : names) {
      if (CodeList.contains(SupportGroup.class, name)) {
        groups.add((String) name);
      } else {
        check.require(false, field, "must name groups of " + String.join(", ", CodeList.values(SupportGroup.class))
            + " (was '" + name + "')");
      }
    }
    return new ArrayList<>(groups);
  }

  /** The group that commands major incidents. */
  static String commanders() {
    return SupportGroups.INCIDENT_MANAGERS;
  }
}
