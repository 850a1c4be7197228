import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.Databases;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark set-up helper (issue 12), run as a single-file program against the built jar:
 *
 * <pre>
 * java -cp target/swiftbolt.jar bench/SimSymbols.java HOME register N
 * java -cp target/swiftbolt.jar bench/SimSymbols.java HOME export-d1 N CSV_DIR
 * </pre>
 *
 * {@code register} adds SIM001..SIMnnn to the registry (idempotent); {@code export-d1} writes each
 * one's stored D1 bars to CSV_DIR/SIMnnn.csv for the pandas + scikit-learn reference pipeline.
 */
public final class SimSymbols {
  public static void main(String[] args) throws IOException {
    Path home = Path.of(args[0]);
    int n = Integer.parseInt(args[2]);
    SwiftBoltConfig config = SwiftBoltConfig.from(Map.of(), Optional.of(home));
    try (Database db = Databases.open(config, Database.PoolOptions.DEFAULT)) {
      switch (args[1]) {
        case "register" -> register(db, n);
        case "export-d1" -> export(db, n, Path.of(args[3]));
        default -> throw new IllegalArgumentException("unknown action " + args[1]);
      }
    }
  }

  static String symbol(int i) {
    return "SIM%03d".formatted(i);
  }

  private static void register(Database db, int n) {
    db.jdbi()
        .useHandle(
            h -> {
              for (int i = 1; i <= n; i++) {
                h.createUpdate(
                        """
                        INSERT INTO symbols (symbol, name, exchange, asset_class, active)
                        VALUES (:symbol, :name, 'SIM', 'equity', true)
                        ON CONFLICT (symbol) DO NOTHING
                        """)
                    .bind("symbol", symbol(i))
                    .bind("name", "Simulated " + i)
                    .execute();
              }
            });
  }

  private static void export(Database db, int n, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (int i = 1; i <= n; i++) {
      String s = symbol(i);
      var rows =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              """
                              SELECT b.ts, b.open, b.high, b.low, b.close, b.volume
                              FROM ohlc_bars b JOIN symbols s ON s.id = b.symbol_id
                              WHERE s.symbol = :symbol AND b.timeframe = 'D1'
                              ORDER BY b.ts
                              """)
                          .bind("symbol", s)
                          .mapToMap()
                          .list());
      try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve(s + ".csv")))) {
        out.println("ts,open,high,low,close,volume");
        for (var r : rows) {
          out.printf(
              "%s,%s,%s,%s,%s,%s%n",
              r.get("ts"), r.get("open"), r.get("high"), r.get("low"), r.get("close"),
              r.get("volume"));
        }
      }
    }
  }
}
