package dev.swiftbolt.validation;

import static dev.swiftbolt.validation.Fixtures.AS_OF;
import static dev.swiftbolt.validation.Fixtures.YESTERDAY;
import static dev.swiftbolt.validation.Fixtures.scores;
import static dev.swiftbolt.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fixtures just inside and just outside every threshold of the validator. */
class BoundaryTest {

  /** Backtest 1.0 and the given live accuracy: drift magnitude = 1 - live, retrained yesterday. */
  private static UnifiedPrediction withLive(double live, int driftDays) {
    ValidationScores scores =
        ValidationScores.of(1.0, 1.0, live, Map.of(), YESTERDAY, AS_OF)
            .withPersistentDriftDays(driftDays);
    return validate(Direction.BULLISH, scores);
  }

  @ParameterizedTest(name = "live {0}: magnitude {1} is ''{2}'', detected {3}")
  @CsvSource({
    "0.901, 0.099, 'Model stable, no drift detected', false",
    "0.899, 0.101, 'Minor drift, monitor closely', false",
    "0.751, 0.249, 'Minor drift, monitor closely', false",
    "0.75,  0.25,  'Moderate drift, investigate cause', false",
    "0.749, 0.251, 'Moderate drift, investigate cause', true",
    "0.501, 0.499, 'Moderate drift, investigate cause', true",
    "0.5,   0.5,   'Severe drift, model degraded significantly', true",
    "0.499, 0.501, 'Severe drift, model degraded significantly', true",
  })
  void drift_bands_and_detection_around_0_10_0_25_0_50(
      double live, double magnitude, String explanation, boolean detected) {
    UnifiedPrediction result = withLive(live, 0);

    assertThat(result.driftMagnitude()).isCloseTo(magnitude, within(1e-12));
    assertThat(result.driftExplanation()).isEqualTo(explanation);
    assertThat(result.driftDetected()).isEqualTo(detected);
  }

  @Test
  void magnitude_of_exactly_0_10_is_minor_drift() {
    // 0.0625 / 0.625 is exactly 0.1 in double: the band "< 0.10" excludes it.
    UnifiedPrediction result = validate(Direction.BULLISH, scores(0.625, 0.625, 0.5625));

    assertThat(result.driftMagnitude()).isEqualTo(0.1);
    assertThat(result.driftExplanation()).isEqualTo("Minor drift, monitor closely");
  }

  @Test
  void live_above_backtest_is_drift_too() {
    // |0.5 - 0.9| / 0.5 = 0.8: the seed's absolute difference, not a one-sided drop.
    UnifiedPrediction result = validate(Direction.BULLISH, scores(0.5, 0.5, 0.9));

    assertThat(result.driftMagnitude()).isCloseTo(0.8, within(1e-12));
    assertThat(result.driftDetected()).isTrue();
    assertThat(result.retrainingReason()).isEqualTo("Critical drift detected (>75%)");
  }

  @Test
  void zero_backtest_is_no_historical_data() {
    UnifiedPrediction result = validate(Direction.BULLISH, scores(0.0, 0.5, 0.5));

    assertThat(result.driftDetected()).isFalse();
    assertThat(result.driftMagnitude()).isZero();
    assertThat(result.driftExplanation()).isEqualTo("No historical data");
  }

