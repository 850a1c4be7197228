package dev.swiftbolt.validation;

import dev.swiftbolt.market.Direction;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reconciles backtest, walk-forward and live accuracy and the multi-timeframe forecasts into one
 * confidence, exactly as SPEC.md's "The unified validator, exactly" specifies (the seed's Priority
 * 2 with its contradictions resolved), plus sampling statistics when sample sizes are known.
 *
 * <p>Pure: no clock (the scores carry {@code as_of}), no I/O, no state; thread-safe. Bad input is
 * refused earlier, by the constructors of {@link ValidationScores} and by {@link #validate}'s
 * checks of symbol and direction.
 */
public final class UnifiedValidator {

  static final double BACKTEST_WEIGHT = 0.40;
  static final double WALKFORWARD_WEIGHT = 0.35;
  static final double LIVE_WEIGHT = 0.25;

  /**
   * Validates one forecast direction for one symbol.
   *
   * @param symbol the symbol, not blank
   * @param direction the forecast's direction
   * @param scores the accuracies, timeframe scores, retraining history and current time
   * @return the unified prediction; never null
   * @throws IllegalArgumentException when the symbol is blank
   * @throws NullPointerException when an argument is null
   */
  public UnifiedPrediction validate(String symbol, Direction direction, ValidationScores scores) {
    return validate(symbol, direction, scores, Optional.empty());
  }

  /**
   * As {@link #validate(String, Direction, ValidationScores)}, with the model's feature shift as
   * one more retraining reason (a major shift in at least a quarter of the features); every other
   * output is the same.
   */
  public UnifiedPrediction validate(
      String symbol,
      Direction direction,
      ValidationScores scores,
      Optional<FeatureShift> featureShift) {
    Objects.requireNonNull(featureShift, "featureShift");
    Objects.requireNonNull(symbol, "symbol is required");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    Objects.requireNonNull(direction, "direction is required");
    Objects.requireNonNull(scores, "scores are required");

    double base = baseConfidence(scores);
    DriftAssessment drift = DriftAssessment.assess(scores.backtestingScore(), scores.liveScore());
    TimeframeReconciliation timeframes = TimeframeReconciliation.reconcile(scores.multiTfScores());
    ConfidenceAdjustment adjustment =
        ConfidenceAdjustment.adjust(base, drift, timeframes, direction);
    RetrainingDecision retraining =
        RetrainingDecision.decide(drift.magnitude(), scores, featureShift);
    OverfitCheck overfit = OverfitCheck.check(scores);

    return new UnifiedPrediction(
        symbol,
        direction,
        adjustment.confidence(),
        base,
        scores.backtestingScore(),
        scores.walkforwardScore(),
        scores.liveScore(),
        scores.multiTfScores(),
        drift.detected(),
        drift.magnitude(),
        drift.explanation(),
        timeframes.conflict(),
        timeframes.explanation(),
        timeframes.consensus(),
        timeframes.weights(),
        adjustment.recommendation(),
        retraining.trigger(),
        retraining.reason(),
        retraining.next(),
        scores.asOf(),
        scores.backtestingN(),
        scores.walkforwardN(),
        scores.liveN(),
        wilson(scores.backtestingScore(), scores.backtestingN()),
        wilson(scores.walkforwardScore(), scores.walkforwardN()),
        wilson(scores.liveScore(), scores.liveN()),
        driftTest(scores),
        overfit.test(),
        overfit.suspected(),
        overfit.explanation(),
        scores.lastRetrainingDate(),
        scores.persistentDriftDays());
  }

  /** clamp01(0.40·backtest + 0.35·walkforward + 0.25·live), in the seed's order of operations. */
  static double baseConfidence(ValidationScores scores) {
    return clamp01(
        BACKTEST_WEIGHT * scores.backtestingScore()
            + WALKFORWARD_WEIGHT * scores.walkforwardScore()
            + LIVE_WEIGHT * scores.liveScore());
  }

  static double clamp01(double value) {
    return Math.min(1.0, Math.max(0.0, value));
  }

  private static Optional<ConfidenceInterval> wilson(double accuracy, OptionalInt n) {
    return n.isPresent()
        ? Optional.of(SampleStatistics.wilson95(accuracy, n.getAsInt()))
        : Optional.empty();
  }

  /** Two-sided test of live against backtest accuracy, when both sample sizes are known. */
  private static Optional<ProportionTest> driftTest(ValidationScores scores) {
    if (scores.backtestingN().isEmpty() || scores.liveN().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        SampleStatistics.twoProportion(
            scores.liveScore(),
            scores.liveN().getAsInt(),
            scores.backtestingScore(),
            scores.backtestingN().getAsInt(),
            true));
  }
}
