package io.incidentflow.problem;

import io.incidentflow.IncidentDriver;
import io.incidentflow.Incidents;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives problems and the incidents behind them in tests. Incidents it reports are triaged to the category given:
 * tests that do not test recurrence use {@code inquiry}, which ProblemCandidate never proposes a problem for, so
 * that incidents of other tests never make a proposal of their own.
 */
public final class ProblemDriver {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final IncidentDriver incidents;

  public ProblemDriver(RuntimeService runtime, TaskService tasks, ManagementService management, HistoryService history,
      IncidentDriver incidents) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.history = history;
    this.incidents = incidents;
  }

  /** Reports an incident of {@code service} described by {@code text} and routes it as {@code category} to {@code group}. */
  public ProcessInstance routed(String service, String category, String group, String text) {
    ProcessInstance incident = reported(service, text);
    route(incident, category, group);
    return incident;
  }

  /** An incident on {@code service} reported by phone, waiting for triage. */
  public ProcessInstance reported(String service, String text) {
    Map<String, Object> report = Incidents.vpnReport();
    report.put("affectedService", service);
    report.put("shortDescription", text);
    report.put("description", text + " (reported by phone)");
    return incidents.report(report);
  }

  /** Triages {@code incident}: {@code category}, routed to {@code group}. */
  public void route(ProcessInstance incident, String category, String group) {
    incidents.complete(incident, IncidentDriver.triage("category", category, "assignmentGroup", group));
  }

  /** The running problem {@code number}. */
  public ProcessInstance problem(String number) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ProblemProcess.KEY)
        .processInstanceBusinessKey(number).singleResult();
  }

  /** The id of problem {@code number}'s instance, running or ended. */
  String instanceId(String number) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ProblemProcess.KEY)
        .processInstanceBusinessKey(number).singleResult().getId();
  }

  /** The problem's one open task. */
  public Task task(String number) {
    return tasks.createTaskQuery().processInstanceId(instanceId(number)).singleResult();
  }

  /** Completes the problem's open task as {@code manager} with {@code variables}. */
  public void complete(String number, String manager, Map<String, Object> variables) {
    Task task = task(number);
    tasks.claim(task.getId(), manager);
    tasks.complete(task.getId(), variables);
  }

  /** Runs the problem's waiting jobs (its asynchronous steps), as the job executor would. */
  public void runJobs(String number) {
    List<Job> jobs = management.createJobQuery().processInstanceId(instanceId(number)).executable().list();
    jobs.forEach(job -> management.executeJob(job.getId()));
  }

  /** Investigates the problem: root cause recorded, a workaround known or not. */
  public void investigate(String number, boolean workaroundKnown) {
    complete(number, "pete", Map.of("rootCause", "The VPN concentrator's firmware leaks sessions after an hour.",
        "workaroundAvailable", workaroundKnown));
  }

  /** Publishes the workaround, mailing callers or not, and runs the step that communicates it. */
  public void publish(String number, String workaround, boolean mailCallers) {
    complete(number, "pete", Map.of("symptom", "The VPN drops every hour and reconnecting works",
        "workaround", workaround, "notifyCallers", mailCallers));
    runJobs(number);
  }

  /** Records the fix and runs the step that resolves the linked incidents. */
  public void fix(String number) {
    complete(number, "pete", Map.of("fixDescription", "Firmware 9.2 installed on both concentrators.",
        "changeReference", "CHG0004711"));
    runJobs(number);
  }
}
