package dev.swiftbolt.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Coverage;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.QualityFinding;
import dev.swiftbolt.marketdata.QualityReport;
import dev.swiftbolt.marketdata.SeriesQuality;
import dev.swiftbolt.marketdata.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt quality [SYMBOLS] [--timeframes LIST] [--json]}. */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = {
      "Report the data quality of each symbol and timeframe.",
      "Rules: coverage, gaps against the NYSE calendar, OHLC integrity, non-positive prices,"
          + " zero-volume runs, outlier returns, resample consistency, staleness. Exit 1 when any"
          + " error is found (staleness alone is a warning)."
    })
final class QualityCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SYMBOLS",
      description = "Comma-separated (default: all active symbols)")
  String symbols;

  @Option(
      names = "--timeframes",
      paramLabel = "LIST",
      description = MarketDataOptions.TIMEFRAMES_DESCRIPTION)
  String timeframes;

  @Option(names = "--json", description = "One JSON array, one object per symbol and timeframe")
  boolean json;

  /** One series' verdict as printed with --json. */
  @JsonPropertyOrder({
    "symbol",
    "timeframe",
    "simulated",
    "sources",
    "coverage",
    "errors",
    "warnings",
    "findings"
  })
  record Row(
      String symbol,
      String timeframe,
      boolean simulated,
      List<String> sources,
      Coverage coverage,
      long errors,
      long warnings,
      List<QualityFinding> findings) {
    static Row of(SeriesQuality q) {
      QualityReport r = q.report();
      return new Row(
          r.symbol(),
          r.timeframe().name(),
          q.simulated(),
          q.sources().stream().sorted().toList(),
          r.coverage(),
          r.errorCount(),
          r.warningCount(),
          r.findings());
    }
  }

  @Override
  public Integer call() throws Exception {
    MarketDataService service = MarketDataOptions.service(main);
    Set<Timeframe> selected = MarketDataOptions.timeframes(Optional.ofNullable(timeframes));
    List<String> list = MarketDataOptions.symbols(Optional.ofNullable(symbols), service);
    List<SeriesQuality> reports = service.quality(list, selected);
    long errors = reports.stream().mapToLong(q -> q.report().errorCount()).sum();
    if (json) {
      System.out.println(Json.mapper().writeValueAsString(reports.stream().map(Row::of).toList()));
      return errors > 0 ? 1 : 0;
    }
    for (SeriesQuality q : reports) {
      QualityReport r = q.report();
      Coverage c = r.coverage();
      System.out.printf(
          "%-7s %-4s %6d of %6d expected bars  %s .. %s  errors %d, warnings %d%s%n",
          r.symbol(),
          r.timeframe(),
          c.count(),
          c.expectedCount(),
          c.first().map(Object::toString).orElse("-"),
          c.last().map(Object::toString).orElse("-"),
          r.errorCount(),
          r.warningCount(),
          q.simulated()
              ? "  [SIMULATED data]"
              : q.sources().isEmpty() ? "" : "  source " + String.join(",", q.sources()));
      for (QualityFinding f : r.findings()) {
        System.out.printf(
            "    %-7s %-18s %s%n",
            f.severity() == Severity.ERROR ? "ERROR" : "warning", f.rule(), f.message());
      }
    }
    long warnings = reports.stream().mapToLong(q -> q.report().warningCount()).sum();
    System.out.printf(
        "%d error%s, %d warning%s%n",
        errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    return errors > 0 ? 1 : 0;
  }
}
