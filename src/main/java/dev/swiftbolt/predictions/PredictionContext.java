package dev.swiftbolt.predictions;

import dev.swiftbolt.validation.ProbabilityCorrect;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a unified prediction made from stored forecasts carries beside the validator's answer: the
 * primary forecast's bar and horizon (so that the prediction can resolve), its {@code
 * probability_correct} and the primary forecast's feature drift as JSON.
 */
public record PredictionContext(
    Instant forecastBarTs,
    int horizonBars,
    ProbabilityCorrect probabilityCorrect,
    Optional<String> featureDriftJson) {
  public PredictionContext {
    Objects.requireNonNull(forecastBarTs, "forecastBarTs");
    Objects.requireNonNull(probabilityCorrect, "probabilityCorrect");
    Objects.requireNonNull(featureDriftJson, "featureDriftJson");
    if (horizonBars < 1) {
      throw new IllegalArgumentException("horizonBars must be at least 1, got " + horizonBars);
    }
  }
}
