package dev.swiftbolt.ml.registry;

import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * What the registry's statements about one series share: every one names its series by {@code
 * :symbol} (the symbol's id) and {@code :tf} (the timeframe's name), and stores instants as UTC
 * {@code timestamptz}.
 */
final class SeriesStatements {
  private SeriesStatements() {}

  /** {@code sql} on {@code handle}, with {@code :symbol} and {@code :tf} bound to the series. */
  static Query query(Handle handle, String sql, long symbolId, Timeframe timeframe) {
    return handle.createQuery(sql).bind("symbol", symbolId).bind("tf", timeframe.name());
  }

  /** {@code instant} as a UTC {@code timestamptz} parameter. */
  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
