package dev.swiftbolt.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

  @Test
  void without_jitter_the_waits_double_from_the_base_until_the_cap() {
    ExponentialBackoff backoff =
        new ExponentialBackoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 0);
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(30 * 16));
    // 30 s × 2^5 = 960 s > 600 s: capped
    assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofMinutes(10));
    assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void jitter_spreads_each_wait_within_plus_minus_its_factor_and_never_past_the_cap() {
    ExponentialBackoff backoff = ExponentialBackoff.DEFAULT; // 30 s, ±50 %, cap 1 h
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 5_000; i++) {
      long ms = backoff.delayAfter(2).toMillis();
      min = Math.min(min, ms);
      max = Math.max(max, ms);
      assertThat(backoff.delayAfter(20)).isLessThanOrEqualTo(Duration.ofHours(1));
    }
    // second wait: 60 s ± 50 % = [30 s, 90 s]
    assertThat(min).isBetween(30_000L, 33_000L);
    assertThat(max).isBetween(87_000L, 90_000L);
  }

  @Test
  void bad_settings_are_refused_naming_the_setting() {
    assertThatThrownBy(() -> new ExponentialBackoff(Duration.ZERO, Duration.ofSeconds(1), 0))
        .hasMessageContaining("base must be positive");
    assertThatThrownBy(
            () -> new ExponentialBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .hasMessageContaining("cap");
    assertThatThrownBy(
            () -> new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0))
        .hasMessageContaining("jitter must be in [0, 1)");
    assertThatThrownBy(() -> ExponentialBackoff.DEFAULT.delayAfter(0))
        .hasMessageContaining("attempts must be at least 1");
  }
}
