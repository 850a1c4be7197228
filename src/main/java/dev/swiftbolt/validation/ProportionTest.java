package dev.swiftbolt.validation;

/**
 * The result of a two-proportion z-test between two accuracies.
 *
 * @param z the standardized difference (first minus second), 0 when both samples are all-correct or
 *     all-wrong
 * @param pValue the test's p-value, in [0, 1]
 */
public record ProportionTest(double z, double pValue) {

  /** The significance level used throughout the validator. */
  public static final double ALPHA = 0.05;

  public ProportionTest {
    if (!Double.isFinite(z)) {
      throw new IllegalArgumentException("z must be finite, got " + z);
    }
    if (!(pValue >= 0.0 && pValue <= 1.0)) {
      throw new IllegalArgumentException("p_value must be in [0, 1], got " + pValue);
    }
  }

  /** Whether the difference is significant at {@link #ALPHA} (p &lt; 0.05). */
  public boolean significant() {
    return pValue < ALPHA;
  }
}
