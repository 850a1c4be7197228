package dev.swiftbolt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.market.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeatureShiftRetrainingTest {

  private static final Instant NOW = Instant.parse("2026-11-27T21:00:00Z");

  private static ValidationScores calm() {
    // No drift (live equals backtest), retrained 5 days ago: no seed rule fires.
    return ValidationScores.of(0.5, 0.5, 0.5, Map.of(), NOW.minus(Duration.ofDays(5)), NOW);
  }

  @Test
  void a_quarter_of_the_features_shifted_is_a_retraining_reason() {
    UnifiedPrediction p =
        new UnifiedValidator()
            .validate("AAPL", Direction.BULLISH, calm(), Optional.of(new FeatureShift(5, 19)));
    assertThat(p.retrainingTrigger()).isTrue();
    assertThat(p.retrainingReason())
        .isEqualTo("Feature drift: 5 of 19 features shifted (PSI ≥ 0.25)");
    assertThat(p.nextRetrainingDate()).isEqualTo(NOW.plus(Duration.ofHours(6)));
  }

  @Test
  void just_under_a_quarter_is_not_and_every_other_output_is_unchanged() {
    UnifiedValidator v = new UnifiedValidator();
    UnifiedPrediction without = v.validate("AAPL", Direction.BULLISH, calm());
    UnifiedPrediction under =
        v.validate("AAPL", Direction.BULLISH, calm(), Optional.of(new FeatureShift(4, 19)));
    assertThat(under).isEqualTo(without);
    assertThat(under.retrainingTrigger()).isFalse();
  }

  @Test
  void drift_direction_says_which_way_the_live_score_moved() {
    UnifiedValidator v = new UnifiedValidator();
    Instant retrained = NOW.minus(Duration.ofDays(5));
    assertThat(
            v.validate(
                    "NVDA",
                    Direction.BULLISH,
                    ValidationScores.of(0.224, 0.45, 0.455, Map.of(), retrained, NOW))
                .driftDirection())
        .hasValue("better");
    assertThat(
            v.validate(
                    "NVDA",
                    Direction.BULLISH,
                    ValidationScores.of(0.60, 0.45, 0.30, Map.of(), retrained, NOW))
                .driftDirection())
        .hasValue("worse");
    assertThat(v.validate("NVDA", Direction.BULLISH, calm()).driftDirection()).isEmpty();
  }
}
