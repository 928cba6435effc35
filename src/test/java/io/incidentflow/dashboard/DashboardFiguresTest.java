package io.incidentflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.dashboard.DashboardFigures.AtRisk;
import io.incidentflow.dashboard.DashboardFigures.Backlog;
import io.incidentflow.dashboard.DashboardFigures.Quality;
import io.incidentflow.dashboard.DashboardFigures.TimeFigures;
import io.incidentflow.dashboard.DashboardFigures.Volume;
import io.incidentflow.dashboard.DashboardIncidents.Slice;
import io.incidentflow.summary.ReadModelBackfill;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every figure of the dashboard, computed from eight incidents with known times (engine clock) on one day,
 * all reported by chat (no other test uses that channel, so the filter sets them apart), P2 (24x7, respond
 * in 30 minutes, resolve in 8 hours) unless said otherwise. At T0 + 5 h:
 * <pre>
 * A  taken T0+10, reassigned to application-support T0+12, resolved T0+70, closed T0+80
 * B  reported T0+5, resolved at triage T0+20 (first contact)
 * C  taken T0+40 after the response breached at T0+31; in progress
 * D  taken T0+15, on hold awaiting the caller T0+60 (clock paused)
 * E  reported T0-2h30, never taken (93.75 % used)
 * F  taken T0+5, resolved T0+30, rejected T0+40, resolved again T0+60
 * G  P1 reported T0-4h, never taken: resolution breached (timer fired at T0+5h)
 * H  reported T0-1h10 to application-support, never taken (77 % used)
 * </pre>
 */
@IncidentFlowTest
class DashboardFiguresTest extends IncidentFlowTestBase {

  private static final Instant T0 = Instant.parse("2031-03-03T09:00:00Z");
  private static final Instant NOW = T0.plus(Duration.ofHours(5));

  @Autowired
  DashboardFigures figures;
  @Autowired
  SlaCompliance compliance;
  @Autowired
  DashboardIncidents listed;
  @Autowired
  WaitingSteps steps;
  @Autowired
  ReadModelBackfill backfill;
  @Autowired
  DataSource dataSource;

  /** The incidents' numbers by their letter; made once for all tests, which only read them. */
  private static final Map<String, String> NUMBERS = new HashMap<>();

  @BeforeEach
  void theIncidentsOfOneDay() {
    if (!NUMBERS.isEmpty()) {
      return;
    }
    // A database kept between runs (PostgreSQL) still holds an earlier run's chat incidents.
    new JdbcTemplate(dataSource).update("DELETE FROM incident_summary WHERE channel = 'chat'");
    at(-240);
    ProcessInstance g = report("G", "high", "high");
    incidents.complete(g, IncidentDriver.triage("impact", "high"));
    at(-150);
    incidents.complete(report("E", "medium", "high"), IncidentDriver.ROUTE);
    at(-70);
    incidents.complete(report("H", "medium", "high"),
        IncidentDriver.triage("assignmentGroup", "application-support", "category", "software"));
    at(0);
    ProcessInstance a = report("A", "medium", "high");
    ProcessInstance c = report("C", "medium", "high");
    ProcessInstance d = report("D", "medium", "high");
    ProcessInstance f = report("F", "medium", "high");
    at(2);
    for (ProcessInstance routed : List.of(a, c, d, f)) {
      incidents.complete(routed, IncidentDriver.ROUTE);
    }
    at(5);
    ProcessInstance b = report("B", "medium", "high");
    claim(f, "bob");
    at(10);
    claim(a, "bob");
    at(12);
    incidents.complete(a, Map.of("investigationOutcome", "reassign", "assignmentGroup", "application-support"));
    at(15);
    claim(d, "bob");
    claim(a, "carol");
    at(20);
    incidents.complete(b, IncidentDriver.triage("triageDecision", "resolve", "resolutionCode", "user-training",
        "resolutionNotes", "Showed how to reconnect"));
    at(30);
    incidents.resolve(f, "fixed", "Restarted the concentrator");
    at(31);
    fire(c, "Event_ResponseDue");
    at(40);
    claim(c, "bob");
    incidents.confirm(f, false, "Still drops");
    at(45);
    claim(f, "bob");
    at(60);
    incidents.hold(d, "awaiting-caller", "Which client version?");
    incidents.resolve(f, "fixed", "Replaced the concentrator");
    at(70);
    incidents.resolve(a, "fixed", "Split tunnel configured");
    at(80);
    incidents.confirm(a, true, "Works");
    at(300);
    fire(g, "Event_ResolutionWarningDue");
    fire(g, "Event_ResolutionDue");
  }

