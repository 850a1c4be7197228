package dev.swiftbolt.ml.evaluation;

import java.time.Instant;
import java.util.Optional;

/** The backtest: one fit on purged history, scored on the holdout window. */
public record BacktestResult(
    Score score, Optional<Score> linear, int trainingRows, Instant testFrom, Instant testTo) {}
