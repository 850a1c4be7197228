package dev.swiftbolt.ml.models;

import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A trained model ready to be registered. {@code paramsJson} and {@code metricsJson} are JSON
 * objects; {@code calibrationParams} are the Platt parameters (empty unless the method is "platt").
 * An empty {@code artifact} registers a series that issues a naive forecaster: its forecasts come
 * from its metrics, so nothing is fitted on the full history and the artifact's format is {@value
 * #NO_ARTIFACT}.
 */
public record NewModel(
    long symbolId,
    Timeframe timeframe,
    ModelKind kind,
    String paramsJson,
    List<String> features,
    int horizonBars,
    Instant trainFrom,
    Instant trainTo,
    Instant trainedAt,
    String metricsJson,
    String calibrationMethod,
    double[] calibrationParams,
    byte[] artifact) {

  /** The artifact format of a model registered without a fitted artifact (a naive forecaster). */
  public static final String NO_ARTIFACT = "none";

  /** This model's artifact format: {@link #artifactFormat(ModelKind)}, or {@value #NO_ARTIFACT}. */
  public String artifactFormat() {
    return artifact.length == 0 ? NO_ARTIFACT : artifactFormat(kind);
  }

  /**
   * How artifacts of {@code kind} are encoded today: XGBoost's own UBJSON model, the logistic
   * baseline's standardisation and weights as doubles, 3 big-endian doubles for the majority.
   */
  public static String artifactFormat(ModelKind kind) {
    return switch (kind) {
      case XGBOOST -> XGBoostDirectionModel.FORMAT;
      case LOGISTIC -> LogisticDirectionModel.FORMAT;
      case MAJORITY -> MajorityModel.FORMAT;
    };
  }

  public NewModel {
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(paramsJson, "paramsJson");
    features = List.copyOf(features);
    Objects.requireNonNull(trainFrom, "trainFrom");
    Objects.requireNonNull(trainTo, "trainTo");
    Objects.requireNonNull(trainedAt, "trainedAt");
    Objects.requireNonNull(metricsJson, "metricsJson");
    Objects.requireNonNull(calibrationMethod, "calibrationMethod");
    calibrationParams = calibrationParams.clone();
    artifact = artifact.clone();
    if (horizonBars < 1) {
      throw new IllegalArgumentException("horizonBars must be at least 1");
    }
    if (trainFrom.isAfter(trainTo)) {
      throw new IllegalArgumentException("trainFrom must not be after trainTo");
    }
  }
}
