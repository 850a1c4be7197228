package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.util.List;

/**
 * Where bars come from: the Alpaca market-data API, a CSV file, or the {@link MarketSimulator}.
 *
 * <p>Implementations return the bars of one symbol and timeframe whose open time {@code ts} lies in
 * the half-open interval {@code [from, to)}, oldest first, at most one bar per {@code ts}. Bars are
 * regular-session bars in SwiftBolt's canonical form (see DESIGN.md "Bars and time"): a D1 bar's
 * {@code ts} is that session's 09:30 New York open. Implementations may block (network) and throw
 * unchecked exceptions naming the cause; they must not return bars outside {@code [from, to)}.
 */
@FunctionalInterface
public interface BarSource {

  /**
   * Fetches the bars of {@code symbol} (upper-case ticker) for {@code timeframe} with open time in
   * {@code [from, to)}, oldest first.
   */
  List<Bar> fetch(String symbol, Timeframe timeframe, Instant from, Instant to);
}
