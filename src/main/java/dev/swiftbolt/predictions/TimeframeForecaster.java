package dev.swiftbolt.predictions;

import dev.swiftbolt.market.Timeframe;
import java.util.Objects;

/**
 * Who issued a timeframe's forecast in a unified prediction ({@code xgboost}, {@code persistence}
 * or {@code majority}) and why, in words: e.g. "persistence — the model did not beat it, p = 0.41".
 */
public record TimeframeForecaster(Timeframe timeframe, String forecaster, String explanation) {
  public TimeframeForecaster {
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(explanation, "explanation");
  }
}
