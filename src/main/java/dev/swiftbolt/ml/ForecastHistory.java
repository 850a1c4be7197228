package dev.swiftbolt.ml;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.registry.ForecastRepository;
import dev.swiftbolt.ml.registry.StoredForecast;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** Reading stored forecasts for a chart: a series' recent forecasts. Thread-safe. */
public final class ForecastHistory {

  private final ForecastRepository repository;

  public ForecastHistory(Jdbi jdbi) {
    this.repository = new ForecastRepository(Objects.requireNonNull(jdbi, "jdbi"));
  }

  /** Forecasts of a series, newest bar first, at most {@code limit}. */
  public List<StoredForecast> recent(long symbolId, Timeframe timeframe, int limit) {
    return repository.recent(symbolId, timeframe, limit);
  }
}
