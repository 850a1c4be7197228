package dev.swiftbolt.cli;

import dev.swiftbolt.predictions.StoredPrediction;
import dev.swiftbolt.validation.UnifiedPrediction;
import java.io.PrintStream;
import java.util.List;

/** The unified predictions as a table for people: one row per symbol, then its recommendation. */
final class PredictionTable {

  private PredictionTable() {}

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
      s.missingTimeframes()
          .forEach(
              m -> out.println(indent + "       missing " + m.timeframe() + ": " + m.reason()));
    }
  }
}
