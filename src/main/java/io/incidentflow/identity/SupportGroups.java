package io.incidentflow.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The candidate groups of DESIGN.md with their display names, and which of them work which application. */
public final class SupportGroups {

  public static final String SERVICE_DESK = "service-desk";
  public static final String INCIDENT_MANAGERS = "incident-managers";
  public static final String PROBLEM_MANAGERS = "problem-managers";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String MANAGERS = "managers";

  /** Every group, id to name, in the order Admin shows them. */
  public static final Map<String, String> ALL = new LinkedHashMap<>();

  static {
    ALL.put(SERVICE_DESK, "Service desk");
    ALL.put("network-support", "Network support");
    ALL.put("application-support", "Application support");
    ALL.put("database-support", "Database support");
    ALL.put("workplace-support", "Workplace support");
    ALL.put("security-operations", "Security operations");
    ALL.put(INCIDENT_MANAGERS, "Incident managers");
    ALL.put(PROBLEM_MANAGERS, "Problem managers");
    ALL.put(PROCESS_OWNERS, "Process owners");
    ALL.put(MANAGERS, "Managers");
  }

  /** Groups that watch the process in Cockpit. */
  public static final List<String> COCKPIT_USERS = List.of(INCIDENT_MANAGERS, PROBLEM_MANAGERS, PROCESS_OWNERS, MANAGERS);

  private SupportGroups() {
  }
}
