package dev.swiftbolt.marketdata;

import dev.swiftbolt.db.CopyLoader;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.symbols.SymbolRepository;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingest rate of {@link BarRepository} (COPY into staging + merge upsert) against a raw {@code
 * COPY} of the same 1,000,000 simulated M15 bars straight into {@code ohlc_bars}, in the same run,
 * on the embedded PostgreSQL. Run with:
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat cp.txt) dev.swiftbolt.marketdata.IngestBenchmark [BARS]
 * </pre>
 *
 * Each path loads into an empty table (TRUNCATE and CHECKPOINT between runs); each is timed twice
 * after a warm-up and the faster run counts. Excluded from surefire by its name.
 */
public final class IngestBenchmark {

  private static final int SYMBOLS = 10;

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Map<Long, List<Bar>> series;
    try (Database db = TestDatabase.create()) {
      List<Long> ids = symbols(db);
      long t0 = System.nanoTime();
      series = generate(ids, total / SYMBOLS);
      System.out.printf(
          "generated %,d simulated M15 bars for %d symbols in %.1f s%n",
          total, SYMBOLS, (System.nanoTime() - t0) / 1e9);
      BarRepository repository = new BarRepository(db.jdbi());
      Map<Long, List<Bar>> warmUp = new LinkedHashMap<>();
      series.forEach((id, bars) -> warmUp.put(id, bars.subList(0, 5_000)));
      rawCopy(db, warmUp);
      reset(db);
      upsert(repository, warmUp);
      reset(db);

      double raw = Double.MAX_VALUE;
      double repo = Double.MAX_VALUE;
      double reload = Double.MAX_VALUE;
      for (int run = 0; run < 2; run++) {
        raw = Math.min(raw, rawCopy(db, series));
        reset(db);
        repo = Math.min(repo, upsert(repository, series));
        reload = Math.min(reload, upsert(repository, series));
        reset(db);
      }
      System.out.printf("raw COPY into ohlc_bars      %,10.0f bars/s (%.2f s)%n", total / raw, raw);
      System.out.printf(
          "BarRepository.upsert (new)   %,10.0f bars/s (%.2f s)%n", total / repo, repo);
      System.out.printf(
          "BarRepository.upsert (again) %,10.0f bars/s (%.2f s, nothing changes)%n",
          total / reload, reload);
      System.out.printf("ratio upsert / raw COPY      %.2f (target >= 0.5)%n", raw / repo);
    }
    System.exit(0);
  }

  private static List<Long> symbols(Database db) {
    SymbolRepository symbols = new SymbolRepository(db.jdbi());
    symbols.seed();
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO symbols (symbol, name, exchange) VALUES"
                        + " ('BENCHA', 'Bench A', 'SIM'), ('BENCHB', 'Bench B', 'SIM')"));
    List<Long> ids = new ArrayList<>();
    for (String s : symbols.activeSymbols()) {
      ids.add(symbols.require(s));
    }
    return ids.subList(0, SYMBOLS);
  }

  private static Map<Long, List<Bar>> generate(List<Long> ids, int perSymbol) {
    MarketSimulator sim =
        new MarketSimulator(new BarSchedule(TradingCalendar.nyse()), SimulationParameters.DEFAULT);
    Map<Long, List<Bar>> series = new LinkedHashMap<>();
    for (long id : ids) {
      List<Bar> bars =
          sim.intradayBars(
              "BENCH" + id,
              Instant.parse("1995-01-01T00:00:00Z"),
              Instant.parse("2026-01-01T00:00:00Z"));
      if (bars.size() < perSymbol) {
        throw new IllegalStateException("simulator gave only " + bars.size() + " bars");
      }
      series.put(id, new ArrayList<>(bars.subList(0, perSymbol)));
    }
    return series;
  }

  private static double rawCopy(Database db, Map<Long, List<Bar>> series) throws Exception {
    long t0 = System.nanoTime();
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      for (Map.Entry<Long, List<Bar>> e : series.entrySet()) {
        long symbolId = e.getKey();
        CopyLoader.copy(
            c,
            "ohlc_bars",
            "symbol_id, timeframe, ts, open, high, low, close, volume, source",
            e.getValue().iterator(),
            (Bar b, CopyLoader.Row row) -> {
              row.add(symbolId).add("M15");
              BarRepository.writeRow(b, row);
              row.add("sim");
            },
            count -> {});
        c.commit();
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double upsert(BarRepository repository, Map<Long, List<Bar>> series) {
    long t0 = System.nanoTime();
    for (Map.Entry<Long, List<Bar>> e : series.entrySet()) {
      repository.upsert(e.getKey(), Timeframe.M15, "sim", e.getValue());
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void reset(Database db) {
    db.jdbi().useHandle(h -> h.execute("TRUNCATE ohlc_bars"));
    db.jdbi().useHandle(h -> h.execute("CHECKPOINT"));
  }
}
