package io.incidentflow.incident;

/** The process every incident runs: {@code processes/IncidentManagementProcess.bpmn} (DESIGN.md). */
public final class IncidentProcess {

  /** Its key, the same in every deployed version. */
  public static final String KEY = "IncidentManagementProcess";

  private IncidentProcess() {
  }
}
