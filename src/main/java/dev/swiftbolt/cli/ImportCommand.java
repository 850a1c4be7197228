package dev.swiftbolt.cli;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.CsvBarParser;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.marketdata.UpsertResult;
import dev.swiftbolt.symbols.SymbolCode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt import csv FILE --symbol S --timeframe TF}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import bars from files.",
    subcommands = {ImportCommand.Csv.class})
final class ImportCommand extends CommandGroup {

  @Command(
      name = "csv",
      mixinStandardHelpOptions = true,
      description = {
        "Import a CSV file of bars.",
        "Columns: date,open,high,low,close,volume or Yahoo's"
            + " Date,Open,High,Low,Close,Adj Close,Volume (headers case-insensitive, any row"
            + " order).",
        "A date means that session's 09:30 New York open; ISO date-times are also accepted.",
        "One bad row rejects the whole file (exit 2, nothing written).",
        "An unknown S is registered first (--name N, else Alpaca's name, else the ticker).",
        "D1 imports also rebuild W1; M15 imports rebuild H1 and H4.",
        "A series never mixes sources: importing into a series of SIMULATED bars needs --replace-simulated; into a series of Alpaca bars, the rows must overlap the stored bars and agree with them within 0.5%%."
      })
  static final class Csv implements Callable<Integer> {
    @ParentCommand ImportCommand parent;

    @Parameters(paramLabel = "FILE", description = "The CSV file")
    Path file;

    @Option(names = "--symbol", required = true, paramLabel = "S", description = "e.g. AAPL")
    String symbol;

    @Option(
        names = "--name",
        paramLabel = "N",
        description =
            "Name to register S under when it is unknown (default: Alpaca's name when configured,"
                + " else the ticker)")
    String name;

    @Option(
        names = "--timeframe",
        required = true,
        paramLabel = "TF",
        description = "M15, H1, H4, D1 or W1")
    String timeframe;

    @Option(
        names = "--replace-simulated",
        description =
            "When S's series holds SIMULATED bars, delete them (and retire the models, forecasts and evaluations built on them) before loading; without it such an import is refused (exit 1)")
    boolean replaceSimulated;

    @Override
    public Integer call() {
      String code = SymbolCode.normalize(symbol);
      Timeframe tf = Timeframe.parse(timeframe);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("FILE " + file + " does not exist or is not a file");
      }
      List<Bar> bars;
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        bars = new CsvBarParser(TradingCalendar.nyse()).parse(reader, file.toString(), tf);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read FILE " + file + ": " + e.getMessage(), e);
      }
      if (SymbolsCommand.registry(parent.main)
          .ensureRegistered(code, Optional.ofNullable(name).filter(n -> !n.isBlank()))) {
        System.out.println("Registered " + code + " in the symbols registry");
      }
      MarketDataService service = MarketDataOptions.service(parent.main);
      Map<Timeframe, UpsertResult> loads =
          service.importBars(code, tf, "csv", bars, replaceSimulated);
      System.out.printf(
          "Imported %d %s bars of %s from %s (source csv): %s%n",
          bars.size(), tf, code, file, MarketDataOptions.describe(loads));
      return 0;
    }
  }
}
