package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.market.Timeframe;

/** What {@code forecast} stored for one symbol × timeframe, and whether it had to train first. */
public record ForecastOutcome(
    String symbol,
    Timeframe timeframe,
    long forecastId,
    long modelId,
    Forecast forecast,
    boolean liveRun,
    boolean trainedFirst) {}
