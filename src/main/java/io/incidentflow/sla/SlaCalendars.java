package io.incidentflow.sla;

import io.incidentflow.incident.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The SLA calendars ({@code 24x7}, {@code business-hours}), registered with the engine's business
 * calendar manager under their names, next to Camunda's own ({@code duration}, {@code dueDate},
 * {@code cycle}). The SLA clock resolves every due date through the engine's manager, with the
 * calendar the DMN {@code SlaTargets} names.
 */
@Component
public class SlaCalendars extends AbstractProcessEnginePlugin {

  private final Map<String, SlaCalendar> calendars;

  public SlaCalendars(SlaSettings settings) {
    this.calendars = List.of(new AroundTheClockCalendar(), settings.businessHours().calendar()).stream()
        .collect(Collectors.toUnmodifiableMap(SlaCalendar::name, Function.identity()));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager manager = (MapBusinessCalendarManager) configuration.getBusinessCalendarManager();
    calendars.values().forEach(calendar -> manager.addBusinessCalendar(calendar.name(), new EngineCalendar(calendar)));
  }

  /**
   * The SLA calendar the engine knows by {@code name}; empty for an unknown name or one of Camunda's
   * own calendars, which count no working time.
   */
  public static Optional<SlaCalendar> of(ProcessEngineConfigurationImpl configuration, String name) {
    return configuration.getBusinessCalendarManager().getBusinessCalendar(name) instanceof EngineCalendar engineCalendar
        ? Optional.of(engineCalendar.calendar) : Optional.empty();
  }

  /** The SLA calendar called {@code name}, outside the engine too (the API's SLA figures). */
  public Optional<SlaCalendar> named(String name) {
    return Optional.ofNullable(name == null ? null : calendars.get(name));
  }

  /** The names SlaTargets may give as {@code calendar}. */
  public Set<String> names() {
    return new TreeSet<>(calendars.keySet());
  }

  /** An SLA calendar as the engine sees it: a due date is an ISO-8601 duration of working time after a start. */
  static final class EngineCalendar implements BusinessCalendar {

    private final SlaCalendar calendar;

    EngineCalendar(SlaCalendar calendar) {
      this.calendar = calendar;
    }

    @Override
    public Date resolveDuedate(String duration) {
      return resolveDuedate(duration, Date.from(EngineClock.now()));
    }

    @Override
    public Date resolveDuedate(String duration, Date startDate) {
      Instant start = startDate == null ? EngineClock.now() : startDate.toInstant();
      return Date.from(calendar.add(start, Duration.parse(duration)));
    }

    @Override
    public Date resolveDuedate(String duration, Task task) {
      return resolveDuedate(duration, task == null ? null : task.getCreateTime());
    }
  }
}
