package dev.swiftbolt.ml;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.ml.evaluation.BacktestResult;
import dev.swiftbolt.ml.evaluation.CalibrationReport;
import dev.swiftbolt.ml.evaluation.EvaluationConfig;
import dev.swiftbolt.ml.evaluation.Evaluator;
import dev.swiftbolt.ml.evaluation.Forecast;
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
import java.util.Objects;
import java.util.Optional;

/**
 * One series trained the way {@code train} trains it, in memory: the backtest and walk-forward of
 * the XGBoost model on {@code data} (skipped, with the reason, when the history is too short for
 * the evaluation windows), then one fit on every labelled row with the walk-forward's calibration.
 * {@link MlService#train} registers the result; an in-memory {@link DailyStep.Store} keeps it.
 *
 * @param model the fit on every labelled row
 * @param calibration the walk-forward calibration, empty when the evaluation was skipped
 * @param backtest the backtest, empty when skipped
 * @param walkForward the walk-forward, empty when skipped
 * @param evaluationSkipped why backtest and walk-forward were skipped
 * @param trainingRows how many labelled rows the model was fitted on
 * @param majority the majority class of those rows (the live score's baseline class)
 * @param trainFrom open time of the first training bar
 * @param trainTo open time of the last training bar
 */
public record SeriesFit(
    DirectionModel model,
    Optional<CalibrationReport> calibration,
    Optional<BacktestResult> backtest,
    Optional<WalkForwardResult> walkForward,
    Optional<String> evaluationSkipped,
    int trainingRows,
    Direction majority,
    Instant trainFrom,
    Instant trainTo) {

  public SeriesFit {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(calibration, "calibration");
    Objects.requireNonNull(backtest, "backtest");
    Objects.requireNonNull(walkForward, "walkForward");
    Objects.requireNonNull(evaluationSkipped, "evaluationSkipped");
    Objects.requireNonNull(majority, "majority");
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
    DirectionModel model = trainer.train(ModelKind.XGBOOST, data.features(), rows, labels);
    return new SeriesFit(
        model,
        walkForward.map(WalkForwardResult::calibration),
        backtest,
        walkForward,
        skipped,
        rows.length,
        Direction.values()[MajorityModel.fit(labels).majorityCode()],
        data.barTime(data.features().barIndex(rows[0])),
        data.barTime(data.features().barIndex(rows[rows.length - 1])));
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
  public Forecast forecast(FeatureMatrix matrix, int row, Instant barTs, int horizonBars) {
    return Forecast.of(
        barTs, horizonBars, calibrator().apply(model.predict(matrix, new int[] {row})[0]));
  }
}
