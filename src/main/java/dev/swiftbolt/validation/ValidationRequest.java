package dev.swiftbolt.validation;

import dev.swiftbolt.market.Direction;
import java.util.Objects;

/**
 * One validation to perform: what {@link UnifiedValidator#validate} takes, as one JSON Lines input
 * object or one {@code POST /api/v1/validate} body carries it.
 */
public record ValidationRequest(String symbol, Direction direction, ValidationScores scores) {

  public ValidationRequest {
    Objects.requireNonNull(symbol, "symbol is required");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    Objects.requireNonNull(direction, "direction is required");
    Objects.requireNonNull(scores, "scores are required");
  }

  /** Runs the validator on this request. */
  public UnifiedPrediction validateWith(UnifiedValidator validator) {
    return validator.validate(symbol, direction, scores);
  }
}
