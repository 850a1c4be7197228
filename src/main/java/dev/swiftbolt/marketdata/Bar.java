package dev.swiftbolt.marketdata;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One OHLCV bar. {@code ts} is the bar's open time in UTC. Prices are in the instrument's quote
 * currency, volume in shares.
 *
 * <p>The constructor only refuses values that cannot be a price at all (null time, NaN or infinite
 * numbers); the OHLC invariants (low ≤ open, close ≤ high, volume ≥ 0, positive prices) are
 * data-quality rules checked by {@link #violation()}, so that a loader can report which row broke
 * which rule instead of failing on construction.
 */
public record Bar(Instant ts, double open, double high, double low, double close, double volume) {

  public Bar {
    Objects.requireNonNull(ts, "ts");
    requireFinite("open", open);
    requireFinite("high", high);
    requireFinite("low", low);
    requireFinite("close", close);
    requireFinite("volume", volume);
  }

  private static void requireFinite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number, got " + value);
    }
  }

  /**
   * The first OHLC invariant this bar breaks, as a sentence naming the rule; empty when it obeys
   * all of them.
   */
  public Optional<String> violation() {
    if (open <= 0 || high <= 0 || low <= 0 || close <= 0) {
      return Optional.of("prices must be positive");
    }
    if (high < low) {
      return Optional.of("high must not be below low");
    }
    if (open < low || open > high) {
      return Optional.of("open must lie within [low, high]");
    }
    if (close < low || close > high) {
      return Optional.of("close must lie within [low, high]");
    }
    if (volume < 0) {
      return Optional.of("volume must not be negative");
    }
    return Optional.empty();
  }
}
