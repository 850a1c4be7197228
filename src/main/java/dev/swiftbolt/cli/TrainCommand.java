package dev.swiftbolt.cli;

import dev.swiftbolt.ml.TrainingOutcome;
import dev.swiftbolt.ml.evaluation.Score;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code swiftbolt train [SYMBOLS] [--timeframes LIST] [--json]}. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train, evaluate and register the direction model of each symbol × timeframe.",
      "The XGBoost model learns from the stored bars, is evaluated (3-month backtest, purged"
          + " 4-quarter walk-forward, calibration) and becomes the active model. Exit 1 when a"
          + " series could not be trained (too little history)."
    })
final class TrainCommand implements Callable<Integer> {
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
        (service, symbol, tf) -> service.train(symbol, tf),
        TrainCommand::text);
  }

  private static String text(TrainingOutcome t) {
    String head =
        String.format(
            Locale.ROOT,
            "%-6s %-3s model %d: %d rows %s..%s; ",
            t.symbol(),
            t.timeframe(),
            t.modelId(),
            t.trainingRows(),
            t.trainFrom(),
            t.trainTo());
    if (t.backtest().isEmpty() || t.walkforward().isEmpty()) {
      return head + "not evaluated (" + t.evaluationSkipped().orElse("") + ")";
    }
    Score b = t.backtest().get();
    Score w = t.walkforward().get();
    return head
        + String.format(
            Locale.ROOT,
            "backtest %.3f (n=%d, baseline %.3f %s), walk-forward %.3f (n=%d, baseline %.3f %s),"
                + " calibration %s",
            b.accuracy(),
            b.n(),
            b.baselineAccuracy(),
            b.baselineName(),
            w.accuracy(),
            w.n(),
            w.baselineAccuracy(),
            w.baselineName(),
            t.calibrationMethod());
  }
}
