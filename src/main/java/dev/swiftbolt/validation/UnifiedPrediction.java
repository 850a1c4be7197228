package dev.swiftbolt.validation;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The validator's answer for one symbol: every field of the seed's {@code UnifiedPrediction}, the
 * unadjusted {@code baseConfidence}, and the statistics the seed did not have (intervals, drift and
 * overfitting tests), which are present only when the sample sizes were given.
 *
 * @param symbol the symbol as given
 * @param direction the forecast direction being validated
 * @param unifiedConfidence the adjusted confidence in [0, 1] (drift, conflict, alignment applied)
 * @param baseConfidence clamp01(0.40·backtest + 0.35·walkforward + 0.25·live), before adjustments
 * @param backtestingScore input echoed
 * @param walkforwardScore input echoed
 * @param liveScore input echoed
 * @param multiTfConsensus the input multi-timeframe scores, as the seed returned them
 * @param driftDetected drift magnitude &gt; 0.25
 * @param driftMagnitude |backtest − live| / backtest (0 when backtest is 0)
 * @param driftExplanation the drift band in words
 * @param timeframeConflict whether the timeframes' weighted vote is too close (margin ≤ 0.20)
 * @param conflictExplanation the timeframe reconciliation in words
 * @param consensusDirection the weighted majority of the timeframes
 * @param hierarchyWeights all five timeframe weights, or empty when no multi-timeframe scores
 * @param recommendation the confidence band in words, with the adjustments applied in brackets
 * @param retrainingTrigger whether retraining is due
 * @param retrainingReason why (or "Model within acceptable drift")
 * @param nextRetrainingDate when the next retraining should happen
 * @param timestamp the scores' {@code as_of}
 * @param backtestingN input echoed
 * @param walkforwardN input echoed
 * @param liveN input echoed
 * @param backtestingCi Wilson 95 % interval of the backtest accuracy, when backtesting_n is given
 * @param walkforwardCi Wilson 95 % interval of the walk-forward accuracy, when walkforward_n is
 *     given
 * @param liveCi Wilson 95 % interval of the live accuracy, when live_n is given
 * @param driftTest two-sided two-proportion test of live vs backtest accuracy, when both sample
 *     sizes are given
 * @param overfitTest one-sided test of backtest above walk-forward accuracy, when both sample sizes
 *     are given
 * @param overfitSuspected whether {@code overfitTest} is significant
 * @param overfitExplanation the overfitting check in words (also says when it could not be run)
 * @param lastRetrainingDate input echoed
 * @param persistentDriftDays input echoed
 */
public record UnifiedPrediction(
    String symbol,
    Direction direction,
    double unifiedConfidence,
    double baseConfidence,
    double backtestingScore,
    double walkforwardScore,
    double liveScore,
    Map<Timeframe, Double> multiTfConsensus,
    boolean driftDetected,
    double driftMagnitude,
    String driftExplanation,
    boolean timeframeConflict,
    String conflictExplanation,
    ConsensusDirection consensusDirection,
    Map<Timeframe, Double> hierarchyWeights,
    String recommendation,
    boolean retrainingTrigger,
    String retrainingReason,
    Instant nextRetrainingDate,
    Instant timestamp,
    OptionalInt backtestingN,
    OptionalInt walkforwardN,
    OptionalInt liveN,
    Optional<ConfidenceInterval> backtestingCi,
    Optional<ConfidenceInterval> walkforwardCi,
    Optional<ConfidenceInterval> liveCi,
    Optional<ProportionTest> driftTest,
    Optional<ProportionTest> overfitTest,
    boolean overfitSuspected,
    String overfitExplanation,
    Instant lastRetrainingDate,
    int persistentDriftDays) {

  public UnifiedPrediction {
    requireText("symbol", symbol);
    Objects.requireNonNull(direction, "direction");
    if (!(unifiedConfidence >= 0.0 && unifiedConfidence <= 1.0)) {
      throw new IllegalArgumentException(
          "unified_confidence must be in [0, 1], got " + unifiedConfidence);
    }
    if (!(baseConfidence >= 0.0 && baseConfidence <= 1.0)) {
      throw new IllegalArgumentException(
          "base_confidence must be in [0, 1], got " + baseConfidence);
    }
    multiTfConsensus = copy("multi_tf_consensus", multiTfConsensus);
    hierarchyWeights = copy("hierarchy_weights", hierarchyWeights);
    requireText("drift_explanation", driftExplanation);
    requireText("conflict_explanation", conflictExplanation);
    Objects.requireNonNull(consensusDirection, "consensus_direction");
    requireText("recommendation", recommendation);
    requireText("retraining_reason", retrainingReason);
    Objects.requireNonNull(nextRetrainingDate, "next_retraining_date");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(backtestingN, "backtesting_n");
    Objects.requireNonNull(walkforwardN, "walkforward_n");
    Objects.requireNonNull(liveN, "live_n");
    Objects.requireNonNull(backtestingCi, "backtesting_ci");
    Objects.requireNonNull(walkforwardCi, "walkforward_ci");
    Objects.requireNonNull(liveCi, "live_ci");
    Objects.requireNonNull(driftTest, "drift_test");
    Objects.requireNonNull(overfitTest, "overfit_test");
    requireText("overfit_explanation", overfitExplanation);
    Objects.requireNonNull(lastRetrainingDate, "last_retraining_date");
  }

  /** Whether live accuracy differs significantly from backtest accuracy; empty when untested. */
  public Optional<Boolean> driftSignificant() {
    return driftTest.map(ProportionTest::significant);
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }

  private static Map<Timeframe, Double> copy(String field, Map<Timeframe, Double> map) {
    Objects.requireNonNull(map, field);
    return map.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new EnumMap<Timeframe, Double>(map));
  }

  /**
   * Which way the drift goes: {@code "worse"} when the live score is below the backtest score,
   * {@code "better"} when above, empty without drift ({@code drift_detected} false). The seed's
   * {@code drift_magnitude} is |backtest − live| / backtest, so an improvement reads as drift too;
   * this says which it is.
   */
  public Optional<String> driftDirection() {
    if (!driftDetected || liveScore == backtestingScore) {
      return Optional.empty();
    }
    return Optional.of(liveScore < backtestingScore ? "worse" : "better");
  }
}
