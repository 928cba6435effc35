package io.incidentflow.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The business-hours calendar ({@code incident-flow.sla.business-hours.*}): working days and hours,
 * time zone and public holidays. The SLA targets themselves are in the DMN {@code SlaTargets}.
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.sla")
public record SlaSettings(@Valid @DefaultValue BusinessHours businessHours) {

  /**
   * The service desk's working week.
   *
   * @param holidays {@code 2026-04-03} (that day) or {@code 12-25} (every year)
   */
  public record BusinessHours(
      @NotEmpty @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingDays,
      @NotNull @DefaultValue("08:00") LocalTime start,
      @NotNull @DefaultValue("18:00") LocalTime end,
      @NotNull @DefaultValue("UTC") ZoneId timeZone,
      @DefaultValue List<String> holidays) {

    /** The calendar these settings describe; a holiday that is neither form fails with its value named. */
    public BusinessHoursCalendar calendar() {
      Set<LocalDate> dates = new HashSet<>();
      Set<MonthDay> annual = new HashSet<>();
      for (String holiday : holidays) {
        String value = holiday.strip();
        try {
          if (value.length() == 5) {
            annual.add(MonthDay.parse("--" + value));
          } else {
            dates.add(LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE));
          }
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("incident-flow.sla.business-hours.holidays: '" + holiday
              + "' is neither a date (2026-04-03) nor a day of every year (12-25)", e);
        }
      }
      return new BusinessHoursCalendar(workingDays, start, end, timeZone, dates, annual);
    }
  }
}
