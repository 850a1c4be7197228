package dev.swiftbolt.ml.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Walk-forward: the score pooled over all test rows of all folds, the folds, calibration, and what
 * every candidate forecaster issued on the pooled rows (the champion rule's evidence).
 */
public record WalkForwardResult(
    Score score,
    Optional<Score> linear,
    List<FoldResult> folds,
    CalibrationReport calibration,
    CandidateRows candidates) {

  public WalkForwardResult {
    folds = List.copyOf(folds);
    Objects.requireNonNull(candidates, "candidates");
  }

  /**
   * This walk-forward as {@code forecaster} scored on the same rows: its pooled score and its folds
   * (the model's calibration report is kept as it is).
   */
  public WalkForwardResult as(Forecaster forecaster) {
    if (forecaster == Forecaster.XGBOOST) {
      return this;
    }
    return new WalkForwardResult(
        candidates.score(forecaster),
        Optional.empty(),
        folds.stream().map(f -> f.as(forecaster)).toList(),
        calibration,
        candidates);
  }
}
