package dev.swiftbolt.validation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A unified prediction as stored in {@code unified_predictions}.
 *
 * @param id the row id
 * @param symbolId the registry id of the symbol, empty when the symbol was not registered
 * @param createdAt when the row was stored
 * @param prediction the validator's answer
 */
public record StoredPrediction(
    long id, Optional<Long> symbolId, Instant createdAt, UnifiedPrediction prediction) {

  public StoredPrediction {
    Objects.requireNonNull(symbolId, "symbolId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(prediction, "prediction");
  }
}
