package dev.swiftbolt.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.marketdata.TradingCalendar;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StaleRulesTest {

  private final TradingCalendar nyse = TradingCalendar.nyse();

  // Mon 2026-11-02 09:30 New York (EST) = 14:30 UTC; sessions close 16:00 = 21:00 UTC.
  private static final Instant MONDAY_BAR = Instant.parse("2026-11-02T14:30:00Z");

  @Test
  void two_sessions_without_a_d1_bar_are_not_stale_and_a_third_is() {
    // Tue and Wed closed: two sessions.
    Instant wednesdayAfterClose = Instant.parse("2026-11-04T21:00:00Z");
    assertThat(StaleRules.sessionsWithoutD1(MONDAY_BAR, wednesdayAfterClose, nyse)).isEqualTo(2);
    assertThat(StaleRules.d1Stale(MONDAY_BAR, wednesdayAfterClose, nyse)).isFalse();
    // Thursday's close makes three.
    Instant thursdayJustBeforeClose = Instant.parse("2026-11-05T20:59:59Z");
    Instant thursdayClose = Instant.parse("2026-11-05T21:00:00Z");
    assertThat(StaleRules.d1Stale(MONDAY_BAR, thursdayJustBeforeClose, nyse)).isFalse();
    assertThat(StaleRules.d1Stale(MONDAY_BAR, thursdayClose, nyse)).isTrue();
  }

  @Test
  void a_weekend_does_not_count_as_sessions() {
    Instant friday = Instant.parse("2026-11-06T14:30:00Z");
    Instant mondayNight = Instant.parse("2026-11-10T02:00:00Z");
    assertThat(StaleRules.sessionsWithoutD1(friday, mondayNight, nyse)).isEqualTo(1);
  }

  @Test
  void m15_is_stale_after_more_than_two_hours_of_open_session_without_a_bar() {
    // Last bar opened 14:30 UTC, so it ended 14:45; two hours later is 16:45.
    Instant last = Instant.parse("2026-11-03T14:30:00Z");
    assertThat(StaleRules.openTimeWithoutM15(last, Instant.parse("2026-11-03T16:45:00Z"), nyse))
        .isEqualTo(Duration.ofHours(2));
    assertThat(StaleRules.m15Stale(last, Instant.parse("2026-11-03T16:45:00Z"), nyse)).isFalse();
    assertThat(StaleRules.m15Stale(last, Instant.parse("2026-11-03T16:46:00Z"), nyse)).isTrue();
  }

  @Test
  void time_outside_sessions_is_not_counted_and_a_closed_market_is_never_m15_stale() {
    // Bar 20:30 UTC ends at the 21:00 close; next open 14:30 UTC: 1 h 30 min of session by 16:00.
    Instant lastOfDay = Instant.parse("2026-11-03T20:45:00Z");
    assertThat(
            StaleRules.openTimeWithoutM15(lastOfDay, Instant.parse("2026-11-04T16:00:00Z"), nyse))
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(StaleRules.m15Stale(lastOfDay, Instant.parse("2026-11-05T03:00:00Z"), nyse))
        .isFalse();
  }
}
