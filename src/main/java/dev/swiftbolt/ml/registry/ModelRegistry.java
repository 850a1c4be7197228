package dev.swiftbolt.ml.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.NewModel;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL access to the {@code models} registry. Registering a champion makes it the active one of its
 * symbol × timeframe in the same transaction (the previous one is kept, retired); a rejected
 * challenger is kept inactive. Thread-safe.
 */
public final class ModelRegistry {
  /* The series' champion, locked until the registering transaction ends. */
  private static final String CHAMPION =
      """
      SELECT id
        FROM models
       WHERE symbol_id = :symbol AND timeframe = :tf AND active
         FOR UPDATE
      """;

  /* The champion a promoted challenger replaces: inactive and retired, kept for the record. */
  private static final String RETIRE_CHAMPION =
      """
      UPDATE models
         SET active = false, status = 'retired',
             status_reason = 'replaced by a promoted challenger'
       WHERE id = :id
      RETURNING id
      """;

  private static final String INSERT =
      """
      INSERT INTO models (symbol_id, timeframe, algorithm, params, features, horizon_bars,
                          train_from, train_to, trained_at, metrics, calibration_method,
                          calibration_params, artifact_format, artifact, active,
                          forecaster, selection, status, status_reason, parent_model_id)
      VALUES (:symbol, :tf, :algorithm, :params::jsonb, :features::jsonb, :horizon,
              :from, :to, :trainedAt, :metrics::jsonb, :calMethod,
              :calParams::jsonb, :format, :artifact, :active,
              :forecaster, :selection::jsonb, :status, :reason, :parent)
      """;

  private static final String LAST_TRAINED_AT =
      """
      SELECT trained_at
        FROM models
       WHERE symbol_id = :symbol AND timeframe = :tf AND active
      """;

  /* The models of a series, newest first; with :activeOnly, only its active one. */
  private static final String MODELS =
      """
      SELECT id, symbol_id, timeframe, algorithm, params::text AS params,
             features::text AS features, horizon_bars, train_from, train_to, trained_at,
             metrics::text AS metrics, calibration_method,
             calibration_params::text AS calibration_params, artifact_format, artifact, active,
             forecaster, selection::text AS selection, status, status_reason, parent_model_id
        FROM models
       WHERE symbol_id = :symbol AND timeframe = :tf AND (active OR NOT :activeOnly)
       ORDER BY trained_at DESC, id DESC
      """;

  private final Jdbi jdbi;
  private final ModelListener listener;

  public ModelRegistry(Jdbi jdbi) {
    this(jdbi, ModelListener.NONE);
  }

  /** A registry that tells {@code listener} of each model, inside the registering transaction. */
  public ModelRegistry(Jdbi jdbi, ModelListener listener) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Stores {@code model} as the champion of its series, issuing the model itself; its id. */
  public long register(NewModel model) {
    return register(model, Registration.MODEL_CHAMPION);
  }

  /**
   * Stores {@code model} as {@code registration} says and returns its id. A champion becomes the
   * active model of its series in the same transaction and the previous champion is retired; a
   * rejected challenger is stored inactive beside the champion. Either way its lineage names the
   * champion it was trained against ({@code parent_model_id}).
   */
  public long register(NewModel model, Registration registration) {
    return jdbi.inTransaction(
        handle -> {
          Optional<Long> champion =
              SeriesStatements.query(handle, CHAMPION, model.symbolId(), model.timeframe())
                  .mapTo(Long.class)
                  .findOne();
          boolean promoted = registration.status() == ModelStatus.CHAMPION;
          Optional<Long> replaced =
              promoted && champion.isPresent()
                  ? handle
                      .createQuery(RETIRE_CHAMPION)
                      .bind("id", champion.get())
                      .mapTo(Long.class)
                      .findOne()
                  : Optional.empty();
          long id =
              handle
                  .createUpdate(INSERT)
                  .bind("symbol", model.symbolId())
                  .bind("tf", model.timeframe().name())
                  .bind("algorithm", model.kind().algorithm())
                  .bind("params", model.paramsJson())
                  .bind("features", json(model.features()))
                  .bind("horizon", model.horizonBars())
                  .bind("from", SeriesStatements.utc(model.trainFrom()))
                  .bind("to", SeriesStatements.utc(model.trainTo()))
                  .bind("trainedAt", SeriesStatements.utc(model.trainedAt()))
                  .bind("metrics", model.metricsJson())
                  .bind("calMethod", model.calibrationMethod())
                  .bind("calParams", json(model.calibrationParams()))
                  .bind("format", model.artifactFormat())
                  .bind("artifact", model.artifact())
                  .bind("active", promoted)
                  .bind("forecaster", registration.forecaster().id())
                  .bind("selection", registration.selectionJson().orElse(null))
                  .bind("status", registration.status().id())
                  .bind("reason", registration.reason().orElse(null))
                  .bind("parent", champion.orElse(null))
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          if (promoted) {
            // only a model that became its series' active one is announced (a rejected challenger
            // changes nothing that is issued)
            listener.registered(handle, id, model.symbolId(), model.timeframe(), replaced);
          }
          return id;
        });
  }

  /** The active model of a series, if one was trained. */
  public Optional<RegisteredModel> active(long symbolId, Timeframe timeframe) {
    return jdbi.withHandle(h -> models(h, symbolId, timeframe, true).findOne());
  }

  /** When the active model of a series was trained: the last retraining date. */
  public Optional<Instant> lastTrainedAt(long symbolId, Timeframe timeframe) {
    return jdbi.withHandle(
        h ->
            SeriesStatements.query(h, LAST_TRAINED_AT, symbolId, timeframe)
                .mapTo(OffsetDateTime.class)
                .findOne()
                .map(OffsetDateTime::toInstant));
  }

  /** Every model of a series, newest first. */
  public List<RegisteredModel> history(long symbolId, Timeframe timeframe) {
    return jdbi.withHandle(h -> models(h, symbolId, timeframe, false).list());
  }

  private static ResultIterable<RegisteredModel> models(
      Handle h, long symbolId, Timeframe timeframe, boolean activeOnly) {
    return SeriesStatements.query(h, MODELS, symbolId, timeframe)
        .bind("activeOnly", activeOnly)
        .map(ModelRegistry::map);
  }

  private static RegisteredModel map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new RegisteredModel(
        rs.getLong("id"),
        rs.getLong("symbol_id"),
        Timeframe.parse(rs.getString("timeframe")),
        ModelKind.ofAlgorithm(rs.getString("algorithm")),
        rs.getString("params"),
        read(rs.getString("features"), new TypeReference<List<String>>() {}),
        rs.getInt("horizon_bars"),
        rs.getObject("train_from", OffsetDateTime.class).toInstant(),
        rs.getObject("train_to", OffsetDateTime.class).toInstant(),
        rs.getObject("trained_at", OffsetDateTime.class).toInstant(),
        rs.getString("metrics"),
        rs.getString("calibration_method"),
        read(rs.getString("calibration_params"), new TypeReference<double[]>() {}),
        rs.getString("artifact_format"),
        rs.getBytes("artifact"),
        rs.getBoolean("active"),
        Forecaster.parse(rs.getString("forecaster")),
        Optional.ofNullable(rs.getString("selection")),
        ModelStatus.parse(rs.getString("status")),
        Optional.ofNullable(rs.getString("status_reason")),
        rs.getObject("parent_model_id") == null
            ? OptionalLong.empty()
            : OptionalLong.of(rs.getLong("parent_model_id")));
  }

  public static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
