package dev.swiftbolt.ml.registry;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.Forecast;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.evaluation.LiveResolution;
import dev.swiftbolt.ml.evaluation.LiveScore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL access to {@code forecasts}. Storing the same model's forecast for the same bar twice keeps
 * the first one. Thread-safe.
 */
public final class ForecastRepository {
  private static final String INSERT =
      """
      INSERT INTO forecasts (model_id, symbol_id, timeframe, bar_ts, horizon_bars, made_at,
                             live_run, direction, p_bull, p_neutral, p_bear, score, forecaster)
      VALUES (:model, :symbol, :tf, :bar, :h, :made, :live, :dir, :bull, :neutral, :bear, :score,
              :forecaster)
      ON CONFLICT (model_id, bar_ts, live_run) DO NOTHING
      """;

  private static final String ID_OF =
      """
      SELECT id
        FROM forecasts
       WHERE model_id = :model AND bar_ts = :bar AND live_run = :live
      """;

  private static final String UNRESOLVED_LIVE =
      """
      SELECT id, model_id, symbol_id, timeframe, bar_ts, horizon_bars, made_at, live_run,
             direction, p_bull, p_neutral, p_bear, score, resolved_at, realized, correct,
             forecaster
        FROM forecasts
       WHERE symbol_id = :symbol AND timeframe = :tf AND live_run AND resolved_at IS NULL
       ORDER BY bar_ts, id
      """;

  private static final String RESOLVE =
      """
      UPDATE forecasts
         SET resolved_at = :at, realized = :realized, correct = :correct
       WHERE id = :id AND resolved_at IS NULL
      """;

  private static final String RECENT_OUTCOMES =
      """
      SELECT bar_ts, realized, correct
        FROM forecasts
       WHERE symbol_id = :symbol AND timeframe = :tf AND live_run AND resolved_at IS NOT NULL
       ORDER BY bar_ts DESC, id DESC
       LIMIT :limit
      """;

  private static final String LATEST =
      """
      SELECT id, model_id, symbol_id, timeframe, bar_ts, horizon_bars, made_at, live_run,
             direction, p_bull, p_neutral, p_bear, score, resolved_at, realized, correct,
             forecaster
        FROM forecasts
       WHERE symbol_id = :symbol AND timeframe = :tf
       ORDER BY bar_ts DESC, made_at DESC, id DESC
       LIMIT 1
      """;

  private static final String RECENT =
      """
      SELECT id, model_id, symbol_id, timeframe, bar_ts, horizon_bars, made_at, live_run,
             direction, p_bull, p_neutral, p_bear, score, resolved_at, realized, correct,
             forecaster
        FROM forecasts
       WHERE symbol_id = :symbol AND timeframe = :tf
       ORDER BY bar_ts DESC, id DESC
       LIMIT :limit
      """;

  /* The resolved live forecasts issued while a model was champion, newest first. */
  private static final String RECENT_OUTCOMES_OF =
      """
      SELECT bar_ts, realized, correct
        FROM forecasts
       WHERE model_id = :model AND live_run AND resolved_at IS NOT NULL
       ORDER BY bar_ts DESC, id DESC
       LIMIT :limit
      """;

  /* A champion's resolved live forecasts at bars after its training window. */
  private static final String OUT_OF_SAMPLE_RECORD =
      """
      SELECT count(*) FILTER (WHERE correct) AS correct, count(*) AS n
        FROM forecasts
       WHERE model_id = :model AND live_run AND resolved_at IS NOT NULL
         AND bar_ts > :trainTo
      """;

  private final Jdbi jdbi;