  @Test
  void theBacklog_byGroupPriorityAndAge() {
    Backlog backlog = figures.backlog(chat());

    assertThat(backlog.total()).isEqualTo(5);
    assertThat(backlog.cells()).extracting("group", "priority", "count").containsExactly(
        tuple("application-support", 2, 1L), tuple("network-support", 1, 1L), tuple("network-support", 2, 3L));
    assertThat(backlog.ages()).extracting("bucket", "count").containsExactly(
        tuple("0-1d", 5L), tuple("1-3d", 0L), tuple("3-7d", 0L), tuple("7d+", 0L));
    assertThat(numbers(listed.page(chat(), new Slice("backlog", "0-1d", null, null, null), 0, 20)))
        .containsExactlyInAnyOrder(n("C"), n("D"), n("E"), n("G"), n("H"));
    assertThat(listed.page(chat(), new Slice("backlog", "1-3d", null, null, null), 0, 20).total()).isZero();
  }

  @Test
  void atRisk_runningClocksByShareUsed_pausedOnesLeftOut() {
    AtRisk atRisk = figures.atRisk(chat());

    assertThat(atRisk.buckets()).extracting("bucket", "count").containsExactly(
        tuple("50-75", 1L), tuple("75-90", 1L), tuple("90-100", 1L), tuple("breached", 1L));
    assertThat(atRisk.buckets()).extracting(b -> b.incidents().get(0).incidentNumber())
        .containsExactly(n("C"), n("H"), n("E"), n("G"));
    for (String bucket : DashboardFigures.RISKS) {
      assertThat(numbers(listed.page(chat(), new Slice("at-risk", null, bucket, null, null), 0, 20)))
          .as(bucket).containsExactlyElementsOf(atRisk.buckets().stream().filter(b -> b.bucket().equals(bucket))
              .flatMap(b -> b.incidents().stream()).map(DashboardFigures.Listed::incidentNumber).toList());
    }
  }

  @Test
  void timesToAcknowledgeAndResolve_meanAndNinetiethPercentile() {
    TimeFigures times = figures.times(chat());

    // Taken: A 600, B 900, C 2400, D 900, F 300 s. Resolved: A 4200, B 900, F 3600 - 600 resolved-and-waiting.
    assertThat(times.overall().acknowledge()).isEqualTo(new DashboardFigures.Spread(5, 1020L, 1800L));
    assertThat(times.overall().resolve()).isEqualTo(new DashboardFigures.Spread(3, 2700L, 3960L));
    assertThat(times.byPriority()).extracting("priority").containsExactly(2);
    assertThat(times.byGroup()).extracting("group", "acknowledge", "resolve").containsExactly(
        tuple("application-support", new DashboardFigures.Spread(1, 600L, 600L),
            new DashboardFigures.Spread(1, 4200L, 4200L)),
        tuple("network-support", new DashboardFigures.Spread(4, 1125L, 1950L),
            new DashboardFigures.Spread(2, 1950L, 2790L)));
  }

  @Test
  void slaCompliance_perGroupAndPriority_againstTheKpiTargets() {
    SlaCompliance.Figures sla = compliance.of(chat());

    assertThat(sla.cells()).extracting(c -> c.group() + " P" + c.priority() + " response "
        + c.response().met() + "/" + c.response().count() + " " + c.response().percent() + " % of "
        + c.response().target() + " " + c.response().onTarget() + ", resolution " + c.resolution().met() + "/"
        + c.resolution().count() + " " + c.resolution().percent() + " % of " + c.resolution().target() + " "
        + c.resolution().onTarget()).containsExactly(
        "application-support P2 response 1/1 100.0 % of 95.0 true, resolution 1/1 100.0 % of 90.0 true",
        "network-support P1 response 0/0 null % of 95.0 null, resolution 0/1 0.0 % of 90.0 false",
        "network-support P2 response 3/4 75.0 % of 95.0 false, resolution 2/2 100.0 % of 90.0 true");
    assertThat(sla.overall().response()).isEqualTo(new SlaCompliance.Compliance(5, 4, 80.0, null, null));
    assertThat(sla.overall().resolution()).isEqualTo(new SlaCompliance.Compliance(4, 3, 75.0, null, null));
    assertThat(numbers(listed.page(chat(), new Slice("response-breached", null, null, null, null), 0, 20)))
        .containsExactly(n("C"));
    assertThat(numbers(listed.page(chat(), new Slice("resolution-breached", null, null, null, null), 0, 20)))
        .containsExactly(n("G"));
  }

  @Test
  void quality_firstContactReopenedReassigned() {
    Quality quality = figures.quality(chat());

    assertThat(quality.resolved()).isEqualTo(3);
    assertThat(quality.firstContact()).isEqualTo(1);
    assertThat(quality.reopened()).isEqualTo(1);
    assertThat(quality.meanReassignments()).isCloseTo(1 / 3.0, offset(0.001));
    assertThat(numbers(listed.page(chat(), new Slice("first-contact", null, null, null, null), 0, 20)))
        .containsExactly(n("B"));
    assertThat(numbers(listed.page(chat(), new Slice("reopened", null, null, null, null), 0, 20)))
        .containsExactly(n("F"));
  }

