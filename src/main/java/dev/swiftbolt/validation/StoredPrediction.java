package dev.swiftbolt.validation;

import java.time.Instant;
import java.util.Objects;

/**
 * A unified prediction as stored in {@code unified_predictions}.
 *
 * @param id the row id
 * @param createdAt when the row was stored
 * @param prediction the validator's answer
 */
public record StoredPrediction(long id, Instant createdAt, UnifiedPrediction prediction) {

  public StoredPrediction {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(prediction, "prediction");
  }
}
