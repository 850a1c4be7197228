package dev.swiftbolt.validation;

/**
 * A two-sided interval for an accuracy, both ends in [0, 1].
 *
 * @throws IllegalArgumentException when the ends are not finite, out of [0, 1] or reversed
 */
public record ConfidenceInterval(double low, double high) {

  public ConfidenceInterval {
    if (!(low >= 0.0 && high <= 1.0 && low <= high)) {
      throw new IllegalArgumentException(
          "confidence interval must satisfy 0 <= low <= high <= 1, got [%s, %s]"
              .formatted(low, high));
    }
  }
}
