package dev.swiftbolt.ml;

/**
 * The model families SwiftBolt trains; the last two are the baselines every score is read against.
 */
public enum ModelKind {
  /**
   * XGBoost gradient-boosted trees fitted straight from the feature matrix (the production model);
   * models registered before decision 0006 say {@code tribuo-xgboost} and are read as this kind.
   */
  XGBOOST("xgboost"),
  /** Tribuo's SGD logistic regression on standardised features (linear baseline). */
  LOGISTIC("tribuo-logistic-regression"),
  /** Predicts the training majority class with the training class frequencies as probabilities. */
  MAJORITY("majority-class");

  /** The XGBoost algorithm name of models trained through Tribuo (before decision 0006). */
  static final String LEGACY_TRIBUO_XGBOOST = "tribuo-xgboost";

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
    for (ModelKind kind : values()) {
      if (kind.algorithm.equals(algorithm)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown model algorithm '" + algorithm + "'");
  }
}
