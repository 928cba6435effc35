package io.incidentflow.dashboard;

/**
 * The application's metrics as Prometheus shows them ({@code incidentflow_*}): each with its Micrometer name,
 * what kind of meter it is and what it means (its {@code # HELP}). The README's "Metrics for Prometheus"
 * lists the same.
 */
public enum IncidentFlowMetric {

  BACKLOG_BY_GROUP_AND_PRIORITY("incidentflow.backlog", Kind.COUNT, null,
      "Open incidents now (NEW, ASSIGNED, IN_PROGRESS, ON_HOLD), by assignment group and priority"),
  BACKLOG_BY_AGE("incidentflow.backlog.by.age", Kind.COUNT, null,
      "Open incidents now, by the time since they were reported (0-1d, 1-3d, 3-7d, 7d+)"),
  AT_RISK("incidentflow.at.risk", Kind.COUNT, null,
      "Open incidents whose resolution clock runs now, by the share of their resolution time used"
          + " (50-75, 75-90, 90-100, breached)"),

  REPORTED("incidentflow.incidents.reported", Kind.COUNTER, null,
      "Incidents reported, by their current assignment group and priority"),
  RESOLVED("incidentflow.incidents.resolved", Kind.COUNTER, null,
      "Incidents resolved or closed, by their current assignment group and priority (a reopened incident"
          + " counts again once resolved again)"),
  CLOSED("incidentflow.incidents.closed", Kind.COUNTER, null,
      "Incidents closed, by their assignment group and priority"),
  SLA_BREACHES("incidentflow.sla.breaches", Kind.COUNTER, null,
      "Incidents that breached their response or resolution SLA (sla), by assignment group and priority"),

  WINDOW_ACKNOWLEDGED("incidentflow.window.acknowledged", Kind.COUNT, null,
      "Incidents taken by an agent in the rolling window, by priority (group=all), by group (priority=all) and"
          + " overall (both all)"),
  WINDOW_ACKNOWLEDGE_MEAN("incidentflow.window.acknowledge.mean", Kind.MEASURE, "seconds",
      "Mean working time from report to an agent taking it, of the incidents taken in the rolling window"),
  WINDOW_ACKNOWLEDGE_P90("incidentflow.window.acknowledge.p90", Kind.MEASURE, "seconds",
      "90th percentile of the working time from report to an agent taking it, incidents taken in the rolling window"),
  WINDOW_RESOLVED("incidentflow.window.resolved", Kind.COUNT, null,
      "Incidents resolved in the rolling window, by priority (group=all), by group (priority=all) and overall"),
  WINDOW_RESOLVE_MEAN("incidentflow.window.resolve.mean", Kind.MEASURE, "seconds",
      "Mean working time from report to resolution, pauses the SLA excludes left out, of the incidents resolved"
          + " in the rolling window"),
  WINDOW_RESOLVE_P90("incidentflow.window.resolve.p90", Kind.MEASURE, "seconds",
      "90th percentile of the working time from report to resolution, incidents resolved in the rolling window"),
  WINDOW_SLA_OUTCOMES("incidentflow.window.sla.outcomes", Kind.COUNT, null,
      "SLA outcomes (a clock stopped, or breached) in the rolling window, by SLA, group and priority (all: every one)"),
  WINDOW_SLA_MET("incidentflow.window.sla.met", Kind.MEASURE, "ratio",
      "Share of the SLA outcomes in the rolling window that met their target (0..1)"),
  WINDOW_SLA_TARGET("incidentflow.window.sla.target", Kind.MEASURE, "ratio",
      "The share a process owner expects to meet its target (decision KpiTargets, 0..1)"),

