package dev.swiftbolt.cli;

import dev.swiftbolt.ml.evaluation.EvaluationReport;
import dev.swiftbolt.ml.evaluation.Score;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code swiftbolt evaluate [SYMBOLS] [--timeframes LIST] [--json]}. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Resolve due live forecasts, then score each symbol × timeframe honestly.",
      """
      Backtest, walk-forward and live accuracy, each with n, a Wilson 95%% interval and the \
      strongest naive baseline on the same rows (majority or persistence, never below chance: \
      baseline_accuracy, baseline_name, baselines), plus Brier score and ECE. --json prints one \
      object per symbol × timeframe: symbol, timeframe, backtest, walkforward (with folds), \
      live, live_score_source, calibration, evaluated_at."""
    })
final class EvaluateCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin SeriesSelection selection;
  @Mixin ThreadsOption threads;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return MlCommandRunner.run(
        main,
        spec.commandLine().getErr(),
        selection,
        threads.count(),
        (service, symbol, tf) -> service.evaluate(symbol, tf),
        EvaluateCommand::text);
  }

  private static String text(EvaluationReport r) {
    return String.format(
        Locale.ROOT,
        "%-6s %-3s backtest %s | walk-forward %s | live %s [%s] | Brier %.3f, ECE %.3f (%s)",
        r.symbol(),
        r.timeframe(),
        score(r.backtest()),
        score(r.walkforward().score()),
        score(r.live()),
        r.liveScoreSource(),
        r.calibration().brier(),
        r.calibration().ece(),
        r.calibration().method());
  }

  private static String score(Score s) {
    return String.format(
        Locale.ROOT,
        "%.3f [%.3f, %.3f] n=%d vs %.3f %s",
        s.accuracy(),
        s.ciLow(),
        s.ciHigh(),
        s.n(),
        s.baselineAccuracy(),
        s.baselineName());
  }
}
