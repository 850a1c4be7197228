package dev.swiftbolt.cli;

import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.LabelledSource;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.MarketDataSources;
import dev.swiftbolt.marketdata.SymbolLoad;
import dev.swiftbolt.marketdata.TradingCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt backfill [SYMBOLS] [--timeframes LIST] [--from D] [--to D] [--source S]}. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch M15 and D1 bars, store them idempotently and resample H1, H4 and W1.",
      "The canonical backfill. Without --from it resumes from the newest stored bar (first run:"
          + " 18 months of M15, 5 years of D1). A failing symbol is retried 3 times with backoff;"
          + " the others go on. Source: Alpaca when APCA_API_KEY_ID and APCA_API_SECRET_KEY are"
          + " set, else the simulator."
    })
final class BackfillCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SYMBOLS",
      description = "Comma-separated, e.g. AAPL,MSFT (default: all active symbols)")
  String symbols;

  @Option(
      names = "--timeframes",
      paramLabel = "LIST",
      description = MarketDataOptions.TIMEFRAMES_DESCRIPTION)
  String timeframes;

  @Option(names = "--from", paramLabel = "D", description = "First date, e.g. 2024-01-02")
  LocalDate from;

  @Option(names = "--to", paramLabel = "D", description = "Last date, inclusive (default: now)")
  LocalDate to;

  @Option(names = "--source", paramLabel = "S", description = "alpaca or sim")
  String source;

  @Option(
      names = "--replace-simulated",
      description =
          "Let real bars replace series of SIMULATED bars: delete them (and retire the models, forecasts and evaluations built on them), then load the full history; without it such a symbol fails (exit 1). Simulated bars are never loaded into a real series.")
  boolean replaceSimulated;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    LabelledSource chosen =
        MarketDataSources.choose(
            Optional.ofNullable(source),
            main.config().alpacaEnvironment(),
            new BarSchedule(TradingCalendar.nyse()),
            java.time.Clock.systemUTC());
    MarketDataService service = MarketDataOptions.service(main);
    List<String> list = MarketDataOptions.symbols(Optional.ofNullable(symbols), service);
    var tfs = MarketDataOptions.timeframes(Optional.ofNullable(timeframes));
    spec.commandLine().getErr().println(chosen.announcement());
    spec.commandLine().getErr().flush();
    List<SymbolLoad> loads;
    try (Progress bar = Progress.open("backfill", list.size())) {
      loads =
          service.backfill(
              list,
              tfs,
              Optional.ofNullable(from),
              Optional.ofNullable(to),
              chosen,
              replaceSimulated,
              load -> {
                bar.note(load.symbol());
                bar.step();
              });
    }
    return MarketDataOptions.summarize(loads, System.out);
  }
}
