package io.incidentflow.dashboard;

import static io.incidentflow.dashboard.IncidentFlowMetric.*;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The job executor's state as the database holds it, so every node tells the same: jobs due and waiting,
 * jobs locked by a node, failed jobs (retries used up), and the totals of Camunda's own job and engine
 * metrics, which each node writes to the database every 15 minutes (Camunda's metrics reporter).
 */
@Component
public class JobExecutorState {

  private static final Map<IncidentFlowMetric, String> ENGINE_TOTALS = Map.of(
      ENGINE_JOB_SUCCESSFUL, Metrics.JOB_SUCCESSFUL,
      ENGINE_JOB_FAILED, Metrics.JOB_FAILED,
      ENGINE_JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUISITION_ATTEMPT,
      ENGINE_JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_SUCCESS,
      ENGINE_JOB_ACQUIRED_FAILURE, Metrics.JOB_ACQUIRED_FAILURE,
      ENGINE_JOB_EXECUTION_REJECTED, Metrics.JOB_EXECUTION_REJECTED,
      ENGINE_JOB_LOCKED_EXCLUSIVE, Metrics.JOB_LOCKED_EXCLUSIVE,
      ENGINE_ROOT_PROCESS_INSTANCE_START, Metrics.ROOT_PROCESS_INSTANCE_START,
      ENGINE_EXECUTED_DECISION_ELEMENTS, Metrics.EXECUTED_DECISION_ELEMENTS);

  private final ManagementService management;

  public JobExecutorState(ManagementService management) {
    this.management = management;
  }

  void readInto(Readings readings) {
    // executable(): retries left, due, instance not suspended, locked or not; acquired(): locked until later.
    long due = management.createJobQuery().executable().count();
    long dueAndLocked = management.createJobQuery().executable().acquired().count();
    readings.put(JOBS_DUE, due - dueAndLocked);
    readings.put(JOBS_LOCKED, management.createJobQuery().acquired().count());
    readings.put(JOBS_FAILED, management.createJobQuery().noRetriesLeft().count());
    ENGINE_TOTALS.forEach((metric, name) -> readings.put(metric, management.createMetricsQuery().name(name).sum()));
  }
}
