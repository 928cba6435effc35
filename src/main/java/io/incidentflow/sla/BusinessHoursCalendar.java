package io.incidentflow.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * {@code business-hours}: only the working hours of working days count, in the service desk's time
 * zone; weekends and public holidays do not. Working hours are wall-clock times, so a day keeps its
 * hours across a daylight-saving change. A holiday is either a date ({@code 2026-04-03}) or a date
 * that recurs every year ({@code 12-25}).
 */
public final class BusinessHoursCalendar implements SlaCalendar {

  public static final String NAME = "business-hours";

  /** A calendar that counts in from the moment of a report would look this far ahead at most. */
  private static final int MAX_DAYS = 3660;

  private final Set<DayOfWeek> workingDays;
  private final LocalTime start;
  private final LocalTime end;
  private final ZoneId zone;
  private final Set<LocalDate> holidays;
  private final Set<MonthDay> annualHolidays;

  public BusinessHoursCalendar(Set<DayOfWeek> workingDays, LocalTime start, LocalTime end, ZoneId zone,
      Set<LocalDate> holidays, Set<MonthDay> annualHolidays) {
    if (workingDays.isEmpty()) {
      throw new IllegalArgumentException("The business-hours calendar needs at least one working day");
    }
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("Working hours must end after they start (were " + start + "-" + end + ")");
    }
    this.workingDays = Set.copyOf(workingDays);
    this.start = start;
    this.end = end;
    this.zone = zone;
    this.holidays = Set.copyOf(holidays);
    this.annualHolidays = Set.copyOf(annualHolidays);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Instant add(Instant from, Duration workingTime) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("A working time cannot be negative: " + workingTime);
    }
    Duration remaining = workingTime;
    Instant cursor = from;
    LocalDate day = from.atZone(zone).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      Instant opens = opening(day);
      Instant closes = closing(day);
      if (cursor.isBefore(opens)) {
        cursor = opens;
      }
      if (cursor.isBefore(closes)) {
        Duration available = Duration.between(cursor, closes);
        if (remaining.compareTo(available) <= 0) {
          return cursor.plus(remaining);
        }
        remaining = remaining.minus(available);
        cursor = closes;
      }
    }
    throw new IllegalStateException("No " + workingTime + " of working time within " + MAX_DAYS + " days after " + from
        + ": check the working days and holidays of the business-hours calendar");
  }

  @Override
  public Duration workingTimeBetween(Instant from, Instant until) {
    Duration total = Duration.ZERO;
    if (!until.isAfter(from)) {
      return total;
    }
    for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(until.atZone(zone).toLocalDate());
        day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        Instant a = later(from, opening(day));
        Instant b = earlier(until, closing(day));
        if (b.isAfter(a)) {
          total = total.plus(Duration.between(a, b));
        }
      }
    }
    return total;
  }

  /**
   * The same time of day {@code days} working days after {@code from}, in this calendar's zone: a deadline counted
   * in business days (a post-incident review due within 5 business days), not in working hours.
   */
  public Instant addWorkingDays(Instant from, int days) {
    java.time.ZonedDateTime at = from.atZone(zone);
    int left = days;
    while (left > 0) {
      at = at.plusDays(1);
      if (isWorkingDay(at.toLocalDate())) {
        left--;
      }
    }
    return at.toInstant();
  }

  /** True for a working day that is no public holiday. */
  public boolean isWorkingDay(LocalDate day) {
    return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day)
        && !annualHolidays.contains(MonthDay.from(day));
  }

  private Instant opening(LocalDate day) {
    return ZonedDateTime.of(day, start, zone).toInstant();
  }

  private Instant closing(LocalDate day) {
    return ZonedDateTime.of(day, end, zone).toInstant();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
