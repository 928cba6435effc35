package io.incidentflow.incident;

import io.incidentflow.incident.Codes.SupportGroup;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * The candidate groups of DESIGN.md: the groups an incident can be assigned to ({@link SupportGroup})
 * and the groups that manage, own or watch the process.
 */
public final class SupportGroups {

  public static final String SERVICE_DESK = SupportGroup.SERVICE_DESK.value();
  public static final String INCIDENT_MANAGERS = "incident-managers";
  public static final String PROBLEM_MANAGERS = "problem-managers";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String MANAGERS = "managers";

  /** Groups that watch the process in Cockpit. */
  public static final List<String> COCKPIT_USERS = List.of(INCIDENT_MANAGERS, PROBLEM_MANAGERS, PROCESS_OWNERS, MANAGERS);

  /** Every group id, in the order Admin lists them: the assignable groups first. */
  public static final List<String> ALL;

  /** The staff: members of any of the groups, and administrators. */
  public static final List<String> STAFF;

  static {
    List<String> all = new ArrayList<>(CodeList.values(SupportGroup.class));
    all.addAll(COCKPIT_USERS);
    ALL = List.copyOf(all);
    List<String> staff = new ArrayList<>(ALL);
    staff.add(Groups.CAMUNDA_ADMIN);
    STAFF = List.copyOf(staff);
  }

  private SupportGroups() {
  }

  /** The name Admin shows: {@code network-support} is "Network support". */
  public static String displayName(String groupId) {
    String words = groupId.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
