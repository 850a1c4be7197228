package dev.swiftbolt.ml;

import dev.swiftbolt.ml.evaluation.EvaluationConfig;
import dev.swiftbolt.ml.evaluation.FeatureDrift;
import dev.swiftbolt.ml.features.LabelConfig;
import dev.swiftbolt.ml.models.XGBoostSettings;
import java.util.Objects;

/**
 * The ml service's settings: labelling, evaluation, the XGBoost hyper-parameters, the feature drift
 * window and the retraining policy (its cooldown).
 *
 * @param featureDriftWindow the number of latest feature rows compared with the model's training
 *     rows at each forecast (population stability index); default {@link
 *     FeatureDrift#DEFAULT_WINDOW} (60 bars), at least 10
 * @param retraining the retraining policy (cooldown between retrainings)
 */
public record MlSettings(
    LabelConfig labels,
    EvaluationConfig evaluation,
    XGBoostSettings xgboost,
    int featureDriftWindow,
    RetrainingPolicy retraining) {

  public MlSettings {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(xgboost, "xgboost");
    if (featureDriftWindow < 10) {
      throw new IllegalArgumentException(
          "featureDriftWindow must be at least 10 rows, got %d".formatted(featureDriftWindow));
    }
    Objects.requireNonNull(retraining, "retraining");
  }

  /** Settings with a feature drift window and the default retraining policy. */
  public MlSettings(
      LabelConfig labels,
      EvaluationConfig evaluation,
      XGBoostSettings xgboost,
      int featureDriftWindow) {
    this(labels, evaluation, xgboost, featureDriftWindow, RetrainingPolicy.defaults());
  }

  /** Settings with the default feature drift window and retraining policy. */
  public MlSettings(LabelConfig labels, EvaluationConfig evaluation, XGBoostSettings xgboost) {
    this(labels, evaluation, xgboost, FeatureDrift.DEFAULT_WINDOW);
  }

  /** The documented defaults of each part. */
  public static MlSettings defaults() {
    return new MlSettings(
        LabelConfig.defaults(), EvaluationConfig.defaults(), XGBoostSettings.defaults());
  }

  /** These settings with {@code retraining} as the retraining policy. */
  public MlSettings withRetraining(RetrainingPolicy retraining) {
    return new MlSettings(labels, evaluation, xgboost, featureDriftWindow, retraining);
  }
}
