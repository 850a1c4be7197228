package dev.swiftbolt.ml;

import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.validation.Timeframe;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Where the ml service reads bars from: every stored bar of one series, oldest first. The default,
 * {@link #ohlcBars(Jdbi)}, reads the {@code ohlc_bars} table.
 */
@FunctionalInterface
public interface BarReader {

  List<Bar> bars(long symbolId, Timeframe timeframe);

  /** Reads {@code ohlc_bars} with one query per series. */
  static BarReader ohlcBars(Jdbi jdbi) {
    return (symbolId, timeframe) ->
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT ts, open, high, low, close, volume FROM ohlc_bars"
                            + " WHERE symbol_id = :symbol AND timeframe = :tf ORDER BY ts")
                    .bind("symbol", symbolId)
                    .bind("tf", timeframe.name())
                    .map(
                        (rs, ctx) ->
                            new Bar(
                                rs.getObject(1, OffsetDateTime.class).toInstant(),
                                rs.getDouble(2),
                                rs.getDouble(3),
                                rs.getDouble(4),
                                rs.getDouble(5),
                                rs.getDouble(6)))
                    .list());
  }
}