  public ForecastRepository(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /**
   * Stores a forecast the model itself issued; see {@link #store(long, long, Timeframe, Forecast,
   * Instant, boolean, Forecaster)}.
   */
  public long store(
      long modelId,
      long symbolId,
      Timeframe timeframe,
      Forecast forecast,
      Instant madeAt,
      boolean liveRun) {
    return store(modelId, symbolId, timeframe, forecast, madeAt, liveRun, Forecaster.XGBOOST);
  }

  /**
   * Stores a forecast issued by {@code forecaster} while model {@code modelId} was champion and
   * returns its id (the existing row's id when it was already stored).
   */
  public long store(
      long modelId,
      long symbolId,
      Timeframe timeframe,
      Forecast forecast,
      Instant madeAt,
      boolean liveRun,
      Forecaster forecaster) {
    return jdbi.inTransaction(
        handle -> {
          Optional<Long> inserted =
              handle
                  .createUpdate(INSERT)
                  .bind("model", modelId)
                  .bind("symbol", symbolId)
                  .bind("tf", timeframe.name())
                  .bind("bar", SeriesStatements.utc(forecast.barTs()))
                  .bind("h", forecast.horizonBars())
                  .bind("made", SeriesStatements.utc(madeAt))
                  .bind("live", liveRun)
                  .bind("dir", forecast.direction().name())
                  .bind("bull", forecast.pBull())
                  .bind("neutral", forecast.pNeutral())
                  .bind("bear", forecast.pBear())
                  .bind("score", forecast.score())
                  .bind("forecaster", forecaster.id())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .findOne();
          if (inserted.isPresent()) {
            return inserted.get();
          }
          return handle
              .createQuery(ID_OF)
              .bind("model", modelId)
              .bind("bar", SeriesStatements.utc(forecast.barTs()))
              .bind("live", liveRun)
              .mapTo(Long.class)
              .one();
        });
  }

  /** Live forecasts of a series that are not resolved yet, oldest bar first. */
  public List<StoredForecast> unresolvedLive(long symbolId, Timeframe timeframe) {
    return jdbi.withHandle(h -> stored(h, UNRESOLVED_LIVE, symbolId, timeframe).list());
  }

  /** Records a resolution; a forecast already resolved is left as it was. */
  public boolean resolve(long id, LiveResolution.Resolved resolved) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(RESOLVE)
                    .bind("at", SeriesStatements.utc(resolved.resolvedAt()))
                    .bind("realized", resolved.realized().name())
                    .bind("correct", resolved.correct())
                    .bind("id", id)
                    .execute())
        == 1;
  }

  /** The most recently resolved live forecasts of a series, newest first, at most {@code limit}. */
  public List<LiveScore.Outcome> recentOutcomes(long symbolId, Timeframe timeframe, int limit) {
    return jdbi.withHandle(
        h ->
            SeriesStatements.query(h, RECENT_OUTCOMES, symbolId, timeframe)
                .bind("limit", limit)
                .map((rs, ctx) -> outcome(rs))
                .list());
  }

  /** A resolved forecast of a {@code RECENT_OUTCOMES*} row. */
  private static LiveScore.Outcome outcome(ResultSet rs) throws SQLException {
    return new LiveScore.Outcome(
        rs.getObject("bar_ts", OffsetDateTime.class).toInstant(),
        Direction.parse(rs.getString("realized")),
        rs.getBoolean("correct"));
  }

  /** Stores the feature drift computed at forecast {@code id}, as JSON ({@code feature_drift}). */
  public void storeFeatureDrift(long id, String featureDriftJson) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    """
                    UPDATE forecasts
                       SET feature_drift = CAST(:feature_drift AS jsonb)
                     WHERE id = :id
                    """)
                .bind("id", id)
                .bind("feature_drift", featureDriftJson)
                .execute());
  }

  /**
   * The most recently resolved live forecasts issued while model {@code modelId} was champion,
   * newest first, at most {@code limit}: the live window that follows the champion.
   */
  public List<LiveScore.Outcome> recentOutcomesOf(long modelId, int limit) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(RECENT_OUTCOMES_OF)
                .bind("model", modelId)
                .bind("limit", limit)
                .map((rs, ctx) -> outcome(rs))
                .list());
  }

  /**
   * The champion's out-of-sample record: how many live forecasts issued while model {@code modelId}
   * was champion, at bars after {@code trainTo}, have resolved, and how many came true.
   *
   * @return {correct, n}
   */
  public int[] outOfSampleRecord(long modelId, Instant trainTo) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(OUT_OF_SAMPLE_RECORD)
                .bind("model", modelId)
                .bind("trainTo", SeriesStatements.utc(trainTo))
                .map((rs, ctx) -> new int[] {rs.getInt("correct"), rs.getInt("n")})
                .one());
  }

  /** The feature drift stored with forecast {@code id}, as JSON; empty when none was computed. */
  public Optional<String> featureDrift(long id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    SELECT feature_drift::text
                      FROM forecasts
                     WHERE id = :id
                    """)
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
  }

  /** The forecast at the latest bar of a series (live or not), if any. */
  public Optional<StoredForecast> latest(long symbolId, Timeframe timeframe) {
    return jdbi.withHandle(h -> stored(h, LATEST, symbolId, timeframe).findOne());
  }

  /** Forecasts of a series, newest bar first, at most {@code limit}. */
  public List<StoredForecast> recent(long symbolId, Timeframe timeframe, int limit) {
    return jdbi.withHandle(
        h ->
            SeriesStatements.query(h, RECENT, symbolId, timeframe)
                .bind("limit", limit)
                .map(ForecastRepository::map)
                .list());
  }

  private static ResultIterable<StoredForecast> stored(
      Handle h, String sql, long symbolId, Timeframe timeframe) {
    return SeriesStatements.query(h, sql, symbolId, timeframe).map(ForecastRepository::map);
  }

  private static StoredForecast map(ResultSet rs, StatementContext ctx) throws SQLException {
    Forecast forecast =
        new Forecast(
            rs.getObject("bar_ts", OffsetDateTime.class).toInstant(),
            rs.getInt("horizon_bars"),
            Direction.parse(rs.getString("direction")),
            rs.getDouble("p_bull"),
            rs.getDouble("p_neutral"),
            rs.getDouble("p_bear"),
            rs.getDouble("score"));
    OffsetDateTime resolvedAt = rs.getObject("resolved_at", OffsetDateTime.class);
    String realized = rs.getString("realized");
    boolean correct = rs.getBoolean("correct");
    boolean resolved = resolvedAt != null;
    return new StoredForecast(
        rs.getLong("id"),
        rs.getLong("model_id"),
        rs.getLong("symbol_id"),
        Timeframe.parse(rs.getString("timeframe")),
        forecast,
        rs.getObject("made_at", OffsetDateTime.class).toInstant(),
        rs.getBoolean("live_run"),
        resolved ? Optional.of(resolvedAt.toInstant()) : Optional.empty(),
        resolved ? Optional.of(Direction.parse(realized)) : Optional.empty(),
        resolved ? Optional.of(correct) : Optional.empty(),
        Forecaster.parse(rs.getString("forecaster")));
  }
}
