package io.incidentflow;

import io.incidentflow.incident.IncidentProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one incident through IncidentManagementProcess at the engine's door, as Tasklist would: report,
 * triage, claim, hold, resolve, confirm, each with sensible defaults (the VPN report of {@link Incidents},
 * routed to network-support as P2 High) that a test overrides where its point lies. A detour starts where
 * it starts: {@link #investigating} moves a fresh report's token straight to the investigation
 * ({@code startBeforeActivity}), its number, classification and SLA clocks as the report made them.
 */
public class IncidentDriver {

  /** The triage that routes the VPN report to network-support, keeping its classification. */
  public static final Map<String, Object> ROUTE = Map.of("triageDecision", "route", "category", "network",
      "assignmentGroup", "network-support", "impact", "medium", "urgency", "high");

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;

  public IncidentDriver(RuntimeService runtime, TaskService tasks, ManagementService management,
      HistoryService history) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.history = history;
  }

  /** {@link #ROUTE} with {@code changes}, e.g. {@code triage("triageDecision", "cancel", "cancelReason", "...")}. */
  public static Map<String, Object> triage(Object... changes) {
    return with(ROUTE, changes);
  }

  /** {@code base} with the name/value pairs of {@code changes} set. */
  public static Map<String, Object> with(Map<String, Object> base, Object... changes) {
    Map<String, Object> variables = new HashMap<>(base);
    for (int i = 0; i < changes.length; i += 2) {
      variables.put((String) changes[i], changes[i + 1]);
    }
    return variables;
  }

  /** Reports the VPN outage (P2 High); the incident waits for triage. */
  public ProcessInstance report() {
    return report(Incidents.vpnReport());
  }

  /** Reports {@code report} as the ReportIncident form would. */
  public ProcessInstance report(Map<String, Object> report) {
    return runtime.startProcessInstanceByKey(IncidentProcess.KEY, report);
  }

  /** Reports the VPN outage and routes it to network-support; it waits for an agent of that group. */
  public ProcessInstance routed() {
    ProcessInstance incident = report();
    complete(incident, ROUTE);
    return incident;
  }

  /**
   * A reported VPN outage that {@code agent} is investigating: the detour tests' starting point. The token
   * moves from triage straight to {@code Task_InvestigateIncident}, the agent claims it.
   */
  public ProcessInstance investigating(String agent) {
    ProcessInstance incident = report();
    runtime.createProcessInstanceModification(incident.getId())
        .cancelAllForActivity("Task_TriageIncident")
        .startBeforeActivity("Task_InvestigateIncident")
        .execute();
    tasks.claim(task(incident).getId(), agent);
    return incident;
  }

  /** Puts the investigation on hold for {@code reason}; the incident waits at Await information. */
  public void hold(ProcessInstance incident, String reason, String note) {
    complete(incident, Map.of("investigationOutcome", "on-hold", "onHoldReason", reason, "onHoldNote", note));
  }

  /** Resolves the investigation; the incident waits for the caller's answer. */
  public void resolve(ProcessInstance incident, String code, String notes) {
    complete(incident, Map.of("investigationOutcome", "resolved", "resolutionCode", code, "resolutionNotes", notes));
  }

  /** Answers the resolution on the caller's behalf. */
  public void confirm(ProcessInstance incident, boolean accepted, String comment) {
    complete(incident, Map.of("resolutionAccepted", accepted, "confirmationComment", comment));
  }

  /** Completes the incident's one open task with {@code variables}. */
  public void complete(ProcessInstance incident, Map<String, Object> variables) {
    tasks.complete(task(incident).getId(), variables);
  }

  /** The incident's one open user task. */
  public Task task(ProcessInstance incident) {
    return tasks.createTaskQuery().processInstanceId(incident.getId()).singleResult();
  }

  /** The incident's open user tasks. */
  public List<Task> openTasks(ProcessInstance incident) {
    return tasks.createTaskQuery().processInstanceId(incident.getId()).list();
  }

  /** The incident number, also after the instance has ended (history level full keeps it). */
  public String number(ProcessInstance incident) {
    return (String) history.createHistoricVariableInstanceQuery().processInstanceId(incident.getId())
        .variableName("incidentNumber").singleResult().getValue();
  }

  /** Sends what the incident's steps recorded to send (the job executor is off in tests). */
  public void sendNotifications(ProcessInstance incident) {
    NotificationJobs.run(management, incident.getId());
  }
}
