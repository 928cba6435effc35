package io.incidentflow.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;

/**
 * Who may do what with an incident through the API. The staff (members of any group, administrators, and machine clients
 * given one of those groups) report and read incidents; following one up (comments, the caller's
 * confirmation) is for the service desk, incident managers and the group the incident is assigned to.
 */
public final class IncidentAccess {

  private IncidentAccess() {
  }

  /**
   * Who reads every incident: the service desk (first level: whoever answers a caller), incident and problem
   * managers, managers (read-only insight) and administrators. Everybody else reads the incidents of their
   * groups: those assigned to one of them now or before.
   */
  public static final List<String> READ_ALL = List.of(SupportGroups.SERVICE_DESK, SupportGroups.INCIDENT_MANAGERS,
      SupportGroups.PROBLEM_MANAGERS, SupportGroups.MANAGERS, Groups.CAMUNDA_ADMIN);

  /** Whether the caller reads every incident, not only those of its groups. */
  public static boolean readsAll(Caller caller) {
    return caller.isMemberOfAny(READ_ALL);
  }

  /**
   * 403 unless the caller may read incident {@code incidentNumber}, which has been assigned to
   * {@code assignmentGroups} (now or before). The answer names no detail of the incident.
   */
  public static void requireRead(Caller caller, String incidentNumber, Collection<String> assignmentGroups) {
    if (!readsAll(caller) && assignmentGroups.stream().noneMatch(caller.groupIds()::contains)) {
      throw new RequestRefusedException(HttpStatus.FORBIDDEN, caller.userId() + " may not read " + incidentNumber
          + ": it is for the groups it has been assigned to, and for " + String.join(", ", READ_ALL));
    }
  }

  /** 403 unless the caller is staff. */
  public static void requireStaff(Caller caller, String action) {
    require(caller, SupportGroups.STAFF, action);
  }

  /** 403 unless the caller may follow up the incident assigned to {@code assignmentGroup}. */
  public static void requireFollowUp(Caller caller, Object assignmentGroup, String action) {
    List<String> groups = new ArrayList<>(List.of(SupportGroups.SERVICE_DESK, SupportGroups.INCIDENT_MANAGERS,
        Groups.CAMUNDA_ADMIN));
    if (assignmentGroup instanceof String group) {
      groups.add(group);
    }
    require(caller, groups, action);
  }

  /** 403 unless the caller is in one of {@code groups}. */
  public static void require(Caller caller, List<String> groups, String action) {
    if (!caller.isMemberOfAny(groups)) {
      throw new RequestRefusedException(HttpStatus.FORBIDDEN, caller.userId() + " may not " + action + ": that needs"
          + " one of the groups " + String.join(", ", groups));
    }
  }

}
