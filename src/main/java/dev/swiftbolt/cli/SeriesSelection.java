package dev.swiftbolt.cli;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.symbols.SymbolCode;
import dev.swiftbolt.symbols.SymbolRegistry;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code [SYMBOLS] [--timeframes LIST] [--json]} arguments shared by the ml commands. */
final class SeriesSelection {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SYMBOLS",
      description = "Comma-separated symbols (default: every active symbol)")
  String symbols;

  @Option(
      names = "--timeframes",
      paramLabel = "LIST",
      description = MarketDataOptions.TIMEFRAMES_DESCRIPTION)
  String timeframes;

  @Option(
      names = "--json",
      description =
          "JSON Lines instead of text (the command's description says what each object holds)")
  boolean json;

  /** The symbols, validated and upper-cased; every active symbol when none were given. */
  List<String> symbols(SymbolRegistry repository) {
    if (symbols == null) {
      return repository.activeSymbols();
    }
    List<String> list = SymbolCode.normalizeList(symbols);
    for (String symbol : list) {
      repository.require(symbol);
    }
    return list;
  }

  /** The timeframes in the given order, without duplicates. */
  List<Timeframe> timeframes() {
    return MarketDataOptions.timeframeList(Optional.ofNullable(timeframes));
  }
}
