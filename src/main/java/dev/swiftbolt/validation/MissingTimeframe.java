package dev.swiftbolt.validation;

import dev.swiftbolt.market.Timeframe;
import java.util.Objects;

/**
 * A timeframe a unified prediction lacks, with the reason, e.g. {@code H4}: "no H4 model: only 57
 * H4 bars stored …". Predictions carry these instead of dropping a timeframe silently.
 */
public record MissingTimeframe(Timeframe timeframe, String reason) {

  public MissingTimeframe {
    Objects.requireNonNull(timeframe, "timeframe");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason of a missing timeframe must not be blank");
    }
  }
}
