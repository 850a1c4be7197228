package dev.swiftbolt.ml.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.EvaluationReport;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.evaluation.Score;
import dev.swiftbolt.ml.evaluation.Selection;
import dev.swiftbolt.validation.Baseline;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/** SQL access to {@code model_evaluations}. Thread-safe. */
public final class EvaluationRepository {
  private static final String INSERT =
      """
      INSERT INTO model_evaluations (symbol_id, timeframe, model_id, evaluated_at, backtest,
                                     walkforward, live, live_score_source, calibration,
                                     forecaster, selection)
      VALUES (:symbol, :tf, :model, :at, :bt::jsonb, :wf::jsonb, :live::jsonb, :source,
              :cal::jsonb, :forecaster, :selection::jsonb)
      """;

  private static final String LATEST =
      """
      SELECT evaluated_at, backtest::text AS bt, walkforward::text AS wf, live::text AS live,
             live_score_source, calibration::text AS cal, forecaster,
             selection::text AS selection
        FROM model_evaluations
       WHERE symbol_id = :symbol AND timeframe = :tf
       ORDER BY evaluated_at DESC, id DESC
       LIMIT 1
      """;

  private final Jdbi jdbi;

  public EvaluationRepository(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /** Stores an evaluation of the series' model {@code modelId} (if any) and returns its id. */
  public long store(long symbolId, OptionalLong modelId, EvaluationReport report) {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate(INSERT)
                .bind("symbol", symbolId)
                .bind("tf", report.timeframe().name())
                .bind("model", modelId.isPresent() ? modelId.getAsLong() : null)
                .bind("at", SeriesStatements.utc(report.evaluatedAt()))
                .bind("bt", ModelRegistry.json(report.backtest()))
                .bind("wf", ModelRegistry.json(report.walkforward()))
                .bind("live", ModelRegistry.json(report.live()))
                .bind("source", report.liveScoreSource())
                .bind("cal", ModelRegistry.json(report.calibration()))
                .bind("forecaster", report.forecaster().id())
                .bind("selection", report.selection().map(ModelRegistry::json).orElse(null))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** The latest stored evaluation of a series, as stored (JSON text per column). */
  public Optional<EvaluationReport> latest(String symbol, long symbolId, Timeframe timeframe) {
    return jdbi.withHandle(
        h ->
            SeriesStatements.query(h, LATEST, symbolId, timeframe)
                .map(
                    (rs, ctx) ->
                        new EvaluationReport(
                            symbol,
                            timeframe,
                            read(rs.getString("bt"), Score.class),
                            read(rs.getString("wf"), EvaluationReport.WalkForwardSummary.class),
                            read(rs.getString("live"), Score.class),
                            rs.getString("live_score_source"),
                            read(rs.getString("cal"), EvaluationReport.CalibrationSummary.class),
                            rs.getObject("evaluated_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                            Forecaster.parse(rs.getString("forecaster")),
                            Optional.ofNullable(rs.getString("selection"))
                                .map(j -> read(j, Selection.class))))
                .findOne());
  }

  /**
   * Reads a stored score object (or the walk-forward with its folds). A score stored before
   * baselines were named has only {@code baseline_accuracy}, the majority's: it is read as {@code
   * baselines = {"majority": that}} with the strongest of it and chance as its baseline, so an old
   * row is never shown against a bar below 1/3.
   */
  private static <T> T read(String json, Class<T> type) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      upgradeLegacyScore(node);
      if (node.get("folds") instanceof ArrayNode folds) {
        folds.forEach(EvaluationRepository::upgradeLegacyScore);
      }
      return Json.mapper().treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void upgradeLegacyScore(JsonNode node) {
    if (node instanceof ObjectNode score
        && score.has("baseline_accuracy")
        && !score.has("baseline_name")) {
      Baseline baseline =
          Baseline.strongest(Map.of(Baseline.MAJORITY, score.get("baseline_accuracy").asDouble()));
      score.put("baseline_accuracy", baseline.accuracy());
      score.put("baseline_name", baseline.name());
      score.set("baselines", Json.mapper().valueToTree(baseline.baselines()));
    }
  }
}
