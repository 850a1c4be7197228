package dev.swiftbolt.ml.registry;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.features.BarColumns;
import dev.swiftbolt.ml.registry.internal.BinaryCopyRows;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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

  /**
   * COPY takes no bind parameters, so two values are formatted in: a {@link Timeframe} constant's
   * name (a closed set) and a comma-separated list of {@code long} ids written by {@link #query}.
   * No ORDER BY: a sequential scan is cheaper than the index scan, and rows arrive in storage
   * order, which is usually sorted per symbol already; each series is sorted on the client.
   */
  private static final String COPY_BARS =
      """
      COPY (SELECT symbol_id, ts, open, high, low, close, volume
              FROM ohlc_bars
             WHERE timeframe = '%s' AND symbol_id = ANY ('{%s}'::bigint[]))
        TO STDOUT (FORMAT binary)
      """;

  private final Jdbi jdbi;

  public BulkBarReader(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /**
   * The bars of each symbol id that has any, oldest first, keyed in ascending id order.
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
    String sql = COPY_BARS.formatted(timeframe.name(), idList);
    Map<Long, Buffer> buffers = new TreeMap<>();
    Buffer[] last = {null};
    long[] lastId = {Long.MIN_VALUE};
    jdbi.useHandle(
        handle ->
            BinaryCopyRows.stream(
                handle.getConnection(),
                sql,
                7,
                f -> {
                  if (f[0] != lastId[0]) {
                    lastId[0] = f[0];
                    last[0] = buffers.computeIfAbsent(f[0], id -> new Buffer());
                  }
                  last[0].add(
                      POSTGRES_EPOCH_SECOND + Math.floorDiv(f[1], 1_000_000L),
                      Double.longBitsToDouble(f[2]),
                      Double.longBitsToDouble(f[3]),
                      Double.longBitsToDouble(f[4]),
                      Double.longBitsToDouble(f[5]),
                      Double.longBitsToDouble(f[6]));
                }));
    Map<Long, BarColumns> out = new LinkedHashMap<>();
    buffers.forEach((id, buffer) -> out.put(id, buffer.drainSorted()));
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

    /** The buffered bars ordered by open time (already-sorted input costs one pass). */
    BarColumns drainSorted() {
      boolean sorted = true;
      for (int i = 1; i < n && sorted; i++) {
        sorted = ts[i - 1] < ts[i];
      }
      if (!sorted) {
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Long.compare(ts[x], ts[y]));
        long[] sortedTs = new long[n];
        double[][] sortedValues = new double[5][n];
        for (int i = 0; i < n; i++) {
          sortedTs[i] = ts[order[i]];
          for (int k = 0; k < 5; k++) {
            sortedValues[k][i] = values[k][order[i]];
          }
        }
        ts = sortedTs;
        values = sortedValues;
      }
      BarColumns columns =
          new BarColumns(
              Arrays.copyOf(ts, n),
              Arrays.copyOf(values[0], n),
              Arrays.copyOf(values[1], n),
              Arrays.copyOf(values[2], n),
              Arrays.copyOf(values[3], n),
              Arrays.copyOf(values[4], n));
      return columns;
    }
  }
}
