package dev.swiftbolt.ml;

import dev.swiftbolt.validation.Timeframe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads one timeframe of many symbols from {@code ohlc_bars} in a single streamed query straight
 * into primitive {@link BarColumns} (no object per bar): the read half of the feature-matrix
 * benchmark. Open times are fetched as epoch seconds. Thread-safe.
 */
public final class BulkBarReader {
  private static final int FETCH_SIZE = 50_000;
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
    return jdbi.inTransaction(
        handle -> {
          Connection c = handle.getConnection();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT symbol_id, extract(epoch FROM ts)::bigint, open, high, low, close,"
                      + " volume FROM ohlc_bars WHERE timeframe = ? AND symbol_id = ANY (?)"
                      + " ORDER BY symbol_id, ts")) {
            ps.setFetchSize(FETCH_SIZE);
            ps.setString(1, timeframe.name());
            ps.setArray(2, c.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
              return collect(rs);
            }
          }
        });
  }

  private static Map<Long, BarColumns> collect(ResultSet rs) throws SQLException {
    Map<Long, BarColumns> out = new LinkedHashMap<>();
    Buffer buffer = new Buffer();
    long current = Long.MIN_VALUE;
    while (rs.next()) {
      long symbol = rs.getLong(1);
      if (symbol != current) {
        if (buffer.n > 0) {
          out.put(current, buffer.drain());
        }
        current = symbol;
      }
      buffer.add(
          rs.getLong(2),
          rs.getDouble(3),
          rs.getDouble(4),
          rs.getDouble(5),
          rs.getDouble(6),
          rs.getDouble(7));
    }
    if (buffer.n > 0) {
      out.put(current, buffer.drain());
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
