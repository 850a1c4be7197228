package dev.swiftbolt.ml.evaluation;

/**
 * Settings of the honest evaluation.
 *
 * <ul>
 *   <li>{@code holdoutMonths} (default 3): the backtest scores the bars of the last this many
 *       calendar months before the last bar.
 *   <li>{@code walkForwardFolds} (default 4, at least 4): number of walk-forward test windows.
 *   <li>{@code foldMonths} (default 3): length of each walk-forward window (quarterly).
 *   <li>{@code minTrainingRows} (default 100): fewer purged training rows than this for any fit
 *       means the series is too short to evaluate.
 *   <li>{@code linearBaseline} (default true): also fit and score the logistic-regression baseline.
 *   <li>{@code eceThreshold} (default 0.05): walk-forward ECE above this is "poor" and triggers
 *       Platt calibration.
 * </ul>
 */
public record EvaluationConfig(
    int holdoutMonths,
    int walkForwardFolds,
    int foldMonths,
    int minTrainingRows,
    boolean linearBaseline,
    double eceThreshold) {

  /**
   * @throws IllegalArgumentException naming the setting that is out of range
   */
  public EvaluationConfig {
    if (holdoutMonths < 1) {
      throw new IllegalArgumentException("holdoutMonths must be at least 1, got " + holdoutMonths);
    }
    if (walkForwardFolds < 4) {
      throw new IllegalArgumentException(
          "walkForwardFolds must be at least 4, got " + walkForwardFolds);
    }
    if (foldMonths < 1) {
      throw new IllegalArgumentException("foldMonths must be at least 1, got " + foldMonths);
    }
    if (minTrainingRows < 1) {
      throw new IllegalArgumentException(
          "minTrainingRows must be at least 1, got " + minTrainingRows);
    }
    if (!(eceThreshold > 0 && eceThreshold < 1)) {
      throw new IllegalArgumentException("eceThreshold must be in (0, 1), got " + eceThreshold);
    }
  }

  public static EvaluationConfig defaults() {
    return new EvaluationConfig(3, 4, 3, 100, true, 0.05);
  }

  public EvaluationConfig withLinearBaseline(boolean enabled) {
    return new EvaluationConfig(
        holdoutMonths, walkForwardFolds, foldMonths, minTrainingRows, enabled, eceThreshold);
  }
}
