package dev.swiftbolt.ml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Fits direction models. Same rows and labels in, same predictions out: XGBoost runs single
 * threaded with a fixed seed, straight from the feature matrix ({@link XGBoostDirectionModel}), and
 * the logistic regression uses Tribuo's fixed default seed with a fresh Tribuo trainer per fit.
 *
 * <p>Thread-safe: every fit builds its own native matrix and trainer, so fits of several series or
 * folds may run at once and each gives what it would give alone.
 */
public final class ModelTrainer {
  /**
   * Tribuo logs every SGD epoch at INFO through java.util.logging; quieted to WARNING here (the
   * reference keeps the logger from being garbage-collected with its level).
   */
  private static final Logger TRIBUO_LOG = quiet(Logger.getLogger("org.tribuo"));

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
      case LOGISTIC -> tribuo(kind, logistic(), matrix, rows, labelCodes);
    };
  }

  private static DirectionModel tribuo(
      ModelKind kind, Trainer<Label> trainer, FeatureMatrix matrix, int[] rows, int[] labels) {
    Model<Label> model = trainer.train(TribuoData.dataset(matrix, rows, labels));
    return new TribuoDirectionModel(kind, model);
  }

  /**
   * The XGBoost parameters of every fit, in XGBoost's native names ({@code num_class} is added per
   * fit); the same map the Tribuo backend was given before.
   */
  Map<String, Object> xgboostParameters() {
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

  private static Logger quiet(Logger logger) {
    logger.setLevel(Level.WARNING);
    return logger;
  }

  private static Trainer<Label> logistic() {
    return new TransformTrainer<>(
        new LogisticRegressionTrainer(),
        new TransformationMap(List.of(new MeanStdDevTransformation())));
  }
}
