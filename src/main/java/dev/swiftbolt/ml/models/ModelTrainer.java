package dev.swiftbolt.ml.models;

import dev.swiftbolt.ml.features.FeatureMatrix;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Fits direction models. Same rows and labels in, same predictions out: XGBoost runs single
 * threaded with a fixed seed, straight from the feature matrix ({@link XGBoostDirectionModel}), and
 * the logistic regression ({@link LogisticDirectionModel}) uses Tribuo's fixed default seed; both
 * reproduce the models Tribuo fitted before (decision 0008).
 *
 * <p>Thread-safe: every fit builds its own arrays and native matrix, so fits of several series or
 * folds may run at once and each gives what it would give alone.
 */
public final class ModelTrainer {
  private final XGBoostSettings settings;

  public ModelTrainer(XGBoostSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public XGBoostSettings settings() {
    return settings;
  }

  /**
   * Trains a model of {@code kind} on the given rows of {@code matrix}.
   *
   * @param labelCodes the Direction ordinal of each row, aligned with {@code rows}
   * @throws IllegalArgumentException when rows and labels differ in length or there are no rows
   */
  public DirectionModel train(ModelKind kind, FeatureMatrix matrix, int[] rows, int[] labelCodes) {
    if (rows.length != labelCodes.length) {
      throw new IllegalArgumentException("rows and labelCodes must have the same length");
    }
    if (rows.length == 0) {
      throw new IllegalArgumentException("cannot train a model on zero rows");
    }
    return switch (kind) {
      case MAJORITY -> MajorityModel.fit(labelCodes);
      case XGBOOST ->
          XGBoostDirectionModel.train(
              xgboostParameters(), settings.trees(), matrix, rows, labelCodes);
      case LOGISTIC -> LogisticDirectionModel.train(matrix, rows, labelCodes);
    };
  }

  /**
   * The XGBoost parameters of every fit, in XGBoost's native names ({@code num_class} is added per
   * fit); the same map the Tribuo backend was given before.
   */
  public Map<String, Object> xgboostParameters() {
    Map<String, Object> p = new HashMap<>();
    p.put("objective", "multi:softprob");
    p.put("booster", "gbtree");
    p.put("tree_method", "hist");
    p.put("eta", settings.eta());
    p.put("gamma", 0.0);
    p.put("max_depth", settings.maxDepth());
    p.put("min_child_weight", settings.minChildWeight());
    p.put("subsample", settings.subsample());
    p.put("colsample_bytree", settings.columnSubsample());
    p.put("lambda", settings.l2());
    p.put("alpha", 0.0);
    p.put("max_bin", settings.maxBin());
    p.put("nthread", settings.threads());
    p.put("seed", settings.seed());
    p.put("verbosity", 0);
    return p;
  }
}
