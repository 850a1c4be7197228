package dev.swiftbolt.ml.registry;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarRepository;
import dev.swiftbolt.marketdata.StoredBar;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Where the ml service reads bars from: every stored bar of one series, oldest first. The default,
 * {@link #ohlcBars(Jdbi)}, reads {@code ohlc_bars} through the market-data {@link BarRepository}.
 */
@FunctionalInterface
public interface BarReader {

  List<Bar> bars(long symbolId, Timeframe timeframe);

  /** Reads {@code ohlc_bars} with {@link BarRepository#readAll}. */
  static BarReader ohlcBars(Jdbi jdbi) {
    BarRepository repository = new BarRepository(jdbi);
    return (symbolId, timeframe) ->
        repository.readAll(symbolId, timeframe).stream().map(StoredBar::bar).toList();
  }
}
