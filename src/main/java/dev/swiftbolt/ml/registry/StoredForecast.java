package dev.swiftbolt.ml.registry;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.Forecast;
import dev.swiftbolt.ml.evaluation.Forecaster;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of {@code forecasts}; the resolution fields are all present or all empty; {@code
 * forecaster} issued it.
 */
public record StoredForecast(
    long id,
    long modelId,
    long symbolId,
    Timeframe timeframe,
    Forecast forecast,
    Instant madeAt,
    boolean liveRun,
    Optional<Instant> resolvedAt,
    Optional<Direction> realized,
    Optional<Boolean> correct,
    Forecaster forecaster) {

  public StoredForecast {
    Objects.requireNonNull(forecast, "forecast");
    Objects.requireNonNull(forecaster, "forecaster");
    if (resolvedAt.isPresent() != realized.isPresent()
        || realized.isPresent() != correct.isPresent()) {
      throw new IllegalArgumentException("resolvedAt, realized and correct go together");
    }
  }
}
