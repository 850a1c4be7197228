package dev.swiftbolt.ml.evaluation;

import java.util.List;
import java.util.Optional;

/** Walk-forward: the score pooled over all test rows of all folds, the folds, and calibration. */
public record WalkForwardResult(
    Score score, Optional<Score> linear, List<FoldResult> folds, CalibrationReport calibration) {

  public WalkForwardResult {
    folds = List.copyOf(folds);
  }
}
