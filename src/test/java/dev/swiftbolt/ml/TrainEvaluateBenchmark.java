package dev.swiftbolt.ml;

import dev.swiftbolt.ml.evaluation.BacktestResult;
import dev.swiftbolt.ml.evaluation.EvaluationConfig;
import dev.swiftbolt.ml.evaluation.Evaluator;
import dev.swiftbolt.ml.evaluation.WalkForwardResult;
import dev.swiftbolt.ml.features.LabelledMatrix;
import dev.swiftbolt.ml.features.Labels;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.ModelTrainer;
import dev.swiftbolt.ml.models.XGBoostSettings;
import java.util.Arrays;

/**
 * Benchmark (2) of issue 5: one symbol × D1 × 10 years (2 520 bars): features + labels, the 3-month
 * backtest and the 4 purged walk-forward folds (five XGBoost fits), single thread. Same-run
 * references: the identical evaluation with the majority model (pipeline cost without fitting) and
 * with the logistic-regression baseline; plus one production fit on all rows.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(deps)
 * dev.swiftbolt.ml.TrainEvaluateBenchmark [rounds]}. Excluded from surefire.
 */
public final class TrainEvaluateBenchmark {
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    var bars = SyntheticBars.autoregressive(42, 2520, 0.05, 0.015);
    EvaluationConfig config = EvaluationConfig.defaults().withLinearBaseline(false);
    for (ModelKind kind :
        new ModelKind[] {ModelKind.MAJORITY, ModelKind.LOGISTIC, ModelKind.XGBOOST}) {
      double[] seconds = new double[rounds];
      double[] finalFit = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        LabelledMatrix m = SyntheticBars.dailyMatrix(bars);
        ModelTrainer trainer = new ModelTrainer(XGBoostSettings.defaults());
        Evaluator evaluator = new Evaluator(trainer, config, kind);
        BacktestResult bt = evaluator.backtest(m);
        WalkForwardResult wf = evaluator.walkForward(m);
        seconds[round] = (System.nanoTime() - start) / 1e9;
        long fitStart = System.nanoTime();
        int[] rows = new int[m.features().rows()];
        int[] labels = new int[rows.length];
        int n = 0;
        for (int r = 0; r < rows.length; r++) {
          if (m.labelOfRow(r) != Labels.NONE) {
            rows[n] = r;
            labels[n++] = m.labelOfRow(r);
          }
        }
        trainer.train(kind, m.features(), Arrays.copyOf(rows, n), Arrays.copyOf(labels, n));
        finalFit[round] = (System.nanoTime() - fitStart) / 1e9;
        if (round == rounds - 1) {
          System.out.printf(
              "%s: backtest %.3f (n=%d), walk-forward %.3f (n=%d)%n",
              kind, bt.score().accuracy(), bt.score().n(), wf.score().accuracy(), wf.score().n());
        }
      }
      Arrays.sort(seconds);
      Arrays.sort(finalFit);
      System.out.printf(
          "%s: features+labels+backtest+4 folds median %.3f s (min %.3f); production fit median"
              + " %.3f s%n",
          kind, seconds[rounds / 2], seconds[0], finalFit[rounds / 2]);
    }
  }
}
