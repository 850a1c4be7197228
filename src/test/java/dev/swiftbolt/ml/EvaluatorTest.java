package dev.swiftbolt.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.validation.Timeframe;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  private static final int TEN_YEARS = 2520;
  private final Evaluator xgboost =
      new Evaluator(
          new ModelTrainer(XGBoostSettings.defaults()),
          EvaluationConfig.defaults().withLinearBaseline(false),
          ModelKind.XGBOOST);

  /**
   * Leakage test. On a driftless random walk nothing is predictable, so an honest pipeline scores
   * like the majority baseline. Pooled over six seeds the walk-forward has ~1500 test rows (SE of
   * an accuracy ≈ 0.012) and the backtest ~370 (SE ≈ 0.025); the bounds are about four standard
   * errors of the difference. A leak (labels overlapping training, features seeing the future)
   * shows up as accuracies of 0.6–1.0.
   */
  @Test
  void on_a_random_walk_backtest_and_walk_forward_sit_within_noise_of_the_baseline() {
    int wfHits = 0;
    int wfBase = 0;
    int wfN = 0;
    int btHits = 0;
    int btBase = 0;
    int btN = 0;
    for (long seed = 1; seed <= 6; seed++) {
      LabelledMatrix m = SyntheticBars.dailyMatrix(SyntheticBars.randomWalk(seed, TEN_YEARS));
      Score wf = xgboost.walkForward(m).score();
      Score bt = xgboost.backtest(m).score();
      wfHits += Math.round(wf.accuracy() * wf.n());
      wfBase += Math.round(wf.baselineAccuracy() * wf.n());
      wfN += wf.n();
      btHits += Math.round(bt.accuracy() * bt.n());
      btBase += Math.round(bt.baselineAccuracy() * bt.n());
      btN += bt.n();
    }
    double wfAccuracy = (double) wfHits / wfN;
    double btAccuracy = (double) btHits / btN;
    assertThat(wfN).isGreaterThan(1400);
    assertThat(Math.abs(wfAccuracy - (double) wfBase / wfN)).isLessThan(0.06);
    assertThat(Math.abs(btAccuracy - (double) btBase / btN)).isLessThan(0.10);
    assertThat(wfAccuracy).isLessThan(0.42);
    assertThat(btAccuracy).isLessThan(0.45);
  }

  /**
   * A planted AR(1) with φ = 0.5 in daily log returns, labelled one bar ahead, makes tomorrow's
   * direction predictable from today's return (correlation 0.5): the walk-forward interval must lie
   * entirely above the baseline.
   */
  @Test
  void with_planted_autocorrelation_walk_forward_is_clearly_above_the_baseline() {
    Labeler oneBar = new Labeler(LabelConfig.defaults().withHorizon(Timeframe.D1, 1));
    for (long seed = 1; seed <= 3; seed++) {
      List<Bar> bars = SyntheticBars.autoregressive(seed, TEN_YEARS, 0.5, 0.01);
      LabelledMatrix m =
          LabelledMatrix.of(
              bars,
              Timeframe.D1,
              ContextSeries.of(SyntheticBars.weekly(bars), Timeframe.W1),
              new FeatureBuilder(),
              oneBar);
      Score wf = xgboost.walkForward(m).score();
      assertThat(wf.ciLow()).as("seed %d: %s", seed, wf).isGreaterThan(wf.baselineAccuracy());
      assertThat(wf.accuracy()).as("seed %d", seed).isGreaterThan(wf.baselineAccuracy() + 0.05);
    }
  }

  @Test
  void windows_fitted_in_parallel_give_exactly_the_sequential_backtest_and_walk_forward() {
    LabelledMatrix m = SyntheticBars.dailyMatrix(SyntheticBars.autoregressive(5, 1260, 0.2, 0.012));
    EvaluationConfig withLinear = EvaluationConfig.defaults().withLinearBaseline(true);
    ModelTrainer trainer = new ModelTrainer(XGBoostSettings.defaults());
    Evaluator sequential = new Evaluator(trainer, withLinear, ModelKind.XGBOOST);
    BacktestResult backtest = sequential.backtest(m);
    WalkForwardResult walkForward = sequential.walkForward(m);
    for (int threads : new int[] {1, 3, 5}) {
      Evaluator.BacktestAndWalkForward both =
          new Evaluator(trainer, withLinear, ModelKind.XGBOOST, threads).backtestAndWalkForward(m);
      assertThat(both.backtest())
          .as("%d threads", threads)
          .usingRecursiveComparison()
          .isEqualTo(backtest);
      assertThat(both.walkForward())
          .as("%d threads", threads)
          .usingRecursiveComparison()
          .isEqualTo(walkForward);
    }
  }

  @Test
  void backtest_trains_on_every_labelled_row_whose_label_ends_before_the_holdout() {
    LabelledMatrix m = SyntheticBars.dailyMatrix(SyntheticBars.randomWalk(21, TEN_YEARS));
    BacktestResult bt = xgboost.backtest(m);
    int firstTest = indexOf(m, bt.testFrom());
    int firstRow = m.features().firstBarIndex();
    // rows firstRow .. firstTest − h − 1
    assertThat(bt.trainingRows()).isEqualTo(firstTest - 5 - firstRow);
    Instant last = m.barTime(m.barCount() - 1);
    assertThat(bt.testFrom()).isAfter(last.atZone(ZoneOffset.UTC).minusMonths(3).toInstant());
    assertThat(m.barTime(firstTest - 1))
        .isBeforeOrEqualTo(last.atZone(ZoneOffset.UTC).minusMonths(3).toInstant());
    // the last h bars have no label and are not scored
    assertThat(bt.score().n()).isEqualTo(m.barCount() - 5 - firstTest);
  }

  @Test
  void walk_forward_has_four_quarterly_expanding_folds_purged_and_embargoed() {
    LabelledMatrix m = SyntheticBars.dailyMatrix(SyntheticBars.randomWalk(22, TEN_YEARS));
    WalkForwardResult wf = xgboost.walkForward(m);
    assertThat(wf.folds()).hasSize(4);
    int firstRow = m.features().firstBarIndex();
    int pooled = 0;
    for (FoldResult fold : wf.folds()) {
      int start = indexOf(m, fold.testFrom());
      int k = fold.fold();
      // purge h rows before the fold, and an embargo of h rows after each fold older than k − 1
      int embargoed = 5 * Math.max(0, k - 2);
      assertThat(fold.trainingRows()).as("fold %d", k).isEqualTo(start - 5 - firstRow - embargoed);
      pooled += fold.score().n();
      if (k > 1) {
        FoldResult previous = wf.folds().get(k - 2);
        assertThat(indexOf(m, fold.testFrom())).isEqualTo(indexOf(m, previous.testTo()) + 1);
      }
    }
    assertThat(wf.score().n()).isEqualTo(pooled);
    assertThat(indexOf(m, wf.folds().get(3).testTo())).isEqualTo(m.barCount() - 1);
  }

  @Test
  void too_short_a_history_is_refused_with_the_reason() {
    LabelledMatrix m = SyntheticBars.dailyMatrix(SyntheticBars.randomWalk(4, 320));
    assertThatThrownBy(() -> xgboost.walkForward(m))
        .isInstanceOf(InsufficientHistoryException.class)
        .hasMessageContaining("purged training rows");
  }

  @Test
  void calibration_reports_brier_and_ece_of_the_walk_forward_probabilities() {
    LabelledMatrix m = SyntheticBars.dailyMatrix(SyntheticBars.randomWalk(2, TEN_YEARS));
    CalibrationReport c = xgboost.walkForward(m).calibration();
    assertThat(c.n()).isGreaterThan(200);
    assertThat(c.brier()).isBetween(0.0, 2.0);
    assertThat(c.ece()).isBetween(0.0, 1.0);
    assertThat(c.method()).isIn("none", "platt", "none_platt_did_not_help");
    assertThat(c.calibrator().isIdentity()).isEqualTo(!c.method().equals("platt"));
  }

  private static int indexOf(LabelledMatrix m, Instant ts) {
    for (int i = 0; i < m.barCount(); i++) {
      if (m.barTime(i).equals(ts)) {
        return i;
      }
    }
    throw new AssertionError("no bar at " + ts);
  }
}
