package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** Reading stored bars for a chart: one series over a time window. Thread-safe. */
public final class BarHistory {

  private final BarRepository repository;

  public BarHistory(Jdbi jdbi) {
    this.repository = new BarRepository(Objects.requireNonNull(jdbi, "jdbi"));
  }

  /** Stored bars of one series with {@code ts} in {@code [from, to)}, oldest first. */
  public List<StoredBar> read(long symbolId, Timeframe timeframe, Instant from, Instant to) {
    return repository.read(symbolId, timeframe, from, to);
  }
}
