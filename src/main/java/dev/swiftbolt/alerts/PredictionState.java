package dev.swiftbolt.alerts;

import dev.swiftbolt.market.Direction;
import java.util.Objects;

/**
 * What alerts compare between two stored unified predictions of one symbol.
 *
 * @param id the {@code unified_predictions} row
 * @param unifiedConfidence in [0, 1]
 */
public record PredictionState(
    long id,
    Direction direction,
    double unifiedConfidence,
    boolean driftDetected,
    double driftMagnitude) {

  public PredictionState {
    Objects.requireNonNull(direction, "direction");
  }
}
