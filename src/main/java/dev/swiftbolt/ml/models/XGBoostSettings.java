package dev.swiftbolt.ml.models;

/**
 * Hyper-parameters of the XGBoost model, deliberately modest (few shallow trees, row and column
 * subsampling) because daily direction is a low signal-to-noise problem. Defaults: 60 trees, eta
 * 0.1, depth 3, min child weight 5, subsample 0.8, column subsample 0.8, L2 1, 64 histogram bins (a
 * few thousand rows need no more; measured about 1.5–2× faster to train than XGBoost's 256), one
 * thread (so results do not depend on the machine), seed 42, tree method HIST.
 */
public record XGBoostSettings(
    int trees,
    double eta,
    int maxDepth,
    double minChildWeight,
    double subsample,
    double columnSubsample,
    double l2,
    int maxBin,
    int threads,
    long seed) {

  /**
   * @throws IllegalArgumentException naming the setting that is out of range
   */
  public XGBoostSettings {
    require(trees >= 1, "trees must be at least 1");
    require(eta > 0 && eta <= 1, "eta must be in (0, 1]");
    require(maxDepth >= 1, "maxDepth must be at least 1");
    require(minChildWeight >= 0, "minChildWeight must be ≥ 0");
    require(subsample > 0 && subsample <= 1, "subsample must be in (0, 1]");
    require(columnSubsample > 0 && columnSubsample <= 1, "columnSubsample must be in (0, 1]");
    require(l2 >= 0, "l2 must be ≥ 0");
    require(maxBin >= 2, "maxBin must be at least 2");
    require(threads >= 1, "threads must be at least 1");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public static XGBoostSettings defaults() {
    return new XGBoostSettings(60, 0.1, 3, 5, 0.8, 0.8, 1.0, 64, 1, 42L);
  }
}
