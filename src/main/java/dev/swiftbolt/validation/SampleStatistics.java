package dev.swiftbolt.validation;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Sampling statistics for accuracies measured over a known number of predictions: the Wilson score
 * interval and the pooled two-proportion z-test. Accuracies need not be exact fractions k/n (the
 * formulas are used with the observed proportion directly). Pure and thread-safe.
 */
public final class SampleStatistics {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

  /** z for a two-sided 95 % interval, 1.959963984540054. */
  static final double Z_95 = STANDARD_NORMAL.inverseCumulativeProbability(0.975);

  private SampleStatistics() {}

  /**
   * The Wilson score 95 % interval for an accuracy {@code p} observed over {@code n} predictions
   * ({@code n} &gt; 0; an effective number of weighted outcomes need not be whole).
   */
  public static ConfidenceInterval wilson95(double p, double n) {
    double z2 = Z_95 * Z_95;
    double denominator = 1.0 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double halfWidth = Z_95 / denominator * Math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    return new ConfidenceInterval(
        Math.max(0.0, centre - halfWidth), Math.min(1.0, centre + halfWidth));
  }

  /**
   * Pooled two-proportion z-test of accuracy {@code p1} over {@code n1} against {@code p2} over
   * {@code n2}; {@code twoSided} selects H1: p1 ≠ p2, otherwise H1: p1 &gt; p2.
   */
  static ProportionTest twoProportion(double p1, int n1, double p2, int n2, boolean twoSided) {
    double pooled = (p1 * n1 + p2 * n2) / ((double) n1 + n2);
    double variance = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2);
    if (!(variance > 0.0)) {
      // Both samples all-correct or all-wrong: no evidence of any difference.
      return new ProportionTest(0.0, 1.0);
    }
    double z = (p1 - p2) / Math.sqrt(variance);
    double p =
        twoSided
            ? 2.0 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z))
            : STANDARD_NORMAL.cumulativeProbability(-z);
    return new ProportionTest(z, Math.min(1.0, p));
  }
}
