package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.validation.Baseline;
import java.util.Map;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A directional accuracy with its sample size, Wilson 95 % interval and the naive baseline it is
 * read against on the same rows: {@code baselineAccuracy} is the strongest of {@code baselines}
 * ({@value Baseline#MAJORITY}, {@value Baseline#PERSISTENCE}; see {@link NaiveBaselines}) and never
 * below chance (1/3), {@code baselineName} says which. With {@code n = 0} nothing was measured:
 * accuracy and every baseline are 0, the baseline is chance and the interval is the uninformative
 * [0, 1].
 */
public record Score(
    double accuracy,
    int n,
    double ciLow,
    double ciHigh,
    double baselineAccuracy,
    String baselineName,
    Map<String, Double> baselines) {

  /** Confidence level of every interval. */
  public static final double CONFIDENCE = 0.95;

  /**
   * @throws IllegalArgumentException naming the field that is out of range
   */
  public Score {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, got " + n);
    }
    requireUnit("accuracy", accuracy);
    requireUnit("ciLow", ciLow);
    requireUnit("ciHigh", ciHigh);
    if (ciLow > ciHigh) {
      throw new IllegalArgumentException("ciLow must not exceed ciHigh");
    }
    baselines = new Baseline(baselineAccuracy, baselineName, baselines).baselines();
  }

  /** A score with the given baseline. */
  public Score(double accuracy, int n, double ciLow, double ciHigh, Baseline baseline) {
    this(accuracy, n, ciLow, ciHigh, baseline.accuracy(), baseline.name(), baseline.baselines());
  }

  private static void requireUnit(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], got " + value);
    }
  }

  /** The naive baseline of this score. */
  public Baseline baseline() {
    return new Baseline(baselineAccuracy, baselineName, baselines);
  }

  /**
   * The score of {@code correct} hits out of {@code n}, against the naive predictors' hits on the
   * same rows.
   *
   * @throws IllegalArgumentException when a count is negative or exceeds n, or the baselines were
   *     counted on another number of rows
   */
  public static Score of(int correct, int n, NaiveBaselines.Hits baselines) {
    if (correct < 0 || correct > n || baselines.n() != n) {
      throw new IllegalArgumentException(
          "counts must lie in [0, n] and the baselines cover the same rows: correct=%d, n=%d, baseline rows=%d"
              .formatted(correct, n, baselines.n()));
    }
    if (n == 0) {
      return new Score(0, 0, 0, 1, baselines.baseline());
    }
    ConfidenceInterval ci = new WilsonScoreInterval().createInterval(n, correct, CONFIDENCE);
    return new Score(
        (double) correct / n,
        n,
        Math.max(0, ci.getLowerBound()),
        Math.min(1, ci.getUpperBound()),
        baselines.baseline());
  }
}
