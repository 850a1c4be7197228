package dev.swiftbolt.ml;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A directional accuracy with its sample size, Wilson 95 % interval and the accuracy of the
 * majority-class baseline on the same rows. With {@code n = 0} nothing was measured: accuracy and
 * baseline are 0 and the interval is the uninformative [0, 1].
 */
public record Score(double accuracy, int n, double ciLow, double ciHigh, double baselineAccuracy) {

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
    requireUnit("baselineAccuracy", baselineAccuracy);
    if (ciLow > ciHigh) {
      throw new IllegalArgumentException("ciLow must not exceed ciHigh");
    }
  }

  private static void requireUnit(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], got " + value);
    }
  }

  /**
   * The score of {@code correct} hits out of {@code n}, against {@code baselineCorrect} hits of the
   * majority baseline on the same rows.
   *
   * @throws IllegalArgumentException when a count is negative or exceeds n
   */
  public static Score of(int correct, int n, int baselineCorrect) {
    if (correct < 0 || correct > n || baselineCorrect < 0 || baselineCorrect > n) {
      throw new IllegalArgumentException(
          "counts must lie in [0, n]: correct="
              + correct
              + ", baseline="
              + baselineCorrect
              + ", n="
              + n);
    }
    if (n == 0) {
      return new Score(0, 0, 0, 1, 0);
    }
    ConfidenceInterval ci = new WilsonScoreInterval().createInterval(n, correct, CONFIDENCE);
    return new Score(
        (double) correct / n,
        n,
        Math.max(0, ci.getLowerBound()),
        Math.min(1, ci.getUpperBound()),
        (double) baselineCorrect / n);
  }
}
