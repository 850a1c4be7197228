package dev.swiftbolt.ml;

import dev.swiftbolt.ml.internal.BinaryCopyRows;
import dev.swiftbolt.validation.Timeframe;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads one timeframe of many symbols from {@code ohlc_bars} in a single binary {@code COPY … TO
 * STDOUT} straight into primitive {@link BarColumns} (no object per bar or field): the read half of
 * the feature-matrix benchmark. Open times arrive as binary timestamptz and become epoch seconds.
 * Thread-safe.
 */
public final class BulkBarReader {
  /**
   * Binary timestamptz is int8 microseconds since 2000-01-01T00:00:00Z (PostgreSQL's epoch);
   * converting on the client is cheaper than {@code extract(epoch FROM ts)} on the server.
   */
  private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

  private final Jdbi jdbi;

  public BulkBarReader(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /**
   * The bars of each symbol id that has any, keyed in ascending id order.
   *
   * @throws IllegalStateException wrapping the driver's error when the query fails
   */
  public Map<Long, BarColumns> read(List<Long> symbolIds, Timeframe timeframe) {
    try {
      return query(symbolIds.toArray(new Long[0]), timeframe);
    } catch (SQLException e) {
      throw new IllegalStateException("reading ohlc_bars failed: " + e.getMessage(), e);
    }
  }

  private Map<Long, BarColumns> query(Long[] ids, Timeframe timeframe) throws SQLException {
    StringBuilder idList = new StringBuilder();
    for (Long id : ids) {
      idList.append(idList.length() == 0 ? "" : ",").append(id.longValue());
    }
    // COPY takes no bind parameters: the timeframe is an enum name and the ids are numbers.
    String sql =
        "COPY (SELECT symbol_id, ts, open, high, low, close, volume"
            + " FROM ohlc_bars WHERE timeframe = '"
            + timeframe.name()
            + "' AND symbol_id = ANY ('{"
            + idList
            + "}'::bigint[]) ORDER BY symbol_id, ts) TO STDOUT (FORMAT binary)";
    Map<Long, BarColumns> out = new LinkedHashMap<>();
    Buffer buffer = new Buffer();
    long[] current = {Long.MIN_VALUE};
    jdbi.useHandle(
        handle ->
            BinaryCopyRows.stream(
                handle.getConnection(),
                sql,
                7,
                f -> {
                  if (f[0] != current[0]) {
                    if (buffer.n > 0) {
                      out.put(current[0], buffer.drain());
                    }
                    current[0] = f[0];
                  }
                  buffer.add(
                      POSTGRES_EPOCH_SECOND + Math.floorDiv(f[1], 1_000_000L),
                      Double.longBitsToDouble(f[2]),
                      Double.longBitsToDouble(f[3]),
                      Double.longBitsToDouble(f[4]),
                      Double.longBitsToDouble(f[5]),
                      Double.longBitsToDouble(f[6]));
                }));
    if (buffer.n > 0) {
      out.put(current[0], buffer.drain());
    }
    return out;
  }

  /** Growable primitive columns of one series. */
  private static final class Buffer {
    private long[] ts = new long[4096];
    private double[][] values = new double[5][4096];
    private int n;

    void add(long t, double o, double h, double l, double c, double v) {
      if (n == ts.length) {
        ts = Arrays.copyOf(ts, n * 2);
        for (int k = 0; k < 5; k++) {
          values[k] = Arrays.copyOf(values[k], n * 2);
        }
      }
      ts[n] = t;
      values[0][n] = o;
      values[1][n] = h;
      values[2][n] = l;
      values[3][n] = c;
      values[4][n] = v;
      n++;
    }

    BarColumns drain() {
      BarColumns columns =
          new BarColumns(
              Arrays.copyOf(ts, n),
              Arrays.copyOf(values[0], n),
              Arrays.copyOf(values[1], n),
              Arrays.copyOf(values[2], n),
              Arrays.copyOf(values[3], n),
              Arrays.copyOf(values[4], n));
      n = 0;
      return columns;
    }
  }
}