  JOBS_DUE("incidentflow.jobs.due", Kind.COUNT, null,
      "Jobs due now that no job executor has locked yet (timers, mail deliveries)"),
  JOBS_LOCKED("incidentflow.jobs.locked", Kind.COUNT, null, "Jobs a job executor has locked and runs now"),
  JOBS_FAILED("incidentflow.jobs.failed", Kind.COUNT, null,
      "Failed jobs: retries used up, waiting for someone to retry them (Cockpit lists them as its 'incidents')"),
  ENGINE_JOB_SUCCESSFUL("incidentflow.engine.job.successful", Kind.COUNTER, null,
      "Jobs run successfully (Camunda's metric job-successful, as the nodes report it to the database)"),
  ENGINE_JOB_FAILED("incidentflow.engine.job.failed", Kind.COUNTER, null,
      "Job runs that failed, each retry counting (Camunda's job-failed, as the nodes report it to the database)"),
  ENGINE_JOB_ACQUISITION_ATTEMPT("incidentflow.engine.job.acquisition.attempt", Kind.COUNTER, null,
      "Times a job executor looked for due jobs (Camunda's job-acquisition-attempt)"),
  ENGINE_JOB_ACQUIRED_SUCCESS("incidentflow.engine.job.acquired.success", Kind.COUNTER, null,
      "Jobs a job executor locked to run (Camunda's job-acquired-success)"),
  ENGINE_JOB_ACQUIRED_FAILURE("incidentflow.engine.job.acquired.failure", Kind.COUNTER, null,
      "Jobs a job executor could not lock because another node took them first (Camunda's job-acquired-failure)"),
  ENGINE_JOB_EXECUTION_REJECTED("incidentflow.engine.job.execution.rejected", Kind.COUNTER, null,
      "Locked jobs the job executor's threads had no room for (Camunda's"
          + " job-execution-rejected): a sign that it is saturated"),
  ENGINE_JOB_LOCKED_EXCLUSIVE("incidentflow.engine.job.locked.exclusive", Kind.COUNTER, null,
      "Exclusive jobs run right after another job of the same process instance (Camunda's job-locked-exclusive)"),
  ENGINE_ROOT_PROCESS_INSTANCE_START("incidentflow.engine.root.process.instance.start", Kind.COUNTER, null,
      "Process instances started (Camunda's root-process-instance-start)"),
  ENGINE_EXECUTED_DECISION_ELEMENTS("incidentflow.engine.executed.decision.elements", Kind.COUNTER, null,
      "Decision elements evaluated (Camunda's executed-decision-elements)"),

  REFRESHED("incidentflow.metrics.refreshed.timestamp", Kind.MEASURE, "seconds",
      "When this node last read the figures from the database (Unix time): the figures are as old as that"),
  REFRESH_DURATION("incidentflow.metrics.refresh.duration", Kind.MEASURE, "seconds",
      "How long this node's last reading of the figures from the database took");

  /** How a metric is shown, and what it reads where the database gave no value for a series. */
  public enum Kind {
    /** A number of things now (a gauge); 0 where there are none. */
    COUNT,
    /** A measurement (a gauge): a mean, a share, a moment; not a number where nothing was measured. */
    MEASURE,
    /** A total that only grows (a counter), read from the database; 0 where there is none. */
    COUNTER
  }

  private final String meterName;
  private final Kind kind;
  private final String baseUnit;
  private final String help;

  IncidentFlowMetric(String meterName, Kind kind, String baseUnit, String help) {
    this.meterName = meterName;
    this.kind = kind;
    this.baseUnit = baseUnit;
    this.help = help;
  }

  /** The Micrometer name; Prometheus shows it with underscores, a counter's with {@code _total}. */
  public String meterName() {
    return meterName;
  }

  public Kind kind() {
    return kind;
  }

  /** {@code seconds} or {@code ratio} (Prometheus appends it to the name), or null. */
  public String baseUnit() {
    return baseUnit;
  }

  public String help() {
    return help;
  }

  /** What a series reads when the last reading of the database had no value for it. */
  double absent() {
    return kind == Kind.MEASURE ? Double.NaN : 0;
  }
}
