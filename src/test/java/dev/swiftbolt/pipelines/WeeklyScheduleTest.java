package dev.swiftbolt.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

  private final WeeklySchedule saturdays =
      new WeeklySchedule(DayOfWeek.SATURDAY, LocalTime.of(6, 0));

  @Test
  void the_next_run_is_the_coming_saturday_at_six_new_york_time() {
    // Wednesday 2024-01-10 → Saturday 2024-01-13 06:00 EST = 11:00 UTC
    assertThat(saturdays.nextRun(Instant.parse("2024-01-10T15:00:00Z")))
        .isEqualTo(Instant.parse("2024-01-13T11:00:00Z"));
    // in summer time (EDT) the same local time is 10:00 UTC
    assertThat(saturdays.nextRun(Instant.parse("2024-07-10T15:00:00Z")))
        .isEqualTo(Instant.parse("2024-07-13T10:00:00Z"));
  }

  @Test
  void on_the_day_itself_just_before_and_at_the_time() {
    assertThat(saturdays.nextRun(Instant.parse("2024-01-13T10:59:59Z")))
        .isEqualTo(Instant.parse("2024-01-13T11:00:00Z"));
    assertThat(saturdays.nextRun(Instant.parse("2024-01-13T11:00:00Z")))
        .isEqualTo(Instant.parse("2024-01-20T11:00:00Z"));
    assertThat(saturdays.describe()).isEqualTo("Saturdays 06:00 America/New_York");
  }
}
