package dev.swiftbolt.ml;

import dev.swiftbolt.db.CopyLoader;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.features.BarColumns;
import dev.swiftbolt.ml.features.ContextSeries;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.features.FeatureMatrix;
import dev.swiftbolt.ml.features.LabelConfig;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.ml.registry.BulkBarReader;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (1) of issue 5 with the read: 800 simulated symbols × 14 years of D1 (and their W1
 * context) stored in {@code ohlc_bars} of an embedded PostgreSQL; each round reads both timeframes
 * of all symbols with {@link BulkBarReader} and builds the 19-column feature matrix and labels,
 * single thread. Reports read and compute separately.
 *
 * <p>Run: {@code java -Xmx4g -cp target/classes:target/test-classes:$(deps)
 * dev.swiftbolt.ml.FeatureMatrixDbBenchmark [symbols] [rounds]}. Excluded from surefire.
 */
public final class FeatureMatrixDbBenchmark {
  private static final int BARS = 14 * 252;

  public static void main(String[] args) throws Exception {
    int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 800;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    try (Database db = TestDatabase.create()) {
      List<Long> ids = load(db, symbols);
      BulkBarReader reader = new BulkBarReader(db.jdbi());
      FeatureBuilder builder = new FeatureBuilder();
      Labeler labeler = new Labeler(LabelConfig.defaults());
      double[] total = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        Map<Long, BarColumns> daily = reader.read(ids, Timeframe.D1);
        Map<Long, BarColumns> weekly = reader.read(ids, Timeframe.W1);
        long read = System.nanoTime();
        long rows = 0;
        for (Long id : ids) {
          BarColumns d = daily.get(id);
          FeatureMatrix m =
              builder.build(d, Timeframe.D1, ContextSeries.of(weekly.get(id), Timeframe.W1));
          labeler.label(d, Timeframe.D1);
          rows += m.rows();
        }
        long end = System.nanoTime();
        total[round] = (end - start) / 1e9;
        System.out.printf(
            "round %d: read %.3f s + features/labels %.3f s = %.3f s for %d rows x %d features%n",
            round + 1,
            (read - start) / 1e9,
            (end - read) / 1e9,
            total[round],
            rows,
            FeatureBuilder.FEATURE_NAMES.size());
      }
      Arrays.sort(total);
      System.out.printf("median %.3f s, best %.3f s%n", total[rounds / 2], total[0]);
    }
  }

  private static List<Long> load(Database db, int symbols) throws Exception {
    long start = System.nanoTime();
    List<Long> ids = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      for (int s = 0; s < symbols; s++) {
        String code = String.format("B%04d", s);
        try (var ps =
            c.prepareStatement(
                "INSERT INTO symbols (symbol, name, exchange) VALUES (?, ?, 'SIM') RETURNING id")) {
          ps.setString(1, code);
          ps.setString(2, code);
          try (var rs = ps.executeQuery()) {
            rs.next();
            ids.add(rs.getLong(1));
          }
        }
        List<Bar> daily = SyntheticBars.autoregressive(s, BARS, 0.05, 0.015);
        copy(c, ids.get(s), Timeframe.D1, daily);
        copy(c, ids.get(s), Timeframe.W1, SyntheticBars.weekly(daily));
      }
      c.commit();
      try (var st = c.createStatement()) {
        c.setAutoCommit(true);
        st.execute("VACUUM ANALYZE ohlc_bars");
      }
    }
    System.out.printf(
        "loaded %d symbols x %d D1 bars (+ W1) in %.1f s%n",
        symbols, BARS, (System.nanoTime() - start) / 1e9);
    return ids;
  }

  private static void copy(Connection c, long id, Timeframe tf, List<Bar> bars) throws Exception {
    CopyLoader.copy(
        c,
        "ohlc_bars",
        "symbol_id, timeframe, ts, open, high, low, close, volume, source",
        bars.iterator(),
        (bar, row) ->
            row.add(id)
                .add(tf.name())
                .add(bar.ts().toString())
                .add(bar.open())
                .add(bar.high())
                .add(bar.low())
                .add(bar.close())
                .add(bar.volume())
                .add("sim"),
        count -> {});
  }
}
