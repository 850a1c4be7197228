package dev.swiftbolt.validation;

import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The validator's inputs for one symbol: three accuracy figures, the per-timeframe forecast scores,
 * the retraining history and the current time.
 *
 * <p>Field names in messages are the snake_case names of the JSON format ({@code
 * backtesting_score}, {@code multi_tf_scores.H1}, …) because that is what a user typed.
 *
 * @param backtestingScore accuracy on the out-of-sample holdout, in [0, 1]
 * @param walkforwardScore accuracy over the walk-forward folds, in [0, 1]
 * @param liveScore accuracy of the last resolved live predictions, in [0, 1]
 * @param multiTfScores signed forecast score per timeframe, each in [-1, 1]; may be empty or hold
 *     only some timeframes
 * @param backtestingN number of predictions behind {@code backtestingScore}, when known (≥ 1)
 * @param walkforwardN number of predictions behind {@code walkforwardScore}, when known (≥ 1)
 * @param liveN number of predictions behind {@code liveScore}, when known (≥ 1)
 * @param lastRetrainingDate when the model was last retrained; not after {@code asOf}
 * @param persistentDriftDays consecutive days before today on which drift exceeded 50 % (≥ 0)
 * @param asOf the current time ("now"); also the prediction's timestamp
 * @throws IllegalArgumentException naming the field and the rule when a value is out of range
 * @throws NullPointerException naming the field when a reference is null
 */
public record ValidationScores(
    double backtestingScore,
    double walkforwardScore,
    double liveScore,
    Map<Timeframe, Double> multiTfScores,
    OptionalInt backtestingN,
    OptionalInt walkforwardN,
    OptionalInt liveN,
    Instant lastRetrainingDate,
    int persistentDriftDays,
    Instant asOf) {

  public ValidationScores {
    requireAccuracy("backtesting_score", backtestingScore);
    requireAccuracy("walkforward_score", walkforwardScore);
    requireAccuracy("live_score", liveScore);
    multiTfScores = copyTimeframeScores(multiTfScores);
    requireSampleSize("backtesting_n", backtestingN);
    requireSampleSize("walkforward_n", walkforwardN);
    requireSampleSize("live_n", liveN);
    Objects.requireNonNull(lastRetrainingDate, "last_retraining_date is required");
    Objects.requireNonNull(asOf, "as_of is required");
    if (persistentDriftDays < 0) {
      throw new IllegalArgumentException(
          "persistent_drift_days must be at least 0, got " + persistentDriftDays);
    }
    if (lastRetrainingDate.isAfter(asOf)) {
      throw new IllegalArgumentException(
          "last_retraining_date must not be after as_of, got " + lastRetrainingDate + " > " + asOf);
    }
  }

  /**
   * Scores without sample sizes and without a drift history (0 persistent drift days), as the
   * seed's {@code ValidationScores} had them.
   */
  public static ValidationScores of(
      double backtestingScore,
      double walkforwardScore,
      double liveScore,
      Map<Timeframe, Double> multiTfScores,
      Instant lastRetrainingDate,
      Instant asOf) {
    return new ValidationScores(
        backtestingScore,
        walkforwardScore,
        liveScore,
        multiTfScores,
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        lastRetrainingDate,
        0,
        asOf);
  }

  /** A copy with the given sample sizes (each ≥ 1). */
  public ValidationScores withSampleSizes(int backtesting, int walkforward, int live) {
    return new ValidationScores(
        backtestingScore,
        walkforwardScore,
        liveScore,
        multiTfScores,
        OptionalInt.of(backtesting),
        OptionalInt.of(walkforward),
        OptionalInt.of(live),
        lastRetrainingDate,
        persistentDriftDays,
        asOf);
  }

  /** A copy with the given number of consecutive drift days. */
  public ValidationScores withPersistentDriftDays(int days) {
    return new ValidationScores(
        backtestingScore,
        walkforwardScore,
        liveScore,
        multiTfScores,
        backtestingN,
        walkforwardN,
        liveN,
        lastRetrainingDate,
        days,
        asOf);
  }

  private static void requireAccuracy(String field, double value) {
    if (!Double.isFinite(value) || value < 0.0 || value > 1.0) {
      throw new IllegalArgumentException(
          field + " must be a finite number in [0, 1], got " + value);
    }
  }

  private static void requireSampleSize(String field, OptionalInt n) {
    Objects.requireNonNull(n, field);
    if (n.isPresent() && n.getAsInt() < 1) {
      throw new IllegalArgumentException(field + " must be at least 1, got " + n.getAsInt());
    }
  }

  private static Map<Timeframe, Double> copyTimeframeScores(Map<Timeframe, Double> scores) {
    Objects.requireNonNull(scores, "multi_tf_scores");
    EnumMap<Timeframe, Double> copy = new EnumMap<>(Timeframe.class);
    for (Map.Entry<Timeframe, Double> entry : scores.entrySet()) {
      Timeframe timeframe = entry.getKey();
      if (timeframe == null) {
        throw new IllegalArgumentException("multi_tf_scores must not contain a null timeframe");
      }
      Double score = entry.getValue();
      String field = "multi_tf_scores." + timeframe.name();
      if (score == null) {
        throw new IllegalArgumentException(field + " must be a finite number in [-1, 1], got null");
      }
      if (!Double.isFinite(score) || score < -1.0 || score > 1.0) {
        throw new IllegalArgumentException(
            field + " must be a finite number in [-1, 1], got " + score);
      }
      copy.put(timeframe, score);
    }
    return Collections.unmodifiableMap(copy);
  }
}
