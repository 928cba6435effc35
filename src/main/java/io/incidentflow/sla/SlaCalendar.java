package io.incidentflow.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * A calendar that SLA targets count in: {@code 24x7} counts every hour, {@code business-hours} only
 * working hours. Its name is what the {@code calendar} output of the DMN {@code SlaTargets} says.
 */
public interface SlaCalendar {

  /** The calendar's name, e.g. {@code business-hours}. */
  String name();

  /** The moment {@code workingTime} of this calendar's time after {@code start}. */
  Instant add(Instant start, Duration workingTime);

  /** How much of this calendar's time lies between {@code from} and {@code until} (zero if until is not after from). */
  Duration workingTimeBetween(Instant from, Instant until);
}
