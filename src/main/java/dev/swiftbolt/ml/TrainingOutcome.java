package dev.swiftbolt.ml;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.Score;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code train} did for one symbol × timeframe. The scores are empty when the history was too
 * short to evaluate; {@code evaluationSkipped} then says why.
 */
public record TrainingOutcome(
    String symbol,
    Timeframe timeframe,
    long modelId,
    String algorithm,
    Instant trainedAt,
    int trainingRows,
    Instant trainFrom,
    Instant trainTo,
    Optional<Score> backtest,
    Optional<Score> walkforward,
    String calibrationMethod,
    Optional<String> evaluationSkipped) {}
