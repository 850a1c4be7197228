package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.validation.Baseline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The evaluation of one symbol × timeframe as printed by {@code evaluate --json} (snake_case):
 * {@code symbol, timeframe, backtest, walkforward, live, calibration}, each score being {@code
 * {accuracy, n, ci_low, ci_high, baseline_accuracy, baseline_name, baselines}} (see {@link Score})
 * and walkforward adding {@code folds}; plus {@code live_score_source} ("live" or
 * "walkforward_proxy") and {@code evaluated_at}; {@code forecaster} says whose scores they are (the
 * series' issued forecaster: {@code xgboost}, {@code persistence} or {@code majority}) and {@code
 * selection} holds the champion rule's evidence on the same rows (the model's own walk-forward
 * accuracy among it), null when not known.
 */
public record EvaluationReport(
    String symbol,
    Timeframe timeframe,
    Score backtest,
    WalkForwardSummary walkforward,
    Score live,
    String liveScoreSource,
    CalibrationSummary calibration,
    Instant evaluatedAt,
    Forecaster forecaster,
    Optional<Selection> selection) {

  public EvaluationReport {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(backtest, "backtest");
    Objects.requireNonNull(walkforward, "walkforward");
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(liveScoreSource, "liveScoreSource");
    Objects.requireNonNull(calibration, "calibration");
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(selection, "selection");
  }

  /** An evaluation of the model itself, without the champion rule's evidence. */
  public EvaluationReport(
      String symbol,
      Timeframe timeframe,
      Score backtest,
      WalkForwardSummary walkforward,
      Score live,
      String liveScoreSource,
      CalibrationSummary calibration,
      Instant evaluatedAt) {
    this(
        symbol,
        timeframe,
        backtest,
        walkforward,
        live,
        liveScoreSource,
        calibration,
        evaluatedAt,
        Forecaster.XGBOOST,
        Optional.empty());
  }

  /** The walk-forward score object: the pooled score and one entry per fold. */
  public record WalkForwardSummary(
      double accuracy,
      int n,
      double ciLow,
      double ciHigh,
      double baselineAccuracy,
      String baselineName,
      Map<String, Double> baselines,
      List<FoldSummary> folds) {

    public WalkForwardSummary {
      baselines = new Baseline(baselineAccuracy, baselineName, baselines).baselines();
      folds = List.copyOf(folds);
    }

    public static WalkForwardSummary of(WalkForwardResult result) {
      Score s = result.score();
      return new WalkForwardSummary(
          s.accuracy(),
          s.n(),
          s.ciLow(),
          s.ciHigh(),
          s.baselineAccuracy(),
          s.baselineName(),
          s.baselines(),
          result.folds().stream().map(FoldSummary::of).toList());
    }

    public Score score() {
      return new Score(accuracy, n, ciLow, ciHigh, baselineAccuracy, baselineName, baselines);
    }
  }

  /** One walk-forward fold: its test window, training size and score. */
  public record FoldSummary(
      int fold,
      Instant testFrom,
      Instant testTo,
      int trainingRows,
      double accuracy,
      int n,
      double ciLow,
      double ciHigh,
      double baselineAccuracy,
      String baselineName,
      Map<String, Double> baselines) {

    public FoldSummary {
      baselines = new Baseline(baselineAccuracy, baselineName, baselines).baselines();
    }

    static FoldSummary of(FoldResult f) {
      Score s = f.score();
      return new FoldSummary(
          f.fold(),
          f.testFrom(),
          f.testTo(),
          f.trainingRows(),
          s.accuracy(),
          s.n(),
          s.ciLow(),
          s.ciHigh(),
          s.baselineAccuracy(),
          s.baselineName(),
          s.baselines());
    }
  }

  /** Brier score and ECE of the walk-forward probabilities and what calibration was chosen. */
  public record CalibrationSummary(
      double brier,
      double ece,
      int n,
      String method,
      double calibratedBrier,
      double calibratedEce,
      int calibratedN) {

    public static CalibrationSummary of(CalibrationReport c) {
      return new CalibrationSummary(
          c.brier(),
          c.ece(),
          c.n(),
          c.method(),
          c.calibratedBrier(),
          c.calibratedEce(),
          c.calibratedN());
    }
  }
}
