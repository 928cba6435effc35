package io.incidentflow.dashboard;

import io.incidentflow.incident.CodeList;
import io.incidentflow.incident.Codes.AffectedService;
import io.incidentflow.incident.Codes.Channel;
import io.incidentflow.incident.Codes.SupportGroup;
import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import io.incidentflow.incident.RequestRefusedException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A period and the filters a manager picks on the dashboard. Periods are whole days in the dashboard's
 * time zone up to now ({@code today}, {@code 7d}, {@code 30d}) or a custom range of days, both ends
 * included ({@code from}, {@code to}); an empty filter keeps everything.
 *
 * @param from the period's first moment, included
 * @param to the period's end, excluded
 */
public record DashboardQuery(String period, Instant from, Instant to, ZoneId zone, Instant now, List<String> groups,
    List<Integer> priorities, List<String> services, List<String> channels) {

  /** The longest custom range, in days: a year, leap day included. */
  public static final int MAX_DAYS = 366;
  /** The periods a manager picks from. */
  public static final List<String> PERIODS = List.of("today", "7d", "30d", "custom");

  /** The query of the request's parameters; 400 naming each parameter at fault. */
  public static DashboardQuery parse(String period, String from, String to, List<String> groups,
      List<String> priorities, List<String> services, List<String> channels, ZoneId zone, Instant now) {
    List<FieldError> faults = new ArrayList<>();
    String chosen = period == null || period.isBlank() ? (from != null || to != null ? "custom" : "7d") : period.strip();
    LocalDate today = now.atZone(zone).toLocalDate();
    Instant start = null;
    Instant end = now;
    switch (chosen) {
      case "today" -> start = startOf(today, zone);
      case "7d" -> start = startOf(today.minusDays(6), zone);
      case "30d" -> start = startOf(today.minusDays(29), zone);
      case "custom" -> {
        LocalDate first = date("from", from, faults);
        LocalDate last = date("to", to, faults);
        if (first != null && last != null) {
          if (last.isBefore(first)) {
            faults.add(new FieldError("to", "must not be before from (" + first + ", was " + last + ")"));
          } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            faults.add(new FieldError("to", "the range may span at most " + MAX_DAYS + " days (was "
                + (ChronoUnit.DAYS.between(first, last) + 1) + ")"));
          } else {
            start = startOf(first, zone);
            end = startOf(last.plusDays(1), zone);
          }
        }
      }
      default -> faults.add(new FieldError("period", "must be one of " + String.join(", ", PERIODS) + " (was '"
          + chosen + "')"));
    }
    List<Integer> priorityValues = new ArrayList<>();
    for (String p : priorities) {
      if (p.matches("[1-5]")) {
        priorityValues.add(Integer.valueOf(p));
      } else {
        faults.add(new FieldError("priority", "must be 1 to 5 (was '" + p + "')"));
      }
    }
    codes("group", groups, SupportGroup.class, faults);
    codes("service", services, AffectedService.class, faults);
    codes("channel", channels, Channel.class, faults);
    if (!faults.isEmpty()) {
      throw RequestRefusedException.badFields(faults);
    }
    return new DashboardQuery(chosen, start, end, zone, now, groups, priorityValues, services, channels);
  }

  private static Instant startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }

  private static LocalDate date(String field, String value, List<FieldError> faults) {
    if (value == null || value.isBlank()) {
      faults.add(new FieldError(field, "is required for a custom period (a day, e.g. 2026-12-01)"));
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      faults.add(new FieldError(field, "must be a day as YYYY-MM-DD (was '" + value + "')"));
      return null;
    }
  }

  private static <E extends Enum<E> & CodeList> void codes(String field, List<String> values, Class<E> type,
      List<FieldError> faults) {
    values.stream().filter(v -> !CodeList.contains(type, v)).findFirst().ifPresent(v -> faults.add(new FieldError(
        field, "must be one of " + String.join(", ", CodeList.values(type)) + " (was '" + v + "')")));
  }
}
