package dev.swiftbolt.ml;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.ml.evaluation.BacktestResult;
import dev.swiftbolt.ml.evaluation.CalibrationReport;
import dev.swiftbolt.ml.evaluation.ChampionRule;
import dev.swiftbolt.ml.evaluation.EvaluationConfig;
import dev.swiftbolt.ml.evaluation.Evaluator;
import dev.swiftbolt.ml.evaluation.Forecast;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.evaluation.Score;
import dev.swiftbolt.ml.evaluation.Selection;
import dev.swiftbolt.ml.evaluation.WalkForwardResult;
import dev.swiftbolt.ml.features.FeatureMatrix;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import dev.swiftbolt.ml.features.LabelledMatrix;
import dev.swiftbolt.ml.models.DirectionModel;
import dev.swiftbolt.ml.models.MajorityModel;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.ModelTrainer;
import dev.swiftbolt.ml.models.ProbabilityCalibrator;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One series trained the way {@code train} trains it, in memory: the backtest and walk-forward of
 * the XGBoost model on {@code data} (skipped, with the reason, when the history is too short for
 * the evaluation windows), then one fit on every labelled row with the walk-forward's calibration.
 * The candidates (the model, {@code persistence}, {@code majority}) are scored on the same rows and
 * {@link ChampionRule} picks the forecaster the series issues; without an evaluation the model is
 * issued. {@link MlService#train} registers the result; an in-memory {@link DailyStep.Store} keeps
 * it.
 *
 * @param model the fit on every labelled row; empty for a naive forecaster, which never uses it
 *     (its forecasts come from {@code naiveProbabilities}, and the registry stores no artifact)
 * @param calibration the walk-forward calibration, empty when the evaluation was skipped
 * @param backtest the backtest, empty when skipped
 * @param walkForward the walk-forward, empty when skipped
 * @param evaluationSkipped why backtest and walk-forward were skipped
 * @param trainingRows how many labelled rows the model was fitted on
 * @param majority the majority class of those rows (the live score's baseline class)
 * @param trainFrom open time of the first training bar
 * @param trainTo open time of the last training bar
 * @param forecaster the forecaster issued
 * @param selection the champion rule's evidence, empty when the evaluation was skipped
 * @param naiveProbabilities for a naive forecaster, row k = the probabilities it issues with class
 *     k (its pooled walk-forward P(realised | issued)); empty for the model
 */
public record SeriesFit(
    Optional<DirectionModel> model,
    Optional<CalibrationReport> calibration,
    Optional<BacktestResult> backtest,
    Optional<WalkForwardResult> walkForward,
    Optional<String> evaluationSkipped,
    int trainingRows,
    Direction majority,
    Instant trainFrom,
    Instant trainTo,
    Forecaster forecaster,
    Optional<Selection> selection,
    double[][] naiveProbabilities) {

  public SeriesFit {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(calibration, "calibration");
    Objects.requireNonNull(backtest, "backtest");
    Objects.requireNonNull(walkForward, "walkForward");
    Objects.requireNonNull(evaluationSkipped, "evaluationSkipped");
    Objects.requireNonNull(majority, "majority");
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(selection, "selection");
    if (forecaster.naive() && naiveProbabilities.length != Direction.values().length) {
      throw new IllegalArgumentException(
          "a naive forecaster needs one probability row per class, got %d"
              .formatted(naiveProbabilities.length));
    }
  }

  /**
   * Evaluates and fits {@code data}.
   *
   * @param trainer the trainer (not thread-safe: one per thread)
   * @param config the evaluation windows and minimum training rows
   * @throws InsufficientHistoryException when there are fewer labelled rows than {@code
   *     minTrainingRows}; the message starts with the row count
   */
  public static SeriesFit fit(LabelledMatrix data, ModelTrainer trainer, EvaluationConfig config) {
    return fit(data, trainer, config, 1);
  }

  /**
   * Evaluates and fits {@code data}, fitting the evaluation's test windows on up to {@code
   * windowThreads} threads (the results do not depend on the number of threads).
   *
   * @throws InsufficientHistoryException as {@link #fit(LabelledMatrix, ModelTrainer,
   *     EvaluationConfig)}
   */
  public static SeriesFit fit(
      LabelledMatrix data, ModelTrainer trainer, EvaluationConfig config, int windowThreads) {
    int[] rows = data.labelledRows();
    if (rows.length < config.minTrainingRows()) {
      throw new InsufficientHistoryException(
          "has %d labelled rows; training needs at least %d"
              .formatted(rows.length, config.minTrainingRows()));
    }
    int[] labels = data.labelsOf(rows);
    Evaluator evaluator = new Evaluator(trainer, config, ModelKind.XGBOOST, windowThreads);
    Optional<BacktestResult> backtest;
    Optional<WalkForwardResult> walkForward;
    Optional<String> skipped;
    try {
      Evaluator.BacktestAndWalkForward both = evaluator.backtestAndWalkForward(data);
      backtest = Optional.of(both.backtest());
      walkForward = Optional.of(both.walkForward());
      skipped = Optional.empty();
    } catch (InsufficientHistoryException e) {
      backtest = Optional.empty();
      walkForward = Optional.empty();
      skipped = Optional.of(e.getMessage());
    }
    Optional<Selection> selection = walkForward.map(w -> ChampionRule.select(w.candidates()));
    Forecaster forecaster = selection.map(Selection::forecaster).orElse(Forecaster.XGBOOST);
    // A naive forecaster's series never uses a model: none is fitted. Rows of a single class are
    // fitted all the same, so that the fit fails here as it always did.
    Optional<DirectionModel> model =
        forecaster.naive() && Arrays.stream(labels).distinct().count() > 1
            ? Optional.empty()
            : Optional.of(trainer.train(ModelKind.XGBOOST, data.features(), rows, labels));
    double[][] naiveProbabilities = new double[0][];
    if (forecaster.naive()) {
      naiveProbabilities = new double[Direction.values().length][];
      for (int k = 0; k < naiveProbabilities.length; k++) {
        naiveProbabilities[k] = walkForward.get().candidates().probabilities(forecaster, k);
      }
    }
    return new SeriesFit(
        model,
        walkForward.map(WalkForwardResult::calibration),
        backtest,
        walkForward,
        skipped,
        rows.length,
        Direction.values()[MajorityModel.fit(labels).majorityCode()],
        data.barTime(data.features().barIndex(rows[0])),
        data.barTime(data.features().barIndex(rows[rows.length - 1])),
        forecaster,
        selection,
        naiveProbabilities);
  }

  /** The backtest of the issued forecaster on the holdout's rows. */
  public Optional<Score> issuedBacktest() {
    return backtest.map(b -> b.scoreOf(forecaster));
  }

  /** The walk-forward of the issued forecaster on the pooled rows (its folds included). */
  public Optional<WalkForwardResult> issuedWalkForward() {
    return walkForward.map(w -> w.as(forecaster));
  }

  /** The calibration method name as the registry stores it ("none" when skipped). */
  public String calibrationMethod() {
    return calibration.map(CalibrationReport::method).orElse("none");
  }

  /**
   * The calibrator forecasts apply, as the registry rebuilds it: the fitted Platt scaling when the
   * method is "platt", otherwise the identity.
   */
  public ProbabilityCalibrator calibrator() {
    return calibration
        .filter(c -> "platt".equals(c.method()))
        .map(CalibrationReport::calibrator)
        .orElse(ProbabilityCalibrator.identity());
  }

  /**
   * The model's forecast at feature row {@code row} of {@code matrix}, which describes the bar
   * opening at {@code barTs}: calibrated probabilities, as {@code forecast} computes them.
   */
  private Forecast forecast(FeatureMatrix matrix, int row, Instant barTs, int horizonBars) {
    return Forecast.of(
        barTs,
        horizonBars,
        calibrator().apply(model.orElseThrow().predict(matrix, new int[] {row})[0]));
  }

  /**
   * The issued forecaster's forecast at feature row {@code row}: the model's (as {@link
   * #forecast}), or the naive class — {@code majority}, or {@code lastRealised} for persistence —
   * with its confusion-frequency probabilities.
   *
   * @param lastRealised the direction last realised before the bar (persistence's class)
   */
  public Forecast issue(
      FeatureMatrix matrix, int row, Instant barTs, int horizonBars, Direction lastRealised) {
    return switch (forecaster) {
      case XGBOOST -> forecast(matrix, row, barTs, horizonBars);
      case MAJORITY -> naiveForecast(barTs, horizonBars, majority);
      case PERSISTENCE -> naiveForecast(barTs, horizonBars, lastRealised);
    };
  }

  /** A naive forecaster's forecast of class {@code issued}: the class with its probabilities. */
  public static Forecast naiveForecast(
      double[][] naiveProbabilities, Instant barTs, int horizonBars, Direction issued) {
    double[] p = naiveProbabilities[issued.ordinal()];
    return new Forecast(
        barTs, horizonBars, issued, p[0], p[1], p[2], Math.max(-1, Math.min(1, p[0] - p[2])));
  }

  private Forecast naiveForecast(Instant barTs, int horizonBars, Direction issued) {
    return naiveForecast(naiveProbabilities, barTs, horizonBars, issued);
  }
}
