package dev.swiftbolt.ml.evaluation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One out-of-sample window: the open times of its first and last bar, the number of purged training
 * rows the model was fitted on, the model's score and, when enabled, the linear baseline's score on
 * the same rows, and what every candidate forecaster issued on them.
 */
public record FoldResult(
    int fold,
    Instant testFrom,
    Instant testTo,
    int trainingRows,
    Score score,
    Optional<Score> linear,
    CandidateRows candidates) {

  public FoldResult {
    Objects.requireNonNull(candidates, "candidates");
  }

  /** This fold as {@code forecaster} scored on it. */
  public FoldResult as(Forecaster forecaster) {
    return forecaster == Forecaster.XGBOOST
        ? this
        : new FoldResult(
            fold,
            testFrom,
            testTo,
            trainingRows,
            candidates.score(forecaster),
            Optional.empty(),
            candidates);
  }
}
