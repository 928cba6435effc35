package io.incidentflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.incident.EngineClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
  DecisionService decisions;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  /** A Monday far from the moments other tests set, so that the rolling window holds only this test's incidents. */
  static final Instant MONDAY_NINE = Instant.parse("2031-03-10T09:00:00Z");

  @Test
  void theFigures_ofIncidentsWithKnownTimes() {
    at(0);
    // Other incidents were reported years before: open ones are 7d+ old and breached, and none is in the window.
    Scrape before = scrape();
    ProcessInstance critical = incidents.report(Incidents.vpnReport("high", "high"));
    ProcessInstance taken = incidents.report();
    at(5);
    incidents.complete(critical, IncidentDriver.triage("impact", "high", "urgency", "high"));
    incidents.complete(taken, IncidentDriver.ROUTE);
    at(10);
    tasks.claim(incidents.task(critical).getId(), "bob");
    at(30);
    ProcessInstance waiting = incidents.report();
    fire(taken, "Event_ResponseDue");
    at(35);
    incidents.complete(waiting, IncidentDriver.ROUTE);
    at(40);
    tasks.claim(incidents.task(taken).getId(), "bob");
    at(60);
    incidents.resolve(critical, "configuration-change", "Split tunnel re-enabled on the VPN profile.");
    at(65);
    incidents.confirm(critical, true, "Works again, thank you.");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(critical.getId()).count()).as("closed").isZero();
    // 5 h after the first reports: of 8 h to resolve a P2, 5 h and 4.5 h are used.
    at(300);

    Scrape after = scrape();

    String[] p1 = {"group", "network-support", "priority", "1"};
    String[] p2 = {"group", "network-support", "priority", "2"};
    assertThat(after.count("incidentflow_backlog", p2) - before.count("incidentflow_backlog", p2)).isEqualTo(2);
    assertThat(after.count("incidentflow_backlog", p1) - before.count("incidentflow_backlog", p1)).isZero();
    assertThat(delta(before, after, "incidentflow_backlog_by_age", "age", "0-1d")).isEqualTo(2);
    for (String age : List.of("1-3d", "3-7d", "7d+")) {
      assertThat(delta(before, after, "incidentflow_backlog_by_age", "age", age)).as(age).isZero();
    }
    assertThat(delta(before, after, "incidentflow_at_risk", "bucket", "50-75")).isEqualTo(2);
    for (String bucket : List.of("75-90", "90-100", "breached")) {
      assertThat(delta(before, after, "incidentflow_at_risk", "bucket", bucket)).as(bucket).isZero();
    }

    assertThat(delta(before, after, "incidentflow_incidents_reported_total", p1)).isEqualTo(1);
    assertThat(delta(before, after, "incidentflow_incidents_reported_total", p2)).isEqualTo(2);
    assertThat(delta(before, after, "incidentflow_incidents_resolved_total", p1)).isEqualTo(1);
    assertThat(delta(before, after, "incidentflow_incidents_resolved_total", p2)).isZero();
    assertThat(delta(before, after, "incidentflow_incidents_closed_total", p1)).isEqualTo(1);
    assertThat(delta(before, after, "incidentflow_sla_breaches_total", with(p2, "sla", "response"))).isEqualTo(1);
    assertThat(delta(before, after, "incidentflow_sla_breaches_total", with(p2, "sla", "resolution"))).isZero();
    assertThat(delta(before, after, "incidentflow_sla_breaches_total", with(p1, "sla", "response"))).isZero();

    // The window: the P1 taken after 10 min and resolved after 60, the P2 taken after 40 (24x7 calendars).
    String[] overall = {"group", "all", "priority", "all"};
    assertThat(after.value("incidentflow_window_acknowledged", overall)).isEqualTo(2);
    assertThat(after.value("incidentflow_window_acknowledge_mean_seconds", overall)).isEqualTo(1500);
    assertThat(after.value("incidentflow_window_acknowledge_mean_seconds", "group", "all", "priority", "1")).isEqualTo(600);
    assertThat(after.value("incidentflow_window_acknowledge_p90_seconds", "group", "all", "priority", "2")).isEqualTo(2400);
    assertThat(after.value("incidentflow_window_acknowledge_mean_seconds", "group", "network-support", "priority", "all"))
        .isEqualTo(1500);
    assertThat(after.value("incidentflow_window_resolved", overall)).isEqualTo(1);
    assertThat(after.value("incidentflow_window_resolve_mean_seconds", "group", "all", "priority", "1")).isEqualTo(3600);
    assertThat(after.value("incidentflow_window_resolve_p90_seconds", overall)).isEqualTo(3600);
    assertThat(after.value("incidentflow_window_resolved", "group", "all", "priority", "2")).isZero();

    // SLA: the P1 met both clocks, the P2 breached its response; the third has no outcome yet.
    assertThat(after.value("incidentflow_window_sla_outcomes", with(overall, "sla", "response"))).isEqualTo(2);
    assertThat(after.value("incidentflow_window_sla_met_ratio", with(overall, "sla", "response"))).isEqualTo(0.5);
    assertThat(after.value("incidentflow_window_sla_met_ratio", with(p1, "sla", "response"))).isEqualTo(1.0);
    assertThat(after.value("incidentflow_window_sla_met_ratio", with(p2, "sla", "response"))).isEqualTo(0.0);
    assertThat(after.value("incidentflow_window_sla_met_ratio", "sla", "response", "group", "all", "priority", "2"))
        .isEqualTo(0.0);
    assertThat(after.value("incidentflow_window_sla_outcomes", with(overall, "sla", "resolution"))).isEqualTo(1);
    assertThat(after.value("incidentflow_window_sla_met_ratio", with(p1, "sla", "resolution"))).isEqualTo(1.0);
    Map<String, Object> target = decisions.evaluateDecisionTableByKey("KpiTargets", Map.of("priority", 1,
        "assignmentGroup", "network-support")).getSingleResult().getEntryMap();
    assertThat(after.value("incidentflow_window_sla_target_ratio", with(p1, "sla", "response")))
        .isEqualTo(((Number) target.get("responseTargetPercent")).doubleValue() / 100);
    assertThat(after.value("incidentflow_window_sla_target_ratio", with(p1, "sla", "resolution")))
        .isEqualTo(((Number) target.get("resolutionTargetPercent")).doubleValue() / 100);
    // The engine writes each evaluation of KpiTargets to history; reading the metrics every 30 s must not.
    long decided = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("KpiTargets").count();
    assertThat(decided).isPositive();
    metrics.refresh();
    assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("KpiTargets").count())
        .isEqualTo(decided);
  }

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

  private void at(int minutes) {
    ClockUtil.setCurrentTime(Date.from(MONDAY_NINE.plus(Duration.ofMinutes(minutes))));
  }

  /** Fires the incident's SLA timer {@code activityId} at its due date, as the job executor would. */
  private void fire(ProcessInstance incident, String activityId) {
    Job timer = management.createJobQuery().processInstanceId(incident.getId()).activityId(activityId).singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
  }

  private static double delta(Scrape before, Scrape after, String name, String... labels) {
    return after.count(name, labels) - before.count(name, labels);
  }

  private static String[] with(String[] labels, String... more) {
    String[] all = Arrays.copyOf(labels, labels.length + more.length);
    System.arraycopy(more, 0, all, labels.length, more.length);
    return all;
  }
}
