package dev.swiftbolt.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.marketdata.internal.NyseHolidayRules;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {

  private final TradingCalendar calendar = TradingCalendar.nyse();

  @Test
  void holidays_of_2013_match_the_published_nyse_list() {
    assertThat(calendar.holidays(2013))
        .containsExactly(
            LocalDate.of(2013, 1, 1),
            LocalDate.of(2013, 1, 21),
            LocalDate.of(2013, 2, 18),
            LocalDate.of(2013, 3, 29),
            LocalDate.of(2013, 5, 27),
            LocalDate.of(2013, 7, 4),
            LocalDate.of(2013, 9, 2),
            LocalDate.of(2013, 11, 28),
            LocalDate.of(2013, 12, 25));
  }

  @Test
  void year_2013_has_252_sessions() {
    // 261 weekdays minus 9 holidays
    assertThat(calendar.sessions(LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31)))
        .hasSize(261 - 9);
  }

  @Test
  void early_closes_of_2013_are_july_3_black_friday_and_christmas_eve() {
    assertThat(calendar.earlyCloses(2013))
        .containsExactly(
            LocalDate.of(2013, 7, 3), LocalDate.of(2013, 11, 29), LocalDate.of(2013, 12, 24));
  }

  @Test
  void easter_computus_matches_known_dates() {
    assertThat(NyseHolidayRules.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
    assertThat(NyseHolidayRules.easterSunday(2008)).isEqualTo(LocalDate.of(2008, 3, 23));
    assertThat(NyseHolidayRules.easterSunday(2011)).isEqualTo(LocalDate.of(2011, 4, 24));
    assertThat(NyseHolidayRules.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(NyseHolidayRules.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    assertThat(NyseHolidayRules.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
  }

  @Test
  void good_friday_is_two_days_before_easter() {
    assertThat(calendar.isTradingDay(LocalDate.of(2025, 4, 18))).isFalse();
    assertThat(calendar.isTradingDay(LocalDate.of(2025, 4, 17))).isTrue();
  }

  @Test
  void saturday_holidays_move_to_friday_and_sunday_holidays_to_monday() {
    assertThat(calendar.isTradingDay(LocalDate.of(2015, 7, 3))).isFalse(); // July 4 on Saturday
    assertThat(calendar.isTradingDay(LocalDate.of(2021, 12, 24))).isFalse(); // Christmas Saturday
    assertThat(calendar.isTradingDay(LocalDate.of(2023, 1, 2))).isFalse(); // New Year Sunday
    assertThat(calendar.isTradingDay(LocalDate.of(2022, 6, 20))).isFalse(); // Juneteenth Sunday
  }

  @Test
  void a_saturday_new_year_is_not_observed_on_the_last_friday_of_the_old_year() {
    assertThat(calendar.isTradingDay(LocalDate.of(2021, 12, 31))).isTrue();
  }

  @Test
  void juneteenth_is_a_holiday_from_2022_only() {
    assertThat(calendar.isTradingDay(LocalDate.of(2021, 6, 18))).isTrue();
    assertThat(calendar.isTradingDay(LocalDate.of(2023, 6, 19))).isFalse();
  }

  @Test
  void unscheduled_closures_are_holidays() {
    assertThat(calendar.isTradingDay(LocalDate.of(2012, 10, 29))).isFalse();
    assertThat(calendar.isTradingDay(LocalDate.of(2018, 12, 5))).isFalse();
  }

  @Test
  void session_times_follow_new_york_daylight_saving() {
    // EST (UTC-5) before 2013-03-10, EDT (UTC-4) after
    TradingSession winter = calendar.session(LocalDate.of(2013, 3, 8)).orElseThrow();
    TradingSession summer = calendar.session(LocalDate.of(2013, 3, 11)).orElseThrow();
    assertThat(winter.open()).isEqualTo(Instant.parse("2013-03-08T14:30:00Z"));
    assertThat(winter.close()).isEqualTo(Instant.parse("2013-03-08T21:00:00Z"));
    assertThat(summer.open()).isEqualTo(Instant.parse("2013-03-11T13:30:00Z"));
    assertThat(summer.close()).isEqualTo(Instant.parse("2013-03-11T20:00:00Z"));
  }

  @Test
  void an_early_close_ends_at_13_00_new_york() {
    TradingSession blackFriday = calendar.session(LocalDate.of(2013, 11, 29)).orElseThrow();
    assertThat(blackFriday.close()).isEqualTo(Instant.parse("2013-11-29T18:00:00Z"));
    assertThat(blackFriday.earlyClose()).isTrue();
  }

  @Test
  void weekends_have_no_session() {
    assertThat(calendar.session(LocalDate.of(2013, 1, 5))).isEmpty();
    assertThat(calendar.sessionAt(Instant.parse("2013-01-07T14:29:59Z"))).isEmpty();
    assertThat(calendar.sessionAt(Instant.parse("2013-01-07T14:30:00Z"))).isPresent();
    assertThat(calendar.sessionAt(Instant.parse("2013-01-07T21:00:00Z"))).isEmpty();
  }
}
