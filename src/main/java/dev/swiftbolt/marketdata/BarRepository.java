package dev.swiftbolt.marketdata;

import dev.swiftbolt.db.CopyLoader;
import dev.swiftbolt.market.Timeframe;
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
 * <p>Loads go through the driver's {@code CopyManager} into a staging table dropped at commit and
 * are merged with {@code INSERT … ON CONFLICT (symbol_id, timeframe, ts) DO UPDATE … WHERE} the
 * values differ, in one transaction: loading the same bars twice changes nothing, a corrected bar
 * replaces the old one (and takes the new source), and a failed load leaves nothing behind.
 * Thread-safe (each call uses its own pooled connection).
 */
public final class BarRepository {

  /** The source label of simulated bars. */
  public static final String SIMULATED = "sim";

  /** The accepted source labels. */
  public static final Set<String> SOURCES = Set.of("alpaca", "csv", SIMULATED);

  /**
   * The staging table lives for one transaction ({@code ON COMMIT DROP}): nothing is left in the
   * session, so loads work the same through a transaction pooler, whose next transaction may run on
   * another server connection.
   */
  private static final String STAGING =
      """
      CREATE TEMP TABLE ohlc_bars_staging (
        ts timestamptz NOT NULL,
        open float8 NOT NULL,
        high float8 NOT NULL,
        low float8 NOT NULL,
        close float8 NOT NULL,
        volume float8 NOT NULL
      ) ON COMMIT DROP""";

  /**
   * Serialises loads of one series (symbol, timeframe) across connections and processes, so that
   * the insert of new bars below cannot race with another loader of the same series.
   */
  private static final String LOCK_SERIES =
      """
      SELECT pg_advisory_xact_lock(:symbol_id::int, hashtext('ohlc_bars:' || :timeframe))
      """;

  /** Step 1: the upsert of bars already stored; rewrites only rows whose values differ. */
  private static final String MERGE_EXISTING =
      """
      WITH upserted AS (
        INSERT INTO ohlc_bars AS b
               (symbol_id, timeframe, ts, open, high, low, close, volume, source)
        SELECT :symbol_id, :timeframe, s.ts, s.open, s.high, s.low, s.close, s.volume, :source
          FROM ohlc_bars_staging s
         WHERE EXISTS (SELECT 1
                         FROM ohlc_bars o
                        WHERE o.symbol_id = :symbol_id
                          AND o.timeframe = :timeframe
                          AND o.ts = s.ts)
            ON CONFLICT (symbol_id, timeframe, ts) DO UPDATE
           SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,
               close = EXCLUDED.close, volume = EXCLUDED.volume, source = EXCLUDED.source
         WHERE (b.open, b.high, b.low, b.close, b.volume, b.source)
               IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close,
                                 EXCLUDED.volume, EXCLUDED.source)
        RETURNING ts
      )
      SELECT count(*) AS changed, min(ts) AS first, max(ts) AS last
        FROM upserted
      """;

  /**
   * Step 2: plain insert of the bars not stored yet. A plain insert avoids the speculative
   * insertion that {@code ON CONFLICT} pays per row (about twice the cost); the series lock makes
   * it safe.
   */
  private static final String INSERT_NEW =
      """
      WITH inserted AS (
        INSERT INTO ohlc_bars
               (symbol_id, timeframe, ts, open, high, low, close, volume, source)
        SELECT :symbol_id, :timeframe, s.ts, s.open, s.high, s.low, s.close, s.volume, :source
          FROM ohlc_bars_staging s
         WHERE NOT EXISTS (SELECT 1
                             FROM ohlc_bars o
                            WHERE o.symbol_id = :symbol_id
                              AND o.timeframe = :timeframe
                              AND o.ts = s.ts)
        RETURNING ts
      )
      SELECT count(*) AS changed, min(ts) AS first, max(ts) AS last
        FROM inserted
      """;

  private static final String READ =
      """
      SELECT ts, open, high, low, close, volume, source
        FROM ohlc_bars
       WHERE symbol_id = :symbol_id AND timeframe = :timeframe
         AND ts >= :from AND ts < :to
       ORDER BY ts
      """;

  private static final String LAST_TS =
      """
      SELECT max(ts)
        FROM ohlc_bars
       WHERE symbol_id = :symbol_id AND timeframe = :timeframe
      """;

  private static final String COUNT =
      """
      SELECT count(*)
        FROM ohlc_bars
       WHERE symbol_id = :symbol_id AND timeframe = :timeframe
      """;

  private static final String SERIES_SOURCES =
      """
      SELECT DISTINCT source
      FROM ohlc_bars
      WHERE symbol_id = :symbol_id
        AND timeframe = :timeframe
      """;

  private static final String LAST_BARS =
      """
      SELECT ts, open, high, low, close, volume, source
      FROM ohlc_bars
      WHERE symbol_id = :symbol_id
        AND timeframe = :timeframe
      ORDER BY ts DESC
      LIMIT :count
      """;

  private static final String FIRST_TS =
      """
      SELECT min(ts)
      FROM ohlc_bars
      WHERE symbol_id = :symbol_id
        AND timeframe = :timeframe
      """;

  private static final String DELETE_SERIES =
      """
      DELETE FROM ohlc_bars
      WHERE symbol_id = :symbol_id
        AND timeframe = ANY(:timeframes)
      """;

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
    validate(timeframe, source, bars);
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

  /** The sources of the bars stored in one series, e.g. {@code [sim]}; empty for none. */
  public Set<String> sources(long symbolId, Timeframe timeframe) {
    return jdbi.withHandle(
        h ->
            new java.util.TreeSet<>(
                h.createQuery(SERIES_SOURCES)
                    .bind("symbol_id", symbolId)
                    .bind("timeframe", timeframe.name())
                    .mapTo(String.class)
                    .list()));
  }

