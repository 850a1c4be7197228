package dev.swiftbolt.cli;

import dev.swiftbolt.marketdata.BackfillListener;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.LabelledSource;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.MarketDataSources;
import dev.swiftbolt.marketdata.TradingCalendar;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt ingest intraday [SYMBOLS]}. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Ingest fresh bars.",
    subcommands = {IngestCommand.Intraday.class})
final class IngestCommand extends CommandGroup {

  @Command(
      name = "intraday",
      mixinStandardHelpOptions = true,
      description = {
        "Fetch the M15 bars since the newest stored one and rebuild H1 and H4.",
        "Complete bars only: a bar still forming is never stored."
      })
  static final class Intraday implements Callable<Integer> {
    @ParentCommand IngestCommand parent;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "SYMBOLS",
        description = "Comma-separated (default: all active symbols)")
    String symbols;

    @Option(names = "--source", paramLabel = "S", description = "alpaca or sim")
    String source;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      LabelledSource chosen =
          MarketDataSources.choose(
              Optional.ofNullable(source),
              parent.main.config().alpacaEnvironment(),
              new BarSchedule(TradingCalendar.nyse()),
              java.time.Clock.systemUTC());
      MarketDataService service = MarketDataOptions.service(parent.main);
      List<String> list = MarketDataOptions.symbols(Optional.ofNullable(symbols), service);
      spec.commandLine().getErr().println(chosen.announcement());
      spec.commandLine().getErr().flush();
      return MarketDataOptions.summarize(
          service.ingestIntraday(list, chosen, BackfillListener.none()), System.out);
    }
  }
}
