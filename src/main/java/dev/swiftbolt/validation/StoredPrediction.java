package dev.swiftbolt.validation;

import java.time.Instant;
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
 */
public record StoredPrediction(
    long id,
    Instant createdAt,
    UnifiedPrediction prediction,
    Optional<String> liveScoreSource,
    Optional<PredictionBaselines> baselines) {

  public StoredPrediction {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(liveScoreSource, "liveScoreSource");
    Objects.requireNonNull(baselines, "baselines");
  }

  /** A stored prediction without baselines. */
  public StoredPrediction(
      long id, Instant createdAt, UnifiedPrediction prediction, Optional<String> liveScoreSource) {
    this(id, createdAt, prediction, liveScoreSource, Optional.empty());
  }
}