  /**
   * Replaces the whole series {@code base} of a symbol, and the timeframes {@code derived} from it,
   * by {@code bars} of {@code source}, in one transaction: deletes every stored bar of those
   * timeframes, retires the models built on them (and deletes their forecasts and evaluations,
   * {@link SeriesRetirement}) with {@code reason}, and loads {@code bars}. The caller rebuilds the
   * derived timeframes afterwards.
   *
   * @return the load (every bar inserted) and the number of models retired
   * @throws IllegalArgumentException as {@link #upsert} does (nothing is changed)
   */
  public Replacement replaceSeries(
      long symbolId,
      Timeframe base,
      List<Timeframe> derived,
      String source,
      List<Bar> bars,
      String reason,
      Instant now) {
    validate(base, source, bars);
    List<Timeframe> all = new java.util.ArrayList<>(derived);
    all.add(0, base);
    String[] names = all.stream().map(Timeframe::name).toArray(String[]::new);
    try {
      return jdbi.inTransaction(
          h -> {
            h.createQuery(LOCK_SERIES)
                .bind("symbol_id", symbolId)
                .bind("timeframe", base.name())
                .mapTo(String.class)
                .one();
            int deleted =
                h.createUpdate(DELETE_SERIES)
                    .bind("symbol_id", symbolId)
                    .bindArray("timeframes", String.class, (Object[]) names)
                    .execute();
            int retired = SeriesRetirement.retire(h, symbolId, all, reason, now);
            UpsertResult loaded =
                bars.isEmpty() ? UpsertResult.NONE : load(h, symbolId, base, source, bars);
            return new Replacement(deleted, retired, loaded);
          });
    } catch (SQLException e) {
      throw new IllegalStateException("replacing " + base + " bars failed: " + e.getMessage(), e);
    }
  }

  /**
   * What {@link #replaceSeries} did.
   *
   * @param deletedBars bars deleted from the series and its derived timeframes
   * @param retiredModels models retired
   * @param loaded the load of the new bars
   */
  public record Replacement(int deletedBars, int retiredModels, UpsertResult loaded) {}

  private static UpsertResult load(
      Handle h, long symbolId, Timeframe timeframe, String source, List<Bar> bars)
      throws SQLException {
    h.execute(STAGING);
    h.createQuery(LOCK_SERIES)
        .bind("symbol_id", symbolId)
        .bind("timeframe", timeframe.name())
        .mapTo(String.class)
        .one();
    CopyLoader.copy(
        h.getConnection(),
        "ohlc_bars_staging",
        "ts, open, high, low, close, volume",
        bars.iterator(),
        BarRepository::writeRow,
        count -> {});
    Changed updated = changed(h, MERGE_EXISTING, symbolId, timeframe, source);
    Changed inserted = changed(h, INSERT_NEW, symbolId, timeframe, source);
    return new UpsertResult(inserted.count, 0, 0, inserted.first, inserted.last)
        .plus(
            new UpsertResult(
                0,
                updated.count,
                bars.size() - inserted.count - updated.count,
                updated.first,
                updated.last));
  }

  private static void validate(Timeframe timeframe, String source, List<Bar> bars) {
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
  }

  /** One bar as a COPY row: ts, open, high, low, close, volume. */
  static void writeRow(Bar b, CopyLoader.Row row) {
    row.add(b.ts().toString())
        .add(b.open())
        .add(b.high())
        .add(b.low())
        .add(b.close())
        .add(b.volume());
  }

  private record Changed(int count, Optional<Instant> first, Optional<Instant> last) {}

  private static Changed changed(
      Handle h, String sql, long symbolId, Timeframe timeframe, String source) {
    return h.createQuery(sql)
        .bind("symbol_id", symbolId)
        .bind("timeframe", timeframe.name())
        .bind("source", source)
        .map(
            (rs, ctx) ->
                new Changed(
                    rs.getInt("changed"),
                    instant(rs.getObject("first", OffsetDateTime.class)),
                    instant(rs.getObject("last", OffsetDateTime.class))))
        .one();
  }

  private static Optional<Instant> instant(OffsetDateTime t) {
    return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
  }

  /** Stored bars with {@code ts} in {@code [from, to)}, oldest first. */
  public List<StoredBar> read(long symbolId, Timeframe timeframe, Instant from, Instant to) {
    return jdbi.withHandle(
        h ->
            h.createQuery(READ)
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

  /** The newest {@code count} stored bars of one series, oldest first. */
  public List<StoredBar> lastBars(long symbolId, Timeframe timeframe, int count) {
    List<StoredBar> newestFirst =
        jdbi.withHandle(
            h ->
                h.createQuery(LAST_BARS)
                    .bind("symbol_id", symbolId)
                    .bind("timeframe", timeframe.name())
                    .bind("count", count)
                    .map(BarRepository::storedBar)
                    .list());
    List<StoredBar> oldestFirst = new java.util.ArrayList<>(newestFirst);
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** The oldest stored bar's open time, if any. */
  public Optional<Instant> firstTs(long symbolId, Timeframe timeframe) {
    return jdbi.withHandle(
        h ->
            h.createQuery(FIRST_TS)
                .bind("symbol_id", symbolId)
                .bind("timeframe", timeframe.name())
                .map((rs, ctx) -> instant(rs.getObject(1, OffsetDateTime.class)))
                .one());
  }

  /** The newest stored bar's open time, if any. */
  public Optional<Instant> lastTs(long symbolId, Timeframe timeframe) {
    return jdbi.withHandle(
        h ->
            h.createQuery(LAST_TS)
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
    return h.createQuery(COUNT)
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
