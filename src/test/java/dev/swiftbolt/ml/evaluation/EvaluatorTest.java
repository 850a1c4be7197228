package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.SyntheticBars;
import dev.swiftbolt.ml.features.ContextSeries;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import dev.swiftbolt.ml.features.LabelConfig;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.ml.features.LabelledMatrix;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.ModelTrainer;
import dev.swiftbolt.ml.models.XGBoostSettings;
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
   * like the naive baseline (the strongest of majority, persistence and chance). Pooled over six
   * seeds the walk-forward has ~1500 test rows (SE of an accuracy ≈ 0.012) and the backtest ~370
   * (SE ≈ 0.025); the bounds are about four standard errors of the difference. A leak (labels
   * overlapping training, features seeing the future) shows up as accuracies of 0.6–1.0.
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
   * A planted AR(1) with φ = −0.5 in daily log returns, labelled one bar ahead, makes tomorrow's
   * direction predictable from today's return (correlation −0.5, a reversal): the walk-forward
   * interval must lie entirely above the baseline. Neither naive predictor can use a reversal, so
   * the bar stays the majority or chance.
   */
  @Test
  void with_planted_autocorrelation_walk_forward_is_clearly_above_the_baseline() {
    for (long seed = 1; seed <= 3; seed++) {
      Score wf = xgboost.walkForward(oneBarAhead(seed, -0.5)).score();
      assertThat(wf.ciLow()).as("seed %d: %s", seed, wf).isGreaterThan(wf.baselineAccuracy());
      assertThat(wf.accuracy()).as("seed %d", seed).isGreaterThan(wf.baselineAccuracy() + 0.05);
    }
  }

  /**
   * With φ = +0.5 the planted signal is momentum, which persistence (tomorrow as today) already
   * captures: the bar the model is read against is persistence, well above the majority (about 0.49
   * against 0.33 here), so a model that only found the momentum is not shown as beating naive.
   */
  @Test
  void with_planted_momentum_the_baseline_is_persistence() {
    for (long seed = 1; seed <= 3; seed++) {
      Score wf = xgboost.walkForward(oneBarAhead(seed, 0.5)).score();
      assertThat(wf.baselineName()).as("seed %d: %s", seed, wf).isEqualTo("persistence");
      assertThat(wf.baselineAccuracy()).isGreaterThan(wf.baselines().get("majority") + 0.1);
    }
  }

  private static LabelledMatrix oneBarAhead(long seed, double phi) {
    Labeler oneBar = new Labeler(LabelConfig.defaults().withHorizon(Timeframe.D1, 1));
    List<Bar> bars = SyntheticBars.autoregressive(seed, TEN_YEARS, phi, 0.01);
    return LabelledMatrix.of(
        bars,
        Timeframe.D1,
        ContextSeries.of(SyntheticBars.weekly(bars), Timeframe.W1),
        new FeatureBuilder(),
        oneBar);
  }

  /**
   * Ten years rising by 1 % a day (σ 1 %), then the last 15 months falling as fast: the training
   * rows are ~96 % BULLISH, the test windows almost all BEARISH. The training majority scores near
   * 0 on them; the bar shown is persistence (the falling direction last realised), never below 1/3.
   */
  @Test
  void a_training_majority_absent_from_the_test_window_is_not_shown_as_the_baseline() {
    List<Bar> walk = SyntheticBars.randomWalk(31, TEN_YEARS);
    int turn = TEN_YEARS - 315;
    LabelledMatrix m =
        SyntheticBars.dailyMatrix(SyntheticBars.withDrift(walk, i -> i < turn ? 0.01 : -0.01));
    for (Score s : List.of(xgboost.backtest(m).score(), xgboost.walkForward(m).score())) {
      assertThat(s.baselines().get("majority")).as("%s", s).isLessThan(0.1);
      assertThat(s.baselineName()).as("%s", s).isNotEqualTo("majority");
      assertThat(s.baselineAccuracy()).as("%s", s).isGreaterThanOrEqualTo(1 / 3.0);
      assertThat(s.baselineAccuracy()).isEqualTo(s.baselines().get("persistence"));
    }
  }

  /**
   * Regimes of 60 days rising 1 % a day alternate with 60 days falling as fast: the training
   * majority is right about half the time, persistence (the direction realised 5 days earlier)
   * misses only around each turn. The walk-forward's baselines pool its folds' hits.
   */
  @Test
  void on_a_trending_series_persistence_beats_the_majority_and_folds_pool_by_count() {
    List<Bar> walk = SyntheticBars.randomWalk(32, TEN_YEARS);
    LabelledMatrix m =
        SyntheticBars.dailyMatrix(
            SyntheticBars.withDrift(walk, i -> (i / 60) % 2 == 0 ? 0.01 : -0.01));
    WalkForwardResult wf = xgboost.walkForward(m);
    Score pooled = wf.score();
    assertThat(pooled.baselineName()).isEqualTo("persistence");
    assertThat(pooled.baselines().get("persistence"))
        .isGreaterThan(pooled.baselines().get("majority") + 0.2);
    long majorityHits = 0;
    long persistenceHits = 0;
    for (FoldResult f : wf.folds()) {
      majorityHits += Math.round(f.score().baselines().get("majority") * f.score().n());
      persistenceHits += Math.round(f.score().baselines().get("persistence") * f.score().n());
    }
    assertThat(pooled.baselines().get("majority")).isEqualTo((double) majorityHits / pooled.n());
    assertThat(pooled.baselines().get("persistence"))
        .isEqualTo((double) persistenceHits / pooled.n());
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
    // with the defaults the newest fold is the backtest: same rows, so the same (shared) fit
    FoldResult newest = walkForward.folds().get(walkForward.folds().size() - 1);
    assertThat(newest.testFrom()).isEqualTo(backtest.testFrom());
    assertThat(newest.trainingRows()).isEqualTo(backtest.trainingRows());
    assertThat(newest.score()).usingRecursiveComparison().isEqualTo(backtest.score());
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
  void walk_forward_has_four_quarterly_expanding_folds_purged_of_overlapping_labels() {
    LabelledMatrix m = SyntheticBars.dailyMatrix(SyntheticBars.randomWalk(22, TEN_YEARS));
    WalkForwardResult wf = xgboost.walkForward(m);
    assertThat(wf.folds()).hasSize(4);
    int firstRow = m.features().firstBarIndex();
    int pooled = 0;
    for (FoldResult fold : wf.folds()) {
      int start = indexOf(m, fold.testFrom());
      int k = fold.fold();
      // every labelled row before the fold except the h whose labels reach into it
      assertThat(fold.trainingRows()).as("fold %d", k).isEqualTo(start - 5 - firstRow);
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
