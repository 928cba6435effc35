package io.incidentflow.sla;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The business-hours calendar ({@code incident-flow.sla.business-hours.*}): working days and hours,
 * time zone and public holidays. The SLA targets themselves are in the DMN {@code SlaTargets}.
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.sla")
public class SlaSettings {

  private final BusinessHours businessHours = new BusinessHours();

  public BusinessHours getBusinessHours() {
    return businessHours;
  }

  /** The service desk's working week. */
  public static class BusinessHours {

    @NotEmpty
    private Set<DayOfWeek> workingDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    @NotNull
    private LocalTime start = LocalTime.of(8, 0);
    @NotNull
    private LocalTime end = LocalTime.of(18, 0);
    @NotNull
    private ZoneId timeZone = ZoneId.of("UTC");
    /** {@code 2026-04-03} (that day) or {@code 12-25} (every year). */
    private List<String> holidays = new ArrayList<>();

    public Set<DayOfWeek> getWorkingDays() {
      return workingDays;
    }

    public void setWorkingDays(Set<DayOfWeek> workingDays) {
      this.workingDays = workingDays;
    }

    public LocalTime getStart() {
      return start;
    }

    public void setStart(LocalTime start) {
      this.start = start;
    }

    public LocalTime getEnd() {
      return end;
    }

    public void setEnd(LocalTime end) {
      this.end = end;
    }

    public ZoneId getTimeZone() {
      return timeZone;
    }

    public void setTimeZone(ZoneId timeZone) {
      this.timeZone = timeZone;
    }

    public List<String> getHolidays() {
      return holidays;
    }

    public void setHolidays(List<String> holidays) {
      this.holidays = holidays;
    }

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
