package dev.swiftbolt.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * nextRun against hand-converted instants. 2026: New York switches to EDT (UTC−4) on Sunday 8 March
 * and back to EST (UTC−5) on Sunday 1 November.
 */
class ScheduleTest {

  private static final Duration MS = Duration.ofMillis(1);
  private final TradingDaySchedule daily =
      new TradingDaySchedule(LocalTime.of(16, 30), MarketSessions.WEEKDAYS);
  private final SessionIntervalSchedule intraday =
      new SessionIntervalSchedule(
          Duration.ofMinutes(15), Duration.ofMinutes(1), MarketSessions.WEEKDAYS);

  @Test
  void the_daily_refresh_after_friday_in_est_is_monday_1630_edt_across_the_spring_switch() {
    // Fri 6 Mar 16:30 EST = 21:30Z; Mon 9 Mar 16:30 EDT = 20:30Z
    assertThat(daily.nextRun(Instant.parse("2026-03-06T21:30:00Z")))
        .isEqualTo(Instant.parse("2026-03-09T20:30:00Z"));
  }

  @Test
  void the_daily_refresh_after_friday_in_edt_is_monday_1630_est_across_the_autumn_switch() {
    // Fri 30 Oct 16:30 EDT = 20:30Z; Mon 2 Nov 16:30 EST = 21:30Z
    assertThat(daily.nextRun(Instant.parse("2026-10-30T20:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-02T21:30:00Z"));
  }

  @Test
  void a_scheduled_instant_is_next_one_millisecond_before_it_and_not_at_it() {
    Instant tuesday = Instant.parse("2026-03-10T20:30:00Z");
    assertThat(daily.nextRun(tuesday.minus(MS))).isEqualTo(tuesday);
    assertThat(daily.nextRun(tuesday)).isEqualTo(Instant.parse("2026-03-11T20:30:00Z"));
  }

  @Test
  void intraday_runs_one_minute_after_each_m15_close_from_0946_to_1601_new_york() {
    // Mon 9 Mar (EDT): 09:45 + 1 min = 13:46Z; before it, Friday's last run 16:01 EST = 21:01Z.
    assertThat(intraday.nextRun(Instant.parse("2026-03-06T21:00:59Z")))
        .isEqualTo(Instant.parse("2026-03-06T21:01:00Z"));
    assertThat(intraday.nextRun(Instant.parse("2026-03-06T21:01:00Z")))
        .as("after Friday's last run comes Monday's first, in EDT")
        .isEqualTo(Instant.parse("2026-03-09T13:46:00Z"));
    assertThat(intraday.nextRun(Instant.parse("2026-03-09T13:46:00Z")))
        .isEqualTo(Instant.parse("2026-03-09T14:01:00Z"));
    // the 26th bar closes at 16:00 EDT = 20:00Z; there is no 16:16 run
    assertThat(intraday.nextRun(Instant.parse("2026-03-09T19:46:00Z")))
        .isEqualTo(Instant.parse("2026-03-09T20:01:00Z"));
    assertThat(intraday.nextRun(Instant.parse("2026-03-09T20:01:00Z")))
        .isEqualTo(Instant.parse("2026-03-10T13:46:00Z"));
  }

  @Test
  void intraday_in_november_est_starts_at_1446_utc() {
    assertThat(intraday.nextRun(Instant.parse("2026-10-30T20:01:00Z")))
        .as("Fri 30 Oct last run (EDT) → Mon 2 Nov 09:46 EST")
        .isEqualTo(Instant.parse("2026-11-02T14:46:00Z"));
  }

  @Test
  void holidays_and_early_closes_come_from_the_market_sessions() {
    LocalDate thanksgiving = LocalDate.of(2026, 11, 26);
    LocalDate blackFriday = LocalDate.of(2026, 11, 27);
    MarketSessions nyse =
        date -> {
          if (date.equals(thanksgiving)) {
            return Optional.empty();
          }
          if (date.equals(blackFriday)) {
            return Optional.of(new MarketSessions.Hours(LocalTime.of(9, 30), LocalTime.of(13, 0)));
          }
          return MarketSessions.WEEKDAYS.hours(date);
        };
    TradingDaySchedule refresh = new TradingDaySchedule(LocalTime.of(16, 30), nyse);
    // Wed 25 Nov 16:30 EST = 21:30Z → Fri 27 Nov 21:30Z (Thursday closed)
    assertThat(refresh.nextRun(Instant.parse("2026-11-25T21:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-27T21:30:00Z"));
    SessionIntervalSchedule m15 =
        new SessionIntervalSchedule(Duration.ofMinutes(15), Duration.ofMinutes(1), nyse);
    // last bar of the early close ends 13:00 EST = 18:00Z → run 18:01Z, then Monday 30 Nov 14:46Z
    assertThat(m15.nextRun(Instant.parse("2026-11-27T17:46:00Z")))
        .isEqualTo(Instant.parse("2026-11-27T18:01:00Z"));
    assertThat(m15.nextRun(Instant.parse("2026-11-27T18:01:00Z")))
        .isEqualTo(Instant.parse("2026-11-30T14:46:00Z"));
  }

  @Test
  void a_calendar_without_sessions_is_an_error_not_an_endless_search() {
    TradingDaySchedule never = new TradingDaySchedule(LocalTime.NOON, date -> Optional.empty());
    assertThatThrownBy(() -> never.nextRun(Instant.parse("2026-01-01T00:00:00Z")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no trading day within a year");
  }
}
