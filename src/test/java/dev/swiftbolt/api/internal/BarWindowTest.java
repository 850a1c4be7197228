package dev.swiftbolt.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BarWindowTest {

  private static final Instant NOW = Instant.parse("2026-11-27T21:00:00Z");
  // 2000-01-03 is a Monday
  private static final Instant MONDAY = Instant.parse("2000-01-03T00:00:00Z");

  @Test
  void weekdays_of_one_week_and_of_a_weekend() {
    LocalDate monday = LocalDate.parse("2000-01-03");
    assertThat(BarWindow.weekdaysInclusive(monday, monday.plusDays(6))).isEqualTo(5);
    assertThat(BarWindow.weekdaysInclusive(monday.plusDays(5), monday.plusDays(6))).isZero();
    assertThat(BarWindow.weekdaysInclusive(monday.plusDays(4), monday.plusDays(7))).isEqualTo(2);
  }

  @Test
  void daily_bars_up_to_exactly_ten_thousand_weekdays_are_accepted_and_one_more_is_refused() {
    // 2000 whole weeks hold 2000 × 5 = 10,000 weekdays
    Instant end = MONDAY.plus(Duration.ofDays(2000 * 7));
    BarWindow ok =
        BarWindow.resolve(Timeframe.D1, Optional.of(MONDAY), Optional.of(end), false, NOW);
    assertThat(BarWindow.maxBarsBetween(Timeframe.D1, ok.from(), ok.to())).isEqualTo(10_000);
    Instant oneMoreMonday = end.plus(Duration.ofDays(1));
    assertThatThrownBy(
            () ->
                BarWindow.resolve(
                    Timeframe.D1, Optional.of(MONDAY), Optional.of(oneMoreMonday), false, NOW))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("range_too_large");
              assertThat(e.getMessage()).contains("up to 10001 D1 bars").contains("at most 10000");
            });
  }

  @Test
  void fifteen_minute_bars_count_26_per_weekday() {
    // 384 weekdays × 26 = 9,984 ≤ 10,000; 385 × 26 = 10,010 > 10,000
    Instant end384 = MONDAY.plus(Duration.ofDays(76 * 7 + 4)); // 76 weeks + Mon..Thu
    assertThat(BarWindow.maxBarsBetween(Timeframe.M15, MONDAY, end384)).isEqualTo(384 * 26);
    Instant end385 = end384.plus(Duration.ofDays(1));
    assertThat(BarWindow.maxBarsBetween(Timeframe.M15, MONDAY, end385)).isEqualTo(385 * 26);
    assertThatThrownBy(
            () ->
                BarWindow.resolve(
                    Timeframe.M15, Optional.of(MONDAY), Optional.of(end385), false, NOW))
        .hasMessageContaining("up to 10010 M15 bars");
  }

  @Test
  void defaults_are_now_and_the_timeframes_span() {
    BarWindow w = BarWindow.resolve(Timeframe.H1, Optional.empty(), Optional.empty(), false, NOW);
    assertThat(w.to()).isEqualTo(NOW);
    assertThat(w.from()).isEqualTo(NOW.minus(Duration.ofDays(90)));
  }

  @Test
  void a_plain_date_as_to_includes_that_whole_day() {
    Instant day = Instant.parse("2024-03-01T00:00:00Z");
    BarWindow w = BarWindow.resolve(Timeframe.D1, Optional.empty(), Optional.of(day), true, NOW);
    assertThat(w.to()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
  }

  @Test
  void from_not_before_to_is_invalid_range() {
    assertThatThrownBy(
            () -> BarWindow.resolve(Timeframe.D1, Optional.of(NOW), Optional.of(NOW), false, NOW))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_range"));
  }

  @Test
  void every_default_span_fits_the_cap() {
    for (Timeframe tf : Timeframe.values()) {
      assertThat(BarWindow.maxBarsBetween(tf, NOW.minus(BarWindow.defaultSpan(tf)), NOW))
          .as(tf.name())
          .isLessThanOrEqualTo(BarWindow.MAX_BARS);
    }
  }
}
