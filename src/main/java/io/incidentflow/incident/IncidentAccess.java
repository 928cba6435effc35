package io.incidentflow.incident;

import java.util.ArrayList;
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
