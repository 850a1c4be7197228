package dev.swiftbolt.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The pipelines' market hours come from the NYSE calendar of marketdata. */
class JobWiringTest {

  private final MarketSessions nyse = JobWiring.nyseSessions();

  @Test
  void thanksgiving_is_closed_and_the_day_after_closes_at_13() {
    assertThat(nyse.hours(LocalDate.of(2026, 11, 26))).isEmpty();
    assertThat(nyse.hours(LocalDate.of(2026, 11, 27)))
        .contains(new MarketSessions.Hours(LocalTime.of(9, 30), LocalTime.of(13, 0)));
    assertThat(nyse.hours(LocalDate.of(2026, 11, 30))).contains(MarketSessions.REGULAR);
  }

  @Test
  void intraday_ingestion_skips_thanksgiving_and_stops_at_1301_the_day_after() {
    SessionIntervalSchedule m15 =
        new SessionIntervalSchedule(Duration.ofMinutes(15), Duration.ofMinutes(1), nyse);
    // Wed 25 Nov last run 16:01 EST = 21:01Z → Fri 27 Nov 09:46 EST = 14:46Z
    assertThat(m15.nextRun(Instant.parse("2026-11-25T21:01:00Z")))
        .isEqualTo(Instant.parse("2026-11-27T14:46:00Z"));
    // Fri 27 Nov 13:01 EST = 18:01Z → Mon 30 Nov 14:46Z
    assertThat(m15.nextRun(Instant.parse("2026-11-27T18:01:00Z")))
        .isEqualTo(Instant.parse("2026-11-30T14:46:00Z"));
  }
}
