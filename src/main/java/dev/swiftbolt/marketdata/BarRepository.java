package dev.swiftbolt.marketdata;

import dev.swiftbolt.marketdata.internal.BarCopy;
import dev.swiftbolt.validation.Timeframe;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL access to {@code ohlc_bars}.
 *
 * <p>Loads go through the driver's {@code CopyManager} into a session-local staging table and are
 * merged with {@code INSERT … ON CONFLICT (symbol_id, timeframe, ts) DO UPDATE … WHERE} the values
 * differ, in one transaction: loading the same bars twice changes nothing, a corrected bar replaces
 * the old one (and takes the new source), and a failed load leaves nothing behind. Thread-safe
 * (each call uses its own pooled connection).
 */
public final class BarRepository {

  /** The source label of simulated bars. */
  public static final String SIMULATED = "sim";

  /** The accepted source labels. */
  public static final Set<String> SOURCES = Set.of("alpaca", "csv", SIMULATED);

  private static final String STAGING =
      "CREATE TEMP TABLE IF NOT EXISTS ohlc_bars_staging (ts timestamptz NOT NULL,"
          + " open float8 NOT NULL, high float8 NOT NULL, low float8 NOT NULL,"
          + " close float8 NOT NULL, volume float8 NOT NULL) ON COMMIT DELETE ROWS";

  private static final String MERGE =
      "WITH upserted AS ("
          + " INSERT INTO ohlc_bars AS b"
          + " (symbol_id, timeframe, ts, open, high, low, close, volume, source)"
          + " SELECT :symbol_id, :timeframe, ts, open, high, low, close, volume, :source"
          + " FROM ohlc_bars_staging"
          + " ON CONFLICT (symbol_id, timeframe, ts) DO UPDATE SET"
          + " open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,"
          + " close = EXCLUDED.close, volume = EXCLUDED.volume, source = EXCLUDED.source"
          + " WHERE (b.open, b.high, b.low, b.close, b.volume, b.source)"
          + " IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close,"
          + " EXCLUDED.volume, EXCLUDED.source)"
          + " RETURNING (xmax = 0) AS inserted, ts)"
          + " SELECT count(*) FILTER (WHERE inserted) AS inserted,"
          + " count(*) FILTER (WHERE NOT inserted) AS updated, min(ts) AS first, max(ts) AS last"
          + " FROM upserted";

  private final Jdbi jdbi;

  public BarRepository(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /**
   * Inserts or corrects {@code bars} of one symbol and timeframe, in one transaction.
   *
   * @throws IllegalArgumentException when a bar breaks an OHLC invariant, two bars share a {@code
   *     ts}, or {@code source} is not one of {@link #SOURCES} (nothing is written)
   */
  public UpsertResult upsert(long symbolId, Timeframe timeframe, String source, List<Bar> bars) {
    if (!SOURCES.contains(source)) {
      throw new IllegalArgumentException("source must be one of " + SOURCES + ", got " + source);
    }
    Set<Instant> seen = new HashSet<>();
    for (Bar b : bars) {
      b.violation()
          .ifPresent(
              rule -> {
                throw new IllegalArgumentException(
                    timeframe + " bar at " + b.ts() + " refused: " + rule);
              });
      if (!seen.add(b.ts())) {
        throw new IllegalArgumentException(timeframe + " bars contain " + b.ts() + " twice");
      }
    }
    if (bars.isEmpty()) {
      return UpsertResult.NONE;
    }
    try {
      return jdbi.inTransaction(h -> load(h, symbolId, timeframe, source, bars));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "loading " + timeframe + " bars failed: " + e.getMessage(), e);
    }
  }

  private static UpsertResult load(
      Handle h, long symbolId, Timeframe timeframe, String source, List<Bar> bars)
      throws SQLException {
    h.execute(STAGING);
    BarCopy.copy(
        h.getConnection(),
        "COPY ohlc_bars_staging (ts, open, high, low, close, volume) FROM STDIN",
        bars,
        "",
        "");
    return h.createQuery(MERGE)
        .bind("symbol_id", symbolId)
        .bind("timeframe", timeframe.name())
        .bind("source", source)
        .map((rs, ctx) -> result(rs, bars.size()))
        .one();
  }

  private static UpsertResult result(ResultSet rs, int total) throws SQLException {
    int inserted = rs.getInt("inserted");
    int updated = rs.getInt("updated");
    return new UpsertResult(
        inserted,
        updated,
        total - inserted - updated,
        instant(rs.getObject("first", OffsetDateTime.class)),
        instant(rs.getObject("last", OffsetDateTime.class)));
  }

  private static Optional<Instant> instant(OffsetDateTime t) {
    return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
  }

  /** Stored bars with {@code ts} in {@code [from, to)}, oldest first. */
  public List<StoredBar> read(long symbolId, Timeframe timeframe, Instant from, Instant to) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT ts, open, high, low, close, volume, source FROM ohlc_bars"
                        + " WHERE symbol_id = :symbol_id AND timeframe = :timeframe"
                        + " AND ts >= :from AND ts < :to ORDER BY ts")
                .bind("symbol_id", symbolId)
                .bind("timeframe", timeframe.name())
                .bind("from", Timestamp.from(from))
                .bind("to", Timestamp.from(to))
                .map(BarRepository::storedBar)
                .list());
  }

  /** Every stored bar of one series, oldest first. */
  public List<StoredBar> readAll(long symbolId, Timeframe timeframe) {
    return read(symbolId, timeframe, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"));
  }

  /** The newest stored bar's open time, if any. */
  public Optional<Instant> lastTs(long symbolId, Timeframe timeframe) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT max(ts) FROM ohlc_bars WHERE symbol_id = :symbol_id"
                        + " AND timeframe = :timeframe")
                .bind("symbol_id", symbolId)
                .bind("timeframe", timeframe.name())
                .map((rs, ctx) -> instant(rs.getObject(1, OffsetDateTime.class)))
                .one());
  }

  /** Number of stored bars of one series. */
  public long count(long symbolId, Timeframe timeframe) {
    return jdbi.withHandle(h -> count(h, symbolId, timeframe));
  }

  private static long count(Handle h, long symbolId, Timeframe timeframe) {
    return h.createQuery(
            "SELECT count(*) FROM ohlc_bars WHERE symbol_id = :symbol_id AND timeframe = :timeframe")
        .bind("symbol_id", symbolId)
        .bind("timeframe", timeframe.name())
        .mapTo(Long.class)
        .one();
  }

  private static StoredBar storedBar(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StoredBar(
        new Bar(
            rs.getObject("ts", OffsetDateTime.class).toInstant(),
            rs.getDouble("open"),
            rs.getDouble("high"),
            rs.getDouble("low"),
            rs.getDouble("close"),
            rs.getDouble("volume")),
        rs.getString("source"));
  }
}
