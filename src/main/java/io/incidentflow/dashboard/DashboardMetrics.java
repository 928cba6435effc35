package io.incidentflow.dashboard;

import static io.incidentflow.dashboard.IncidentFlowMetric.REFRESHED;
import static io.incidentflow.dashboard.IncidentFlowMetric.REFRESH_DURATION;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The application's metrics ({@link IncidentFlowMetric}) for {@code /actuator/prometheus}. Every value comes
 * from the database, so each node shows the same and nothing is lost in a restart; a background thread reads
 * the database every {@code incident-flow.metrics.refresh-interval}, and a scrape only reads the last reading.
 * A series appears with the first reading that has it and then stays: a backlog cell that empties reads 0, a
 * mean with nothing to measure reads NaN. While the database cannot be read the last reading stays, and
 * {@code incidentflow_metrics_refreshed_timestamp_seconds} tells how old it is.
 */
@Component
public class DashboardMetrics implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardMetrics.class);

  private final MeterRegistry registry;
  private final DashboardFigureReadings figures;
  private final ThroughputCounts throughput;
  private final JobExecutorState jobs;
  private final Duration interval;
  private final Set<Series> registered = new HashSet<>();
  private volatile Readings current = Readings.NONE;
  private volatile ScheduledExecutorService scheduler;
  private boolean failing;

  public DashboardMetrics(MeterRegistry registry, DashboardFigureReadings figures, ThroughputCounts throughput,
      JobExecutorState jobs, MetricsSettings settings) {
    this.registry = registry;
    this.figures = figures;
    this.throughput = throughput;
    this.jobs = jobs;
    this.interval = settings.refreshInterval();
  }

  /**
   * Reads every figure from the database now and shows it from then on. One reading at a time, so a reading
   * that started later is never overwritten by one that started earlier.
   */
  public synchronized void refresh() {
    long started = System.nanoTime();
    Readings readings = new Readings();
    figures.readInto(readings);
    throughput.readInto(readings);
    jobs.readInto(readings);
    // The wall clock, not the engine's: Prometheus compares it with its own time().
    readings.put(REFRESHED, Instant.now().toEpochMilli() / 1000.0);
    readings.put(REFRESH_DURATION, (System.nanoTime() - started) / 1e9);
    current = readings;
    readings.series().forEach((metric, series) -> series.keySet().forEach(tags -> register(metric, tags)));
  }

  private void register(IncidentFlowMetric metric, Tags tags) {
    if (!registered.add(new Series(metric, tags))) {
      return;
    }
    if (metric.kind() == IncidentFlowMetric.Kind.COUNTER) {
      FunctionCounter.builder(metric.meterName(), this, self -> self.current.value(metric, tags))
          .description(metric.help()).baseUnit(metric.baseUnit()).tags(tags).register(registry);
    } else {
      Gauge.builder(metric.meterName(), this, self -> self.current.value(metric, tags))
          .description(metric.help()).baseUnit(metric.baseUnit()).tags(tags).strongReference(true).register(registry);
    }
  }

  /** The background refresh: a failed reading (the database is away, say) keeps the last one and says so once. */
  private void refreshInBackground() {
    try {
      refresh();
      if (failing) {
        LOG.info("The metrics are read from the database again");
      }
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warn("The metrics could not be read from the database; Prometheus gets the last reading until they can: {}",
            e.toString());
      }
      failing = true;
    }
  }

  @Override
  public void start() {
    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread daemon = new Thread(runnable, "incident-flow-metrics");
      daemon.setDaemon(true);
      return daemon;
    });
    thread.scheduleWithFixedDelay(this::refreshInBackground, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    scheduler = thread;
  }

  @Override
  public void stop() {
    scheduler.shutdownNow();
    scheduler = null;
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  private record Series(IncidentFlowMetric metric, Tags tags) {
  }
}
