package io.incidentflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.incident.EngineClock;
import java.sql.Timestamp;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code /actuator/prometheus} shows of incidents and jobs in known states. Other tests share the
 * database, so each figure is compared with a scrape taken before the test's own incidents.
 */
@IncidentFlowTest
class DashboardMetricsTest extends IncidentFlowTestBase {

  @Autowired
  DashboardMetrics metrics;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  @Test
  void theJobExecutorsState_isReadFromTheJobTable() {
    Scrape before = scrape();
    ProcessInstance incident = incidents.report();
    long waiting = management.createJobQuery().processInstanceId(incident.getId()).executable().count();
    assertThat(waiting).as("the acknowledgement waits to be sent").isPositive();

    Scrape reported = scrape();
    assertThat(reported.value("incidentflow_jobs_due") - before.value("incidentflow_jobs_due")).isEqualTo(waiting);
    assertThat(reported.value("incidentflow_jobs_locked")).isEqualTo(before.value("incidentflow_jobs_locked"));

    Job job = management.createJobQuery().processInstanceId(incident.getId()).executable().list().get(0);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = 'another-node', LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
        Timestamp.from(EngineClock.now().plus(Duration.ofMinutes(5))), job.getId());
    Scrape locked;
    try {
      locked = scrape();
    } finally {
      jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL WHERE ID_ = ?", job.getId());
    }
    assertThat(locked.value("incidentflow_jobs_due")).isEqualTo(reported.value("incidentflow_jobs_due") - 1);
    assertThat(locked.value("incidentflow_jobs_locked")).isEqualTo(reported.value("incidentflow_jobs_locked") + 1);

    management.setJobRetries(job.getId(), 0);
    Scrape failed = scrape();
    assertThat(failed.value("incidentflow_jobs_failed")).isEqualTo(before.value("incidentflow_jobs_failed") + 1);
    assertThat(failed.value("incidentflow_jobs_due")).isEqualTo(reported.value("incidentflow_jobs_due") - 1);

    management.setJobRetries(job.getId(), 3);
    incidents.sendNotifications(incident);
    Scrape sent = scrape();
    assertThat(sent.value("incidentflow_jobs_failed")).isEqualTo(before.value("incidentflow_jobs_failed"));
    assertThat(sent.value("incidentflow_jobs_due")).isEqualTo(before.value("incidentflow_jobs_due"));
    // Camunda's own counters, as the engine reports them to the database.
    assertThat(sent.value("incidentflow_engine_root_process_instance_start_total")
        - before.value("incidentflow_engine_root_process_instance_start_total")).isEqualTo(1);
    assertThat(sent.value("incidentflow_engine_job_successful_total")
        - before.value("incidentflow_engine_job_successful_total")).isGreaterThanOrEqualTo(waiting);
    assertThat(sent.value("incidentflow_engine_executed_decision_elements_total"))
        .isGreaterThan(before.value("incidentflow_engine_executed_decision_elements_total"));
  }

  /** Reads the database as the background refresh would, with the engine's metrics reported first, and scrapes. */
  private Scrape scrape() {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbMetricsReporter().reportNow();
    metrics.refresh();
    return Scrape.of(http);
  }
}