  @Test
  void volume_byChannelServiceCategory_andDayByDay() {
    Volume volume = figures.volume(chat());

    assertThat(volume.reported()).isEqualTo(8);
    assertThat(volume.channels()).extracting("value", "count").containsExactly(tuple("chat", 8L));
    assertThat(volume.services()).extracting("value", "count").containsExactly(tuple("vpn", 8L));
    assertThat(volume.categories()).extracting("value", "count")
        .containsExactly(tuple("network", 7L), tuple("software", 1L));
    assertThat(volume.trend()).extracting("day", "reported", "resolved")
        .containsExactly(tuple(LocalDate.of(2031, 3, 3), 8L, 3L));
    assertThat(listed.page(chat(), new Slice("reported", null, null, "software", "2031-03-03"), 0, 20).items())
        .extracting("incidentNumber").containsExactly(n("H"));
  }

  @Test
  void filters_narrowEveryFigure() {
    DashboardQuery p1 = query(List.of("network-support"), List.of(1));

    assertThat(figures.backlog(p1).total()).isEqualTo(1);
    assertThat(figures.atRisk(p1).buckets()).extracting("count").containsExactly(0L, 0L, 0L, 1L);
    assertThat(figures.volume(p1).reported()).isEqualTo(1);
    assertThat(figures.quality(p1).resolved()).isZero();
  }

  @Test
  void theDiagramOverlay_countsWhatWaitsAtEachTask() {
    Map<String, WaitingSteps.Step> waiting = new HashMap<>();
    steps.at(NOW).forEach(s -> waiting.put(s.activityId(), s));

    for (String task : List.of("Task_TriageIncident", "Task_InvestigateIncident", "Task_AwaitInformation",
        "Task_ConfirmResolution")) {
      long open = tasks.createTaskQuery().processDefinitionKey("IncidentManagementProcess").taskDefinitionKey(task)
          .count();
      assertThat(waiting.containsKey(task) ? waiting.get(task).waiting() : 0L).as(task).isEqualTo(open);
    }
    // D has waited at Await information since T0+60: 4 hours at T0+5h, and it is the only one there unless
    // other tests left incidents on hold (their waits are measured from today, before 2031).
    assertThat(waiting.get("Task_AwaitInformation").meanWaitSeconds()).isGreaterThanOrEqualTo(4 * 3600);
  }

  @Test
  void rowsWrittenBeforeTheFigures_areFilledFromHistoryAtStart() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("UPDATE incident_summary SET acknowledged_at = NULL, resolved_at = NULL, resolve_seconds = NULL,"
        + " first_contact = FALSE, figures_version = 0 WHERE incident_number = ?", n("B"));
    assertThat(figures.quality(chat()).firstContact()).isZero();

    backfill.run(null);

    assertThat(figures.quality(chat()).firstContact()).isEqualTo(1);
    assertThat(figures.times(chat()).overall().resolve()).isEqualTo(new DashboardFigures.Spread(3, 2700L, 3960L));
  }

  private DashboardQuery chat() {
    return query(List.of(), List.of());
  }

  private static DashboardQuery query(List<String> groups, List<Integer> priorities) {
    return DashboardQuery.parse("custom", "2031-03-03", "2031-03-03", groups,
        priorities.stream().map(String::valueOf).toList(), List.of(), List.of("chat"), ZoneOffset.UTC, NOW);
  }

  private ProcessInstance report(String name, String impact, String urgency) {
    Map<String, Object> report = Incidents.vpnReport(impact, urgency);
    report.put("channel", "chat");
    report.put("shortDescription", "Dashboard incident " + name);
    ProcessInstance incident = incidents.report(report);
    NUMBERS.put(name, incident.getBusinessKey());
    return incident;
  }

  private void claim(ProcessInstance incident, String agent) {
    tasks.claim(incidents.task(incident).getId(), agent);
  }

  private void fire(ProcessInstance incident, String timer) {
    Job job = management.createJobQuery().processInstanceId(incident.getId()).activityId(timer).singleResult();
    assertThat(job).as(timer).isNotNull();
    management.executeJob(job.getId());
  }

  private String n(String name) {
    return NUMBERS.get(name);
  }

  private static List<String> numbers(DashboardIncidents.Page page) {
    List<String> numbers = new ArrayList<>();
    page.items().forEach(r -> numbers.add(r.incidentNumber()));
    return numbers;
  }

  private static void at(int minutes) {
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofMinutes(minutes))));
  }
}
