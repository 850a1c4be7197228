package dev.swiftbolt.validation;

import static dev.swiftbolt.validation.Fixtures.AS_OF;
import static dev.swiftbolt.validation.Fixtures.THIRTY_DAYS_AGO;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values the validator refuses, each with a message naming the field and the rule. */
class BadInputTest {

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, -0.001, 1.001})
  void accuracy_outside_0_1_or_not_finite_is_refused(double bad) {
    assertThatThrownBy(() -> Fixtures.scores(bad, 0.5, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backtesting_score must be a finite number in [0, 1], got " + bad);
    assertThatThrownBy(() -> Fixtures.scores(0.5, bad, 0.5))
        .hasMessageStartingWith("walkforward_score must be a finite number in [0, 1]");
    assertThatThrownBy(() -> Fixtures.scores(0.5, 0.5, bad))
        .hasMessageStartingWith("live_score must be a finite number in [0, 1]");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.NEGATIVE_INFINITY, -1.001, 1.001})
  void timeframe_score_outside_minus_1_1_is_refused(double bad) {
    assertThatThrownBy(() -> Fixtures.scores(0.5, 0.5, 0.5, Map.of(Timeframe.H4, bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("multi_tf_scores.H4 must be a finite number in [-1, 1], got " + bad);
  }

  @Test
  void sample_size_below_one_is_refused() {
    assertThatThrownBy(() -> Fixtures.scores(0.5, 0.5, 0.5).withSampleSizes(10, 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("walkforward_n must be at least 1, got 0");
    assertThatThrownBy(() -> Fixtures.scores(0.5, 0.5, 0.5).withSampleSizes(0, 10, 10))
        .hasMessage("backtesting_n must be at least 1, got 0");
    assertThatThrownBy(() -> Fixtures.scores(0.5, 0.5, 0.5).withSampleSizes(10, 10, 0))
        .hasMessage("live_n must be at least 1, got 0");
  }

  @Test
  void negative_drift_days_are_refused() {
    assertThatThrownBy(() -> Fixtures.scores(0.5, 0.5, 0.5).withPersistentDriftDays(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("persistent_drift_days must be at least 0, got -1");
  }

  @Test
  void retraining_after_now_is_refused() {
    assertThatThrownBy(
            () ->
                ValidationScores.of(
                    0.5, 0.5, 0.5, Map.of(), AS_OF.plus(Duration.ofSeconds(1)), AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "last_retraining_date must not be after as_of, got 2026-11-28T14:00:01Z >"
                + " 2026-11-28T14:00:00Z");
  }

  @Test
  void missing_times_are_refused_by_name() {
    assertThatThrownBy(
            () ->
                new ValidationScores(
                    0.5,
                    0.5,
                    0.5,
                    Map.of(),
                    OptionalInt.empty(),
                    OptionalInt.empty(),
                    OptionalInt.empty(),
                    THIRTY_DAYS_AGO,
                    0,
                    null))
        .hasMessage("as_of is required");
  }

  @Test
  void blank_symbol_is_refused() {
    assertThatThrownBy(
            () ->
                new UnifiedValidator()
                    .validate(" ", Direction.BULLISH, Fixtures.scores(0.5, 0.5, 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("symbol must not be blank");
  }

  @Test
  void unknown_direction_and_timeframe_are_refused_with_the_accepted_values() {
    assertThatThrownBy(() -> Direction.parse("UP"))
        .hasMessage("unknown direction 'UP'; expected one of BULLISH, NEUTRAL, BEARISH");
    assertThatThrownBy(() -> Timeframe.parse("M5"))
        .hasMessage("unknown timeframe 'M5'; expected one of M15, H1, H4, D1, W1");
  }
}
