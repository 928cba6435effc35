package io.incidentflow.dashboard;

import static io.incidentflow.dashboard.IncidentFlowMetric.*;
import static io.incidentflow.dashboard.Readings.ALL;
import static io.incidentflow.dashboard.Readings.groupAndPriority;

import io.incidentflow.dashboard.DashboardFigures.Outcomes;
import io.incidentflow.dashboard.DashboardFigures.SlaCell;
import io.incidentflow.dashboard.DashboardFigures.Spread;
import io.incidentflow.dashboard.DashboardFigures.TimeFigures;
import io.incidentflow.dashboard.DashboardFigures.Times;
import io.incidentflow.incident.EngineClock;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The dashboard's own figures ({@link DashboardFigures}, the same queries as the Cockpit dashboard) as metric
 * readings: the backlog and the risk now, and over the rolling window ({@code incident-flow.metrics.window})
 * the times to acknowledge and resolve and the SLA compliance against {@link KpiTargets}. Figures by priority
 * alone carry {@code group="all"}, by group alone {@code priority="all"}, over everything both.
 */
@Component
public class DashboardFigureReadings {

  private final DashboardFigures figures;
  private final KpiTargets targets;
  private final Duration window;

  public DashboardFigureReadings(DashboardFigures figures, KpiTargets targets, MetricsSettings settings) {
    this.figures = figures;
    this.targets = targets;
    this.window = settings.window();
  }

  void readInto(Readings readings) {
    Instant now = EngineClock.now();
    // A span of time up to now, not of calendar days: no time zone changes what it holds.
    DashboardQuery query = new DashboardQuery("last " + window, now.minus(window), now, ZoneOffset.UTC, now,
        List.of(), List.of(), List.of(), List.of());
    DashboardFigures.Backlog backlog = figures.backlog(query);
    backlog.cells().forEach(cell -> readings.put(BACKLOG_BY_GROUP_AND_PRIORITY,
        groupAndPriority(cell.group(), cell.priority()), cell.count()));
    backlog.ages().forEach(age -> readings.put(BACKLOG_BY_AGE, Tags.of("age", age.bucket()), age.count()));
    figures.atRisk(query).buckets().forEach(bucket -> readings.put(AT_RISK, Tags.of("bucket", bucket.bucket()),
        bucket.count()));
    TimeFigures times = figures.times(query);
    times.byPriority().forEach(t -> times(readings, groupAndPriority(ALL, t.priority()), t));
    times.byGroup().forEach(t -> times(readings, groupAndPriority(t.group(), ALL), t));
    times(readings, groupAndPriority(ALL, ALL), times.overall());
    sla(readings, figures.sla(query));
  }

  private static void times(Readings readings, Tags tags, Times times) {
    spread(readings, tags, times.acknowledge(), WINDOW_ACKNOWLEDGED, WINDOW_ACKNOWLEDGE_MEAN, WINDOW_ACKNOWLEDGE_P90);
    spread(readings, tags, times.resolve(), WINDOW_RESOLVED, WINDOW_RESOLVE_MEAN, WINDOW_RESOLVE_P90);
  }

  private static void spread(Readings readings, Tags tags, Spread spread, IncidentFlowMetric count,
      IncidentFlowMetric mean, IncidentFlowMetric p90) {
    readings.put(count, tags, spread.count());
    if (spread.count() > 0) {
      readings.put(mean, tags, spread.meanSeconds());
      readings.put(p90, tags, spread.p90Seconds());
    }
  }

  /** Each cell's outcomes and their sums by priority, by group and over all, both clocks. */
  private void sla(Readings readings, List<SlaCell> cells) {
    Map<Tags, long[]> sums = new LinkedHashMap<>();
    for (SlaCell cell : cells) {
      for (Tags tags : List.of(groupAndPriority(cell.group(), cell.priority()), groupAndPriority(ALL, cell.priority()),
          groupAndPriority(cell.group(), ALL), groupAndPriority(ALL, ALL))) {
        long[] sum = sums.computeIfAbsent(tags, t -> new long[4]);
        add(sum, 0, cell.response());
        add(sum, 2, cell.resolution());
      }
    }
    sums.forEach((tags, sum) -> {
      outcomes(readings, tags.and("sla", "response"), sum[0], sum[1]);
      outcomes(readings, tags.and("sla", "resolution"), sum[2], sum[3]);
    });
    targets(readings, cells);
  }

  /** The targets of each cell, from the latest version of KpiTargets (none before it is deployed). */
  private void targets(Readings readings, List<SlaCell> cells) {
    KpiTargets.Table table = targets.current();
    for (SlaCell cell : cells) {
      Tags tags = groupAndPriority(cell.group(), cell.priority());
      KpiTargets.Targets target = table.of(cell.priority(), cell.group());
      target(readings, tags.and("sla", "response"), target.response());
      target(readings, tags.and("sla", "resolution"), target.resolution());
    }
  }

  private static void add(long[] sum, int at, Outcomes outcomes) {
    sum[at] += outcomes.count();
    sum[at + 1] += outcomes.met();
  }

  private static void outcomes(Readings readings, Tags tags, long count, long met) {
    readings.put(WINDOW_SLA_OUTCOMES, tags, count);
    if (count > 0) {
      readings.put(WINDOW_SLA_MET, tags, (double) met / count);
    }
  }

  private static void target(Readings readings, Tags tags, Double percent) {
    if (percent != null) {
      readings.put(WINDOW_SLA_TARGET, tags, percent / 100);
    }
  }
}
