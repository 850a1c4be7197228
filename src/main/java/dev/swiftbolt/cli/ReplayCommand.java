package dev.swiftbolt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.MlSettings;
import dev.swiftbolt.ml.RetrainingPolicy;
import dev.swiftbolt.ml.UnifiedPredictionService;
import dev.swiftbolt.ml.registry.BarReader;
import dev.swiftbolt.replay.ReplayDay;
import dev.swiftbolt.replay.ReplayJson;
import dev.swiftbolt.replay.ReplayService;
import dev.swiftbolt.symbols.SymbolRegistry;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code swiftbolt replay [SYMBOLS] --from DATE [--to DATE] [--timeframes LIST] [--json]}. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Run the daily loop point-in-time over past sessions and report how right it would have been.",
      "For each NYSE session from --from to --to, seeing only the bars closed by that session's close (a W1 bar once its week's last session has closed), it resolves the replay's earlier forecasts, retrains when the previous session's prediction asked for it (or the series has no model yet), forecasts every timeframe, scores the last 30 resolved D1 forecasts as the live score (source \"replay\" from 10 resolved, the walk-forward standing in below) and asks the unified validator with the clock at the session's close. Results go to replay_runs and replay_days only; production's models, forecasts, evaluations and predictions are never touched. Symbols run in parallel; progress goes to stderr.",
      "Text prints one summary line per symbol; --json prints JSON Lines: one \"kind\": \"day\" object per symbol × session in session order, then one \"kind\": \"summary\" object per symbol."
    })
final class ReplayCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin SeriesSelection selection;
  @Mixin RetrainingOption retraining;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DATE",
      description = "First session to replay (YYYY-MM-DD, New York date)")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Last session to replay (default: the last stored D1 session)")
  LocalDate to;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<String> symbols = selection.symbols(new SymbolRegistry(main.database().jdbi()));
    ReplayService service = service(main, retraining.policy());
    Timeframe primary = UnifiedPredictionService.DEFAULT_PRIMARY;
    ReplayService.Request request =
        new ReplayService.Request(symbols, from, Optional.ofNullable(to), selection.timeframes());
    LocalDate last = request.to().orElseGet(() -> service.lastStoredSession(symbols, primary));
    long total = (long) symbols.size() * service.sessions(from, last).size();
    ReplayService.Outcome outcome;
    try (Progress progress = Progress.open("replay", total)) {
      outcome =
          service.replay(
              new ReplayService.Request(symbols, from, Optional.of(last), selection.timeframes()),
              primary,
              progress::step);
    }
    print(System.out, outcome, selection.json);
    for (ReplayService.SymbolResult r : outcome.results()) {
      r.error().ifPresent(e -> err.println(r.symbol() + ": " + e));
    }
    outcome.run().ifPresent(run -> err.println("Stored as replay run " + run.id() + "."));
    err.flush();
    return outcome.results().stream().allMatch(r -> r.error().isEmpty()) ? 0 : 1;
  }

  static ReplayService service(Main main, RetrainingPolicy policy) {
    return new ReplayService(
        main.database().jdbi(),
        BarReader.ohlcBars(main.database().jdbi()),
        MlSettings.defaults().withRetraining(policy),
        Clock.systemUTC(),
        Runtime.getRuntime().availableProcessors());
  }

  /** Day objects by session then symbol, then the summaries (JSON), or the summary lines. */
  static void print(PrintStream out, ReplayService.Outcome outcome, boolean json) {
    List<ReplayService.SymbolResult> ok =
        outcome.results().stream().filter(r -> r.error().isEmpty()).toList();
    if (!json) {
      for (ReplayService.SymbolResult r : ok) {
        out.println(ReplayJson.text(r.summary()));
      }
      if (ok.size() > 1) {
        out.println(ReplayJson.pooledText(ok.stream().flatMap(r -> r.days().stream()).toList()));
      }
      return;
    }
    List<ReplayDay> days = new ArrayList<>();
    for (ReplayService.SymbolResult r : ok) {
      days.addAll(r.days());
    }
    List<String> order = ok.stream().map(ReplayService.SymbolResult::symbol).toList();
    days.sort(
        Comparator.comparing(ReplayDay::session).thenComparing(d -> order.indexOf(d.symbol())));
    for (ReplayDay d : days) {
      out.println(line(ReplayJson.day(d)));
    }
    for (ReplayService.SymbolResult r : ok) {
      out.println(line(ReplayJson.summary(r.summary())));
    }
  }

  private static String line(ObjectNode node) {
    try {
      return Json.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
