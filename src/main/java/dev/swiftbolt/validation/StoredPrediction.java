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
 */
public record StoredPrediction(
    long id, Instant createdAt, UnifiedPrediction prediction, Optional<String> liveScoreSource) {

  public StoredPrediction {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(liveScoreSource, "liveScoreSource");
  }
}
