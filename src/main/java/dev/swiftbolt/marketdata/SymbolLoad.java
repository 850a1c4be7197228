package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of backfilling or ingesting one symbol.
 *
 * @param symbol the ticker
 * @param attempts attempts made (1 when the first succeeded)
 * @param loads what was loaded per timeframe (base and resampled), empty on failure
 * @param error why the symbol failed after its last attempt; empty on success
 */
public record SymbolLoad(
    String symbol, int attempts, Map<Timeframe, UpsertResult> loads, Optional<String> error) {

  public SymbolLoad {
    Objects.requireNonNull(symbol, "symbol");
    loads = Map.copyOf(loads);
    Objects.requireNonNull(error, "error");
  }

  /** True when the symbol loaded. */
  public boolean succeeded() {
    return error.isEmpty();
  }
}
