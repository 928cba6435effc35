package io.incidentflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The business-hours calendar (Monday to Friday 08:00-18:00 in Europe/Berlin, with holidays) across
 * evenings, weekends, holidays, midnight and both daylight-saving changes.
 */
class BusinessHoursCalendarTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final BusinessHoursCalendar calendar = new BusinessHoursCalendar(
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0), BERLIN,
      Set.of(LocalDate.parse("2026-04-03")), Set.of(MonthDay.of(12, 25), MonthDay.of(12, 26), MonthDay.of(1, 1)));

  @Test
  void withinTheDay_addsPlainly() {
    assertThat(calendar.add(berlin("2026-11-23T09:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-23T13:00"));
  }

  @Test
  void aFridayEveningReport_countsFromMondayMorning() {
    // Friday 2026-11-27 19:30: nothing counts until Monday 08:00.
    assertThat(calendar.add(berlin("2026-11-27T19:30"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-30T12:00"));
  }

  @Test
  void aFridayAfternoonReport_carriesTheRestOverTheWeekend() {
    // Friday 16:00 + 4 h: 2 h on Friday, 2 h on Monday.
    assertThat(calendar.add(berlin("2026-11-27T16:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-30T10:00"));
  }

  @Test
  void twentyFourBusinessHours_areTwoDaysAndAHalf() {
    // P3: Monday 10:00 + 24 h = 8 h Monday, 10 h Tuesday, 6 h Wednesday.
    assertThat(calendar.add(berlin("2026-11-23T10:00"), Duration.ofHours(24))).isEqualTo(berlin("2026-11-25T14:00"));
  }

  @Test
  void holidays_doNotCount_yearlyOnesEveryYear() {
    // Thursday 2026-12-24 17:00 + 3 h: 1 h on the 24th, Christmas 25th (Friday) off, weekend, Monday 28th 2 h.
    assertThat(calendar.add(berlin("2026-12-24T17:00"), Duration.ofHours(3))).isEqualTo(berlin("2026-12-28T10:00"));
    // Good Friday 2026-04-03 is a one-off date: Thursday 17:00 + 2 h ends on Monday 2026-04-06.
    assertThat(calendar.add(berlin("2026-04-02T17:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-04-06T09:00"));
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-12-27"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-12-24"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
  }

  @Test
  void acrossMidnight_theNightDoesNotCount() {
    assertThat(calendar.add(berlin("2026-11-24T17:30"), Duration.ofMinutes(60))).isEqualTo(berlin("2026-11-25T08:30"));
    assertThat(calendar.add(berlin("2026-11-24T23:59"), Duration.ofMinutes(15))).isEqualTo(berlin("2026-11-25T08:15"));
  }

  @Test
  void daylightSavingChanges_keepTheWallClockHours() {
    // Summer time starts Sunday 2026-03-29; Friday 16:00 + 4 h ends Monday 10:00 local (08:00 UTC, not 09:00).
    Instant due = calendar.add(berlin("2026-03-27T16:00"), Duration.ofHours(4));
    assertThat(due).isEqualTo(berlin("2026-03-30T10:00")).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    // Winter time starts Sunday 2026-10-25; Friday 16:00 + 4 h ends Monday 10:00 local (09:00 UTC).
    assertThat(calendar.add(berlin("2026-10-23T16:00"), Duration.ofHours(4))).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
    // And the working time across it is still 4 hours.
    assertThat(calendar.workingTimeBetween(berlin("2026-10-23T16:00"), berlin("2026-10-26T10:00")))
        .isEqualTo(Duration.ofHours(4));
  }

  @Test
  void workingTimeBetween_countsOnlyWorkingHours() {
    assertThat(calendar.workingTimeBetween(berlin("2026-11-27T17:00"), berlin("2026-11-30T09:30")))
        .isEqualTo(Duration.ofMinutes(150));
    assertThat(calendar.workingTimeBetween(berlin("2026-11-28T09:00"), berlin("2026-11-29T17:00"))).isZero();
    assertThat(calendar.workingTimeBetween(berlin("2026-11-30T09:00"), berlin("2026-11-27T09:00"))).isZero();
  }

  @Test
  void addAndWorkingTimeBetween_agree() {
    Instant start = berlin("2026-12-23T15:47");
    for (Duration work : List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(10), Duration.ofHours(80))) {
      assertThat(calendar.workingTimeBetween(start, calendar.add(start, work))).as("%s", work).isEqualTo(work);
    }
  }

  @Test
  void settings_readDatesAndYearlyDays_andRefuseAnythingElse() {
    SlaSettings.BusinessHours settings = businessHours(List.of("2026-04-03", "12-25"));
    BusinessHoursCalendar configured = settings.calendar();
    assertThat(configured.isWorkingDay(LocalDate.parse("2026-04-03"))).isFalse();
    assertThat(configured.isWorkingDay(LocalDate.parse("2031-12-25"))).isFalse();

    SlaSettings.BusinessHours christmas = businessHours(List.of("Christmas"));
    assertThatThrownBy(christmas::calendar).hasMessageContaining("'Christmas' is neither a date");
  }

  /** The default working week in Berlin, with {@code holidays}. */
  private static SlaSettings.BusinessHours businessHours(List<String> holidays) {
    return new SlaSettings.BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0),
        LocalTime.of(18, 0), BERLIN, holidays);
  }

  @Test
  void aroundTheClock_countsEveryHour() {
    AroundTheClockCalendar always = new AroundTheClockCalendar();
    assertThat(always.add(berlin("2026-11-27T19:30"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-27T23:30"));
    assertThat(always.workingTimeBetween(berlin("2026-11-27T19:30"), berlin("2026-11-28T19:30")))
        .isEqualTo(Duration.ofHours(24));
  }

  private static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }
}
