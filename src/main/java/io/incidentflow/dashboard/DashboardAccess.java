package io.incidentflow.dashboard;

import io.incidentflow.incident.Caller;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.SupportGroups;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/** Who reads the manager's dashboard and its figures: incident managers, managers and administrators. */
public final class DashboardAccess {

  /** The groups whose members read the dashboard. */
  public static final List<String> READERS = List.of(SupportGroups.INCIDENT_MANAGERS, SupportGroups.MANAGERS,
      Groups.CAMUNDA_ADMIN);

  private DashboardAccess() {
  }

  /** 403 unless {@code caller} reads the dashboard. */
  public static void requireReader(Caller caller) {
    IncidentAccess.require(caller, READERS, "read the incident dashboard");
  }
}
