package dev.swiftbolt.cli;

import dev.swiftbolt.predictions.StoredPrediction;
import dev.swiftbolt.validation.ProbabilityCorrect;
import dev.swiftbolt.validation.UnifiedPrediction;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The unified predictions as a table for people: one row per symbol, then its recommendation. */
final class PredictionTable {

  private PredictionTable() {}

  /**
   * "came true 41 % of the time at this confidence (n = 312; chance 33 %)", or why there is no such
   * figure yet.
   */
  static String cameTrue(ProbabilityCorrect pc) {
    if (pc.value().isEmpty()) {
      return "came true: not known yet (%s)".formatted(pc.reason().orElse(""));
    }
    return String.format(
        Locale.ROOT,
        "came true %.0f %% of the time at this confidence (n = %d; chance 33 %%; 95 %% %.0f–%.0f %%)",
        100 * pc.value().getAsDouble(),
        pc.n(),
        100 * pc.ciLow().getAsDouble(),
        100 * pc.ciHigh().getAsDouble());
  }

  static void print(PrintStream out, String indent, List<StoredPrediction> predictions) {
    out.printf(
        indent + "%-6s %-8s %8s %6s %6s %6s %6s  %-9s %-6s %s%n",
        "symbol",
        "dir",
        "unified",
        "base",
        "bt",
        "wf",
        "live",
        "consensus",
        "drift",
        "retrain");
    for (StoredPrediction s : predictions) {
      UnifiedPrediction p = s.prediction();
      out.printf(
          indent + "%-6s %-8s %7.1f%% %5.1f%% %5.1f%% %5.1f%% %5.1f%%  %-9s %5.0f%% %s%n",
          p.symbol(),
          p.direction(),
          100 * p.unifiedConfidence(),
          100 * p.baseConfidence(),
          100 * p.backtestingScore(),
          100 * p.walkforwardScore(),
          100 * p.liveScore(),
          p.consensusDirection(),
          100 * p.driftMagnitude(),
          p.retrainingTrigger()
              ? "due: " + p.retrainingReason()
              : "next " + p.nextRetrainingDate().toString().substring(0, 10));
      out.println(indent + "       " + p.recommendation());
      s.probabilityCorrect().ifPresent(pc -> out.println(indent + "       " + cameTrue(pc)));
      p.driftDirection()
          .ifPresent(
              d ->
                  out.println(
                      indent
                          + "       drift: "
                          + ("better".equals(d)
                              ? "live above backtest"
                              : "live below backtest (model degraded)")));
      s.missingTimeframes()
          .forEach(
              m -> out.println(indent + "       missing " + m.timeframe() + ": " + m.reason()));
    }
  }
}
