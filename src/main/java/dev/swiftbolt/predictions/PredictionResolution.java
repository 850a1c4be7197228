package dev.swiftbolt.predictions;

import dev.swiftbolt.market.Direction;
import java.time.Instant;
import java.util.Objects;

/**
 * How a stored unified prediction came out: the direction realised over its horizon (the training
 * label rule), whether it equals the predicted direction, and when this was recorded.
 */
public record PredictionResolution(
    Direction realizedDirection, boolean correct, Instant resolvedAt) {
  public PredictionResolution {
    Objects.requireNonNull(realizedDirection, "realizedDirection");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
  }
}
