package dev.swiftbolt.validation;

/**
 * How many of the model's input features shifted between its training rows and the latest rows
 * (population stability index ≥ 0.25 and beyond what the training rows' own windows showed; see
 * docs/ml.md): a retraining reason when at least a quarter did.
 *
 * @param major features that shifted (≥ 0)
 * @param features features compared (≥ 1, ≥ major)
 */
public record FeatureShift(int major, int features) {

  public FeatureShift {
    if (features < 1 || major < 0 || major > features) {
      throw new IllegalArgumentException(
          "feature shift needs 0 ≤ major ≤ features and features ≥ 1, got %d of %d"
              .formatted(major, features));
    }
  }

  /** Whether at least a quarter of the features shifted majorly. */
  public boolean triggersRetraining() {
    return 4L * major >= features && major > 0;
  }

  /** The retraining reason, e.g. "Feature drift: 6 of 19 features shifted (PSI ≥ 0.25)". */
  public String reason() {
    return "Feature drift: %d of %d features shifted (PSI ≥ 0.25)".formatted(major, features);
  }
}
