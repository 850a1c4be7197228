package dev.swiftbolt.predictions;

import dev.swiftbolt.validation.MissingTimeframe;
import dev.swiftbolt.validation.PredictionBaselines;
import dev.swiftbolt.validation.ProbabilityCorrect;
import dev.swiftbolt.validation.UnifiedPrediction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A unified prediction as stored in {@code unified_predictions}.
 *
 * @param id the row id
 * @param createdAt when the row was stored
 * @param prediction the validator's answer
 * @param liveScoreSource {@code live} or {@code walkforward_proxy}: what the prediction's live
 *     score was; empty when the scores came from outside (e.g. {@code swiftbolt validate})
 * @param baselines the naive baselines of its backtesting, walk-forward and live scores; empty when
 *     the scores came from outside or the row was stored before baselines were kept
 * @param missingTimeframes the timeframes without a forecast in {@code multi_tf_consensus}, each
 *     with the reason; empty when all five are present or the scores came from outside
 * @param resolution how it came out, once its horizon has passed
 * @param probabilityCorrect how often a signal at its confidence came true before it was made;
 *     empty when the scores came from outside or the row predates it
 * @param featureDriftJson the primary forecast's feature drift ({@code feature_drift}), as JSON
 * @param forecasters who issued each timeframe's forecast, in timeframe order; empty when the
 *     scores came from outside or the row was stored before forecasters were kept
 */
public record StoredPrediction(
    long id,
    Instant createdAt,
    UnifiedPrediction prediction,
    Optional<String> liveScoreSource,
    Optional<PredictionBaselines> baselines,
    List<MissingTimeframe> missingTimeframes,
    Optional<PredictionResolution> resolution,
    Optional<ProbabilityCorrect> probabilityCorrect,
    Optional<String> featureDriftJson,
    List<TimeframeForecaster> forecasters) {

  public StoredPrediction {
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(probabilityCorrect, "probabilityCorrect");
    Objects.requireNonNull(featureDriftJson, "featureDriftJson");
    forecasters = List.copyOf(forecasters);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(liveScoreSource, "liveScoreSource");
    Objects.requireNonNull(baselines, "baselines");
    missingTimeframes = List.copyOf(missingTimeframes);
  }

  /**
   * A stored prediction without a resolution, probability_correct, feature drift or forecasters.
   */
  public StoredPrediction(
      long id,
      Instant createdAt,
      UnifiedPrediction prediction,
      Optional<String> liveScoreSource,
      Optional<PredictionBaselines> baselines,
      List<MissingTimeframe> missingTimeframes) {
    this(
        id,
        createdAt,
        prediction,
        liveScoreSource,
        baselines,
        missingTimeframes,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  /** A stored prediction without baselines or missing timeframes. */
  public StoredPrediction(
      long id, Instant createdAt, UnifiedPrediction prediction, Optional<String> liveScoreSource) {
    this(id, createdAt, prediction, liveScoreSource, Optional.empty(), List.of());
  }
}
