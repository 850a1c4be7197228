package dev.swiftbolt.ml;

import dev.swiftbolt.ml.evaluation.EvaluationConfig;
import dev.swiftbolt.ml.features.LabelConfig;
import dev.swiftbolt.ml.models.XGBoostSettings;
import java.util.Objects;

/** The ml service's settings: labelling, evaluation and the XGBoost hyper-parameters. */
public record MlSettings(LabelConfig labels, EvaluationConfig evaluation, XGBoostSettings xgboost) {

  public MlSettings {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(xgboost, "xgboost");
  }

  /** The documented defaults of each part. */
  public static MlSettings defaults() {
    return new MlSettings(
        LabelConfig.defaults(), EvaluationConfig.defaults(), XGBoostSettings.defaults());
  }
}