  @ParameterizedTest(name = "live {0}, {1} drift days: trigger {2}, ''{3}''")
  @CsvSource({
    "0.251, 0, false, 'Model within acceptable drift'",
    "0.25,  0, false, 'Model within acceptable drift'",
    "0.249, 0, true,  'Critical drift detected (>75%)'",
    "0.501, 7, false, 'Model within acceptable drift'",
    "0.5,   7, false, 'Model within acceptable drift'",
    "0.499, 6, false, 'Model within acceptable drift'",
    "0.499, 7, true,  'Persistent drift (>50% for 7+ days)'",
    "0.25,  7, true,  'Persistent drift (>50% for 7+ days)'",
  })
  void retraining_around_0_75_0_50_and_7_drift_days(
      double live, int driftDays, boolean trigger, String reason) {
    UnifiedPrediction result = withLive(live, driftDays);

    assertThat(result.retrainingTrigger()).isEqualTo(trigger);
    assertThat(result.retrainingReason()).isEqualTo(reason);
    Instant expectedNext =
        !trigger
            ? YESTERDAY.plus(Duration.ofDays(30))
            : reason.startsWith("Critical")
                ? AS_OF.plus(Duration.ofHours(2))
                : AS_OF.plus(Duration.ofHours(6));
    assertThat(result.nextRetrainingDate()).isEqualTo(expectedNext);
  }

  @ParameterizedTest(name = "retrained {0} before now: trigger {1}")
  @CsvSource({
    "PT720H,        false", // exactly 30 days
    "PT743H59M59S,  false", // 30 days 23:59:59 is still 30 whole days
    "PT744H,        true", // 31 days
  })
  void scheduled_retraining_after_more_than_30_whole_days(Duration age, boolean trigger) {
    Instant lastRetraining = AS_OF.minus(age);
    UnifiedPrediction result =
        validate(
            Direction.BULLISH, ValidationScores.of(0.8, 0.8, 0.8, Map.of(), lastRetraining, AS_OF));

    assertThat(result.retrainingTrigger()).isEqualTo(trigger);
    if (trigger) {
      assertThat(result.retrainingReason()).isEqualTo("Regular retraining schedule");
      assertThat(result.nextRetrainingDate()).isEqualTo(AS_OF.plus(Duration.ofHours(12)));
    } else {
      assertThat(result.retrainingReason()).isEqualTo("Model within acceptable drift");
      assertThat(result.nextRetrainingDate()).isEqualTo(lastRetraining.plus(Duration.ofDays(30)));
    }
  }

  @ParameterizedTest(name = "all scores {0}: ''{1}''")
  @CsvSource({
    "0.751, 'High confidence - strong signal'",
    "0.75,  'Moderate confidence - trade with normal risk'",
    "0.749, 'Moderate confidence - trade with normal risk'",
    "0.601, 'Moderate confidence - trade with normal risk'",
    "0.6,   'Low confidence - use wider stops or skip'",
    "0.599, 'Low confidence - use wider stops or skip'",
    "0.401, 'Low confidence - use wider stops or skip'",
    "0.4,   'Very low confidence - avoid trading'",
    "0.399, 'Very low confidence - avoid trading'",
  })
  void recommendation_bands_around_0_75_0_60_0_40(double score, String recommendation) {
    // Equal scores: no drift, no timeframes, so unified = base = score (0.75, 0.6 and 0.4 come
    // out exactly in double).
    UnifiedPrediction result = validate(Direction.BULLISH, scores(score, score, score));

    assertThat(result.unifiedConfidence()).isCloseTo(score, within(1e-15));
    assertThat(result.recommendation()).isEqualTo(recommendation);
  }

  @ParameterizedTest(name = "W1 score {0}: consensus {1}")
  @CsvSource({
    "0.30,                 NEUTRAL",
    "0.30000000000000004,  BULLISH",
    "-0.30,                NEUTRAL",
    "-0.30000000000000004, BEARISH",
  })
  void a_vote_needs_a_score_beyond_0_30(double w1, ConsensusDirection consensus) {
    UnifiedPrediction result =
        validate(Direction.NEUTRAL, scores(0.8, 0.8, 0.8, Map.of(Timeframe.W1, w1)));

    assertThat(result.consensusDirection()).isEqualTo(consensus);
    assertThat(result.conflictExplanation())
        .isEqualTo(
            consensus == ConsensusDirection.NEUTRAL
                ? "All neutral predictions"
                : "Strong consensus across timeframes");
  }

