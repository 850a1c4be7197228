package dev.swiftbolt.ml.models;

/**
 * The model families SwiftBolt trains; the last two are the baselines every score is read against.
 */
public enum ModelKind {
  /**
   * XGBoost gradient-boosted trees fitted straight from the feature matrix (the production model);
   * models registered before decision 0008 say {@code tribuo-xgboost} and are read as this kind.
   */
  XGBOOST("xgboost"),
  /**
   * Multinomial logistic regression on standardised features, fitted as Tribuo's SGD trainer did
   * (linear baseline); {@code tribuo-logistic-regression} before decision 0008.
   */
  LOGISTIC("logistic-regression"),
  /** Predicts the training majority class with the training class frequencies as probabilities. */
  MAJORITY("majority-class");

  /** The algorithm names of models fitted through Tribuo (before decision 0008). */
  static final String LEGACY_TRIBUO_XGBOOST = "tribuo-xgboost";

  static final String LEGACY_TRIBUO_LOGISTIC = "tribuo-logistic-regression";

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
    if (LEGACY_TRIBUO_XGBOOST.equals(algorithm)) {
      return XGBOOST;
    }
    if (LEGACY_TRIBUO_LOGISTIC.equals(algorithm)) {
      return LOGISTIC;
    }
    for (ModelKind kind : values()) {
      if (kind.algorithm.equals(algorithm)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown model algorithm '" + algorithm + "'");
  }
}
