package dev.swiftbolt.ml;

import dev.swiftbolt.validation.Timeframe;
import java.time.Instant;

/** What {@code train} did for one symbol × timeframe. */
public record TrainingOutcome(
    String symbol,
    Timeframe timeframe,
    long modelId,
    String algorithm,
    Instant trainedAt,
    int trainingRows,
    Instant trainFrom,
    Instant trainTo,
    Score backtest,
    Score walkforward,
    String calibrationMethod) {}