  @ParameterizedTest(name = "M15 {0}, H1 {1}, H4 {2}, D1 {3}, W1 {4}: conflict {5}")
  @CsvSource({
    "-0.5,  0.5,  0.0, -0.5, 0.5, true", // bull W1+H1 0.7 vs bear D1+M15 0.5: 0.2/1.2 = 0.167
    "-0.5, -0.5, -0.5,  0.5, 0.5, true", // bull W1+D1 0.9 vs bear H4+H1+M15 0.6: exactly 0.20
    "-0.5,  0.0,  0.5, -0.5, 0.5, false", // bull W1+H4 0.8 vs bear D1+M15 0.5: 0.3/1.3 = 0.231
  })
  void conflict_margin_around_0_20(
      double m15, double h1, double h4, double d1, double w1, boolean conflict) {
    UnifiedPrediction result =
        validate(Direction.BULLISH, scores(0.8, 0.8, 0.8, Fixtures.tf(m15, h1, h4, d1, w1)));

    assertThat(result.timeframeConflict()).isEqualTo(conflict);
  }

  @Test
  void drift_penalty_is_capped_at_30_percent() {
    // m = 0.6 -> 0.5 * m = 0.30 (cap reached); m = 0.8 -> still 0.30.
    UnifiedPrediction atCap = validate(Direction.BULLISH, scores(1.0, 1.0, 0.4));
    UnifiedPrediction beyond = validate(Direction.BULLISH, scores(1.0, 1.0, 0.2));

    assertThat(atCap.unifiedConfidence())
        .isCloseTo((0.40 + 0.35 + 0.25 * 0.4) * 0.70, within(1e-12));
    assertThat(beyond.unifiedConfidence())
        .isCloseTo((0.40 + 0.35 + 0.25 * 0.2) * 0.70, within(1e-12));
    assertThat(beyond.recommendation()).contains("Drift penalty: -30.0%");
  }

  @Test
  void drift_penalty_text_rounds_half_to_even_like_python() {
    // m = 1 - 0.735 = 0.265, penalty * 100 = 13.25 exactly: Python's f"{x:.1f}" gives 13.2
    // (String.format would give 13.3).
    UnifiedPrediction result = validate(Direction.BULLISH, scores(1.0, 1.0, 0.735));

    assertThat(result.recommendation()).contains("Drift penalty: -13.2%");
    assertThat(ConfidenceAdjustment.percentOneDecimal(0.1225)).isEqualTo("12.2");
  }

  @Test
  void alignment_bonus_is_clamped_to_one() {
    UnifiedPrediction result =
        validate(Direction.BULLISH, scores(1.0, 1.0, 1.0, Map.of(Timeframe.D1, 0.9)));

    assertThat(result.baseConfidence()).isEqualTo(1.0);
    assertThat(result.unifiedConfidence()).isEqualTo(1.0);
    assertThat(result.recommendation())
        .isEqualTo("High confidence - strong signal (Consensus alignment: +10%)");
  }

  @Test
  void neutral_forecast_with_all_neutral_timeframes_gets_the_alignment_bonus() {
    // As the seed: consensus NEUTRAL equals direction NEUTRAL and there is no conflict.
    UnifiedPrediction result =
        validate(Direction.NEUTRAL, scores(0.5, 0.5, 0.5, Map.of(Timeframe.H1, 0.1)));

    assertThat(result.unifiedConfidence()).isCloseTo(0.5 * 1.10, within(1e-15));
  }

  @Test
  void no_timeframe_scores_means_unknown_consensus_and_no_weights() {
    UnifiedPrediction result = validate(Direction.BULLISH, scores(0.5, 0.5, 0.5));

    assertThat(result.consensusDirection()).isEqualTo(ConsensusDirection.UNKNOWN);
    assertThat(result.conflictExplanation()).isEqualTo("No multi-TF data");
    assertThat(result.hierarchyWeights()).isEmpty();
    assertThat(result.unifiedConfidence()).isEqualTo(result.baseConfidence());
  }
}
