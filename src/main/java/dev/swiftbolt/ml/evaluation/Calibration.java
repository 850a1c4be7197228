package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.ml.models.ProbabilityCalibrator;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link CalibrationReport} of walk-forward outcomes; see its contract. */
final class Calibration {
  private Calibration() {}

  static CalibrationReport assess(List<Evaluator.WindowOutcome> folds, EvaluationConfig config) {
    Pooled all = pool(folds, 0, folds.size());
    double brier = CalibrationMetrics.brier(all.p(), all.actual());
    double ece = CalibrationMetrics.ece(all.p(), all.actual());
    if (ece <= config.eceThreshold() || all.p().length == 0) {
      return new CalibrationReport(
          brier,
          ece,
          all.p().length,
          "none",
          ece,
          brier,
          ece,
          all.p().length,
          ProbabilityCalibrator.identity());
    }
    List<double[]> calibrated = new ArrayList<>();
    List<double[]> raw = new ArrayList<>();
    List<Integer> actual = new ArrayList<>();
    for (int f = 1; f < folds.size(); f++) {
      Pooled before = pool(folds, 0, f);
      Evaluator.WindowOutcome fold = folds.get(f);
      if (before.p().length == 0 || fold.actual().length == 0) {
        continue;
      }
      ProbabilityCalibrator c = ProbabilityCalibrator.fitPlatt(before.p(), before.actual());
      for (int i = 0; i < fold.actual().length; i++) {
        calibrated.add(c.apply(fold.probabilities()[i]));
        raw.add(fold.probabilities()[i]);
        actual.add(fold.actual()[i]);
      }
    }
    int[] y = actual.stream().mapToInt(Integer::intValue).toArray();
    double[][] cal = calibrated.toArray(new double[0][]);
    double[][] rawRows = raw.toArray(new double[0][]);
    double rawEce = CalibrationMetrics.ece(rawRows, y);
    double calEce = CalibrationMetrics.ece(cal, y);
    double calBrier = CalibrationMetrics.brier(cal, y);
    boolean helps = y.length > 0 && calEce < rawEce;
    return new CalibrationReport(
        brier,
        ece,
        all.p().length,
        helps ? "platt" : "none_platt_did_not_help",
        rawEce,
        calBrier,
        calEce,
        y.length,
        helps
            ? ProbabilityCalibrator.fitPlatt(all.p(), all.actual())
            : ProbabilityCalibrator.identity());
  }

  private static Pooled pool(List<Evaluator.WindowOutcome> folds, int from, int to) {
    List<double[]> p = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (int f = from; f < to; f++) {
      Evaluator.WindowOutcome o = folds.get(f);
      for (int i = 0; i < o.actual().length; i++) {
        p.add(o.probabilities()[i]);
        y.add(o.actual()[i]);
      }
    }
    return new Pooled(p.toArray(new double[0][]), y.stream().mapToInt(Integer::intValue).toArray());
  }

  private record Pooled(double[][] p, int[] actual) {}
}
