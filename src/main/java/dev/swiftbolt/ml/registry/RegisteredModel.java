package dev.swiftbolt.ml.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.models.DirectionModel;
import dev.swiftbolt.ml.models.ModelCodec;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.ProbabilityCalibrator;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A row of the {@code models} registry.
 *
 * @param forecaster who issues the series' forecasts while this model is champion
 * @param selectionJson the champion rule's evidence at training, when it was evaluated
 * @param status champion, rejected or retired
 * @param statusReason why it was rejected or retired
 * @param parentModelId the champion it was trained against (lineage)
 */
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
    boolean active,
    Forecaster forecaster,
    Optional<String> selectionJson,
    ModelStatus status,
    Optional<String> statusReason,
    OptionalLong parentModelId) {

  /** The metrics field holding a naive forecaster's probabilities, one row per issued class. */
  public static final String NAIVE_PROBABILITIES = "naive_probabilities";

  /** The model itself, decoded from the artifact by its stored format. */
  public DirectionModel model() {
    return ModelCodec.decode(kind, artifactFormat, artifact);
  }

  /**
   * A naive forecaster's probabilities, row k = what it issues with class k, from the metrics.
   *
   * @throws IllegalStateException when the forecaster is naive and the metrics lack them
   */
  public double[][] naiveProbabilities() {
    try {
      JsonNode rows = Json.mapper().readTree(metricsJson).get(NAIVE_PROBABILITIES);
      if (rows == null) {
        throw new IllegalStateException(
            "model %d issues %s but its metrics have no %s; run train again"
                .formatted(id, forecaster.id(), NAIVE_PROBABILITIES));
      }
      return Json.mapper().treeToValue(rows, double[][].class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The calibrator that forecasts apply (identity unless the method is "platt"). */
  public ProbabilityCalibrator calibrator() {
    return "platt".equals(calibrationMethod)
        ? ProbabilityCalibrator.ofParameters(calibrationParams)
        : ProbabilityCalibrator.identity();
  }
}
