package dev.swiftbolt.ml.registry;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.models.DirectionModel;
import dev.swiftbolt.ml.models.ModelCodec;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.ProbabilityCalibrator;
import java.time.Instant;
import java.util.List;

/** A row of the {@code models} registry. */
public record RegisteredModel(
    long id,
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
    String artifactFormat,
    byte[] artifact,
    boolean active) {

  /** The model itself, decoded from the artifact by its stored format. */
  public DirectionModel model() {
    return ModelCodec.decode(kind, artifactFormat, artifact);
  }

  /** The calibrator that forecasts apply (identity unless the method is "platt"). */
  public ProbabilityCalibrator calibrator() {
    return "platt".equals(calibrationMethod)
        ? ProbabilityCalibrator.ofParameters(calibrationParams)
        : ProbabilityCalibrator.identity();
  }
}
