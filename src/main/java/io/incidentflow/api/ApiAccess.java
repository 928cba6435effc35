package io.incidentflow.api;

import io.incidentflow.config.ApiAuthentication.Caller;
import io.incidentflow.identity.SupportGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;

/**
 * Who may do what through the API. The staff (members of any group, administrators, and machine clients
 * given one of those groups) report and read incidents; following one up (comments, the caller's
 * confirmation) is for the service desk, incident managers and the group the incident is assigned to.
 */
public final class ApiAccess {

  /** The incident number of a path: {@code INC} and seven digits. */
  private static final Pattern INCIDENT_NUMBER = Pattern.compile("INC\\d{7}");

  private ApiAccess() {
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
      throw new ApiException(HttpStatus.FORBIDDEN, caller.userId() + " may not " + action + ": that needs one of the"
          + " groups " + String.join(", ", groups));
    }
  }

  /** 400 unless {@code incidentNumber} is an incident number. */
  public static void requireIncidentNumber(String incidentNumber) {
    if (!INCIDENT_NUMBER.matcher(incidentNumber).matches()) {
      throw ApiException.badField("incidentNumber",
          "must be INC followed by 7 digits, e.g. INC0001042 (was '" + incidentNumber + "')");
    }
  }
}
