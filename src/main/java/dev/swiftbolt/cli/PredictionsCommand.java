package dev.swiftbolt.cli;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.predictions.StoredPrediction;
import dev.swiftbolt.predictions.StoredPredictions;
import dev.swiftbolt.predictions.ValidationJson;
import dev.swiftbolt.symbols.SymbolCode;
import dev.swiftbolt.symbols.SymbolRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt predictions [SYMBOLS] [--json]}. */
@Command(
    name = "predictions",
    mixinStandardHelpOptions = true,
    description = {
      "Latest unified prediction per symbol.",
      """
      Stored by the ml-orchestration pipeline (`swiftbolt pipeline run ml-orchestration`, then a \
      worker) or by `swiftbolt demo`. --json prints every field, one JSON object per line, in \
      the format of `swiftbolt validate` plus live_score_source (live or walkforward_proxy), per \
      score the naive baseline it is read against (backtesting_baseline_accuracy, \
      backtesting_baseline_name, backtesting_baselines; the same for walkforward and live) and \
      missing_timeframes."""
    })
final class PredictionsCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SYMBOLS",
      description = "Comma-separated symbols (default: every symbol with a prediction)")
  String symbols;

  @Option(names = "--json", description = "JSON Lines, every field")
  boolean json;

  @Override
  public Integer call() {
    Database database = main.database();
    StoredPredictions repository = new StoredPredictions(database.jdbi());
    List<StoredPrediction> stored;
    if (symbols == null) {
      stored = repository.latestPerSymbol();
    } else {
      SymbolRegistry registry = new SymbolRegistry(database.jdbi());
      stored = new ArrayList<>();
      for (String symbol : SymbolCode.normalizeList(symbols)) {
        registry.require(symbol);
        repository.latest(symbol).ifPresent(stored::add);
      }
    }
    if (stored.isEmpty()) {
      System.err.println(
          "No unified predictions yet. Run `swiftbolt demo --no-serve`, or"
              + " `swiftbolt pipeline run ml-orchestration` and a worker.");
      return symbols == null ? 0 : 1;
    }
    if (json) {
      ValidationJson codec = new ValidationJson();
      stored.forEach(s -> System.out.println(codec.toJson(s)));
      return 0;
    }
    PredictionTable.print(System.out, "", stored);
    return 0;
  }
}
