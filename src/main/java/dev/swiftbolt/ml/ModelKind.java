package dev.swiftbolt.ml;

/**
 * The model families SwiftBolt trains; the last two are the baselines every score is read against.
 */
public enum ModelKind {
  /** Tribuo's XGBoost backend, gradient-boosted trees (the production model). */
  XGBOOST("tribuo-xgboost"),
  /** Tribuo's SGD logistic regression on standardised features (linear baseline). */
  LOGISTIC("tribuo-logistic-regression"),
  /** Predicts the training majority class with the training class frequencies as probabilities. */
  MAJORITY("majority-class");

  private final String algorithm;

  ModelKind(String algorithm) {
    this.algorithm = algorithm;
  }

  /** The name stored in the registry's {@code algorithm} column. */
  public String algorithm() {
    return algorithm;
  }

  /**
   * @throws IllegalArgumentException when no kind has this algorithm name
   */
  public static ModelKind ofAlgorithm(String algorithm) {
    for (ModelKind kind : values()) {
      if (kind.algorithm.equals(algorithm)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown model algorithm '" + algorithm + "'");
  }
}
