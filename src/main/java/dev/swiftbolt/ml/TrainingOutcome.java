package dev.swiftbolt.ml;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.evaluation.Score;
import dev.swiftbolt.ml.evaluation.Selection;
import dev.swiftbolt.ml.registry.ModelStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code train} did for one symbol × timeframe. The scores (the model's own) are empty when
 * the history was too short to evaluate; {@code evaluationSkipped} then says why. {@code
 * forecaster} is who the series issues with this model as champion, {@code selection} the champion
 * rule's evidence, {@code status} {@code champion} or {@code rejected} (the challenger rule's
 * verdict, with {@code statusReason}).
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
    Optional<String> evaluationSkipped,
    Forecaster forecaster,
    Optional<Selection> selection,
    ModelStatus status,
    Optional<String> statusReason) {}
