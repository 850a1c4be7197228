package dev.swiftbolt.cli;

import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.BarRow;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.StoredBar;
import dev.swiftbolt.symbols.SymbolCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt bars SYMBOL --timeframe TF [--from D] [--to D] [--json]}. */
@Command(
    name = "bars",
    mixinStandardHelpOptions = true,
    description = {
      "Print stored bars, oldest first (ts = bar open time, UTC).",
      "Simulated bars say source=sim."
    })
final class BarsCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "SYMBOL", description = "e.g. AAPL")
  String symbol;

  @Option(
      names = "--timeframe",
      required = true,
      paramLabel = "TF",
      description = "M15, H1, H4, D1 or W1")
  String timeframe;

  @Option(names = "--from", paramLabel = "D", description = "First New York date, inclusive")
  LocalDate from;

  @Option(names = "--to", paramLabel = "D", description = "Last New York date, inclusive")
  LocalDate to;

  @Option(
      names = "--json",
      description = "One JSON array; fields ts, open, high, low, close, volume, source")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String code = SymbolCode.normalize(symbol);
    Timeframe tf = Timeframe.parse(timeframe);
    MarketDataService service = MarketDataOptions.service(main);
    List<StoredBar> bars =
        service.bars(code, tf, Optional.ofNullable(from), Optional.ofNullable(to));
    if (json) {
      System.out.println(Json.mapper().writeValueAsString(bars.stream().map(BarRow::of).toList()));
      return 0;
    }
    if (bars.isEmpty()) {
      System.out.println(
          "No " + tf + " bars stored for " + code + ". Run `swiftbolt backfill " + code + "`.");
      return 0;
    }
    if (bars.stream().anyMatch(StoredBar::simulated)) {
      System.out.println("Note: bars with source=sim are SIMULATED, not market data.");
    }
    System.out.printf(
        "%-21s %12s %12s %12s %12s %14s %s%n",
        "ts", "open", "high", "low", "close", "volume", "source");
    for (StoredBar s : bars) {
      System.out.printf(
          "%-21s %12.4f %12.4f %12.4f %12.4f %14.0f %s%n",
          s.bar().ts(),
          s.bar().open(),
          s.bar().high(),
          s.bar().low(),
          s.bar().close(),
          s.bar().volume(),
          s.source());
    }
    return 0;
  }
}
