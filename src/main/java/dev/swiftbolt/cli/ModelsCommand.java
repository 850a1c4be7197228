package dev.swiftbolt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.ModelHistoryService;
import dev.swiftbolt.symbols.SymbolCode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt models SYMBOL [--timeframes LIST] [--json]}. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = {
      "List a symbol's registered models, newest first, with their status.",
      """
      Each line gives the forecaster, training window, walk-forward accuracy, status and reason. \
      The champion issues the series' forecasts (the model itself, persistence or majority, as \
      the champion rule chose at training); a rejected challenger lost to the champion when it \
      was trained; a retired model was champion until a challenger replaced it."""
    })
final class ModelsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "SYMBOL", description = "The symbol")
  String symbol;

  @Option(
      names = "--timeframes",
      paramLabel = "LIST",
      description = MarketDataOptions.TIMEFRAMES_DESCRIPTION)
  String timeframes;

  @Option(names = "--json", description = "JSON Lines: one object per model")
  boolean json;

  @Override
  public Integer call() {
    String code = SymbolCode.normalize(symbol);
    List<Timeframe> tfs = MarketDataOptions.timeframeList(Optional.ofNullable(timeframes));
    List<ModelHistoryService.ModelEntry> models =
        new ModelHistoryService(main.database().jdbi()).models(code, tfs);
    print(System.out, models, json);
    return 0;
  }

  static void print(PrintStream out, List<ModelHistoryService.ModelEntry> models, boolean json) {
    for (ModelHistoryService.ModelEntry m : models) {
      out.println(json ? json(m) : text(m));
    }
  }

  private static String json(ModelHistoryService.ModelEntry m) {
    try {
      return Json.mapper().writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(ModelHistoryService.ModelEntry m) {
    return String.format(
        Locale.ROOT,
        "%-6s %-3s model %d %-9s %-11s trained %s on %s..%s, walk-forward %s%s",
        m.symbol(),
        m.timeframe(),
        m.id(),
        m.status().id(),
        m.forecaster().id(),
        m.trainedAt(),
        m.trainFrom(),
        m.trainTo(),
        m.walkforwardAccuracy().isPresent()
            ? String.format(Locale.ROOT, "%.3f", m.walkforwardAccuracy().getAsDouble())
            : "-",
        m.reason().map(r -> "; " + r).orElse(""));
  }
}
