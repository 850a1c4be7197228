package dev.swiftbolt.ml.evaluation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The backtest: one fit on purged history, scored on the holdout window, with what every candidate
 * forecaster issued on the holdout's rows.
 */
public record BacktestResult(
    Score score,
    Optional<Score> linear,
    int trainingRows,
    Instant testFrom,
    Instant testTo,
    CandidateRows candidates) {

  public BacktestResult {
    Objects.requireNonNull(candidates, "candidates");
  }

  /** The backtest score of {@code forecaster} on the holdout's rows. */
  public Score scoreOf(Forecaster forecaster) {
    return forecaster == Forecaster.XGBOOST ? score : candidates.score(forecaster);
  }
}
