package dev.swiftbolt.cli;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.SymbolLoad;
import dev.swiftbolt.marketdata.UpsertResult;
import dev.swiftbolt.symbols.SymbolCode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parsing and printing shared by the market-data commands. */
final class MarketDataOptions {

  private MarketDataOptions() {}

  /** The market-data service on {@code main}'s database and the system clock. */
  static MarketDataService service(Main main) {
    return MarketDataService.withDefaults(main.database().jdbi(), Clock.systemUTC());
  }

  /** A validated comma-separated symbol list, or every active symbol when absent. */
  static List<String> symbols(Optional<String> list, MarketDataService service) {
    if (list.isPresent()) {
      return SymbolCode.normalizeList(list.get());
    }
    List<String> active = service.activeSymbols();
    if (active.isEmpty()) {
      throw new IllegalArgumentException(
          "no active symbols: run `swiftbolt symbols seed` or name the symbols (see `swiftbolt"
              + " symbols list`)");
    }
    return active;
  }

  /**
   * The description of {@code --timeframes LIST}, which means the same on every command that reads
   * series (backfill, quality, train, forecast, evaluate).
   */
  static final String TIMEFRAMES_DESCRIPTION =
      "Comma-separated timeframes among M15,H1,H4,D1,W1 (default: all five)";

  /** A comma-separated timeframe list such as {@code M15,D1}; all five when absent. */
  static Set<Timeframe> timeframes(Optional<String> list) {
    return EnumSet.copyOf(timeframeList(list));
  }

  /**
   * A comma-separated timeframe list such as {@code d1,M15} in the given order without duplicates;
   * all five, M15 to W1, when absent.
   *
   * @throws IllegalArgumentException naming an empty or unknown timeframe
   */
  static List<Timeframe> timeframeList(Optional<String> list) {
    if (list.isEmpty()) {
      return List.of(Timeframe.values());
    }
    Set<Timeframe> result = new LinkedHashSet<>();
    for (String part : list.get().split(",", -1)) {
      result.add(Timeframe.parse(part));
    }
    return List.copyOf(result);
  }

  /** One line per timeframe loaded: "D1 252 new, 0 updated, 0 unchanged". */
  static String describe(Map<Timeframe, UpsertResult> loads) {
    StringBuilder text = new StringBuilder();
    loads.forEach(
        (tf, r) -> {
          if (text.length() > 0) {
            text.append("; ");
          }
          text.append(tf)
              .append(' ')
              .append(r.inserted())
              .append(" new, ")
              .append(r.updated())
              .append(" updated, ")
              .append(r.unchanged())
              .append(" unchanged");
        });
    return text.length() == 0 ? "nothing to load" : text.toString();
  }

  /** Prints the per-symbol summary; returns 1 when any symbol failed, else 0. */
  static int summarize(List<SymbolLoad> loads, PrintStream out) {
    long failed = loads.stream().filter(l -> !l.succeeded()).count();
    for (SymbolLoad l : loads) {
      if (l.succeeded()) {
        out.printf("%-7s ok      %s%n", l.symbol(), describe(new java.util.TreeMap<>(l.loads())));
      } else {
        out.printf(
            "%-7s FAILED  after %d attempt%s: %s%n",
            l.symbol(), l.attempts(), l.attempts() == 1 ? "" : "s", l.error().orElse(""));
      }
    }
    out.printf(
        "%d of %d symbols loaded%s%n",
        loads.size() - failed, loads.size(), failed > 0 ? ", " + failed + " failed" : "");
    return failed > 0 ? 1 : 0;
  }
}
