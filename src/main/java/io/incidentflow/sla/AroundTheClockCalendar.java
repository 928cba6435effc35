package io.incidentflow.sla;

import java.time.Duration;
import java.time.Instant;

/** {@code 24x7}: every hour counts, night, weekend and holiday alike. */
public final class AroundTheClockCalendar implements SlaCalendar {

  public static final String NAME = "24x7";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Instant add(Instant start, Duration workingTime) {
    return start.plus(workingTime);
  }

  @Override
  public Duration workingTimeBetween(Instant from, Instant until) {
    return until.isAfter(from) ? Duration.between(from, until) : Duration.ZERO;
  }
}
