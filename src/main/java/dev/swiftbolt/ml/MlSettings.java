package dev.swiftbolt.ml;

import dev.swiftbolt.ml.evaluation.EvaluationConfig;
import dev.swiftbolt.ml.features.LabelConfig;
import dev.swiftbolt.ml.models.XGBoostSettings;
import java.util.Objects;

/**
 * The ml service's settings: labelling, evaluation, the XGBoost hyper-parameters and the retraining
 * policy (its cooldown).
 */
public record MlSettings(
    LabelConfig labels,
    EvaluationConfig evaluation,
    XGBoostSettings xgboost,
    RetrainingPolicy retraining) {

  public MlSettings {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(xgboost, "xgboost");
    Objects.requireNonNull(retraining, "retraining");
  }

  /** Settings with the default retraining policy. */
  public MlSettings(LabelConfig labels, EvaluationConfig evaluation, XGBoostSettings xgboost) {
    this(labels, evaluation, xgboost, RetrainingPolicy.defaults());
  }

  /** The documented defaults of each part. */
  public static MlSettings defaults() {
    return new MlSettings(
        LabelConfig.defaults(), EvaluationConfig.defaults(), XGBoostSettings.defaults());
  }

  /** These settings with {@code retraining} as the retraining policy. */
  public MlSettings withRetraining(RetrainingPolicy retraining) {
    return new MlSettings(labels, evaluation, xgboost, retraining);
  }
}
