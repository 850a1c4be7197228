package dev.swiftbolt.cli;

import dev.swiftbolt.ml.evaluation.ForecastOutcome;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code swiftbolt forecast [SYMBOLS] [--timeframes LIST] [--json]}. */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast each symbol × timeframe at its latest stored bar and store it as a live forecast.",
      "It uses the series' active model, training one first when there is none."
    })
final class ForecastCommand implements Callable<Integer> {
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
        (service, symbol, tf) -> service.forecast(symbol, tf, true),
        ForecastCommand::text);
  }

  private static String text(ForecastOutcome f) {
    return String.format(
        Locale.ROOT,
        "%-6s %-3s %-8s score %+.3f (p_bull %.3f, p_neutral %.3f, p_bear %.3f) at %s,"
            + " horizon %d bars, model %d%s",
        f.symbol(),
        f.timeframe(),
        f.forecast().direction(),
        f.forecast().score(),
        f.forecast().pBull(),
        f.forecast().pNeutral(),
        f.forecast().pBear(),
        f.forecast().barTs(),
        f.forecast().horizonBars(),
        f.modelId(),
        f.trainedFirst() ? " (trained now)" : "");
  }
}
