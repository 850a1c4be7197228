package dev.swiftbolt.predictions;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.validation.Baseline;
import dev.swiftbolt.validation.ConfidenceInterval;
import dev.swiftbolt.validation.ConsensusDirection;
import dev.swiftbolt.validation.MissingTimeframe;
import dev.swiftbolt.validation.PredictionBaselines;
import dev.swiftbolt.validation.ProportionTest;
import dev.swiftbolt.validation.UnifiedPrediction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL access to {@code unified_predictions}. Each {@link #store} is one INSERT in its own
 * transaction. Thread-safe.
 */
public final class UnifiedPredictionRepository {

  private static final String COLUMNS =
      "id, symbol, direction, unified_confidence, base_confidence, backtesting_score,"
          + " walkforward_score, live_score, multi_tf_consensus::text AS multi_tf_consensus,"
          + " drift_detected, drift_magnitude, drift_explanation, timeframe_conflict,"
          + " conflict_explanation, consensus_direction,"
          + " hierarchy_weights::text AS hierarchy_weights, recommendation, retraining_trigger,"
          + " retraining_reason, next_retraining_date, as_of, backtesting_n, walkforward_n,"
          + " live_n, backtesting_ci_low, backtesting_ci_high, walkforward_ci_low,"
          + " walkforward_ci_high, live_ci_low, live_ci_high, drift_z, drift_p_value,"
          + " overfit_z, overfit_p_value, overfit_suspected, overfit_explanation,"
          + " last_retraining_date, persistent_drift_days, live_score_source,"
          + " backtesting_baseline_accuracy, backtesting_baseline_name,"
          + " backtesting_baselines::text AS backtesting_baselines,"
          + " walkforward_baseline_accuracy, walkforward_baseline_name,"
          + " walkforward_baselines::text AS walkforward_baselines, live_baseline_accuracy,"
          + " live_baseline_name, live_baselines::text AS live_baselines,"
          + " missing_timeframes::text AS missing_timeframes,"
          + " timeframe_forecasters::text AS timeframe_forecasters, created_at";

  private static final String INSERT =
      "INSERT INTO unified_predictions (symbol, direction, unified_confidence,"
          + " base_confidence, backtesting_score, walkforward_score, live_score,"
          + " multi_tf_consensus, drift_detected, drift_magnitude, drift_explanation,"
          + " timeframe_conflict, conflict_explanation, consensus_direction, hierarchy_weights,"
          + " recommendation, retraining_trigger, retraining_reason, next_retraining_date, as_of,"
          + " backtesting_n, walkforward_n, live_n, backtesting_ci_low, backtesting_ci_high,"
          + " walkforward_ci_low, walkforward_ci_high, live_ci_low, live_ci_high, drift_z,"
          + " drift_p_value, drift_significant, overfit_z, overfit_p_value, overfit_suspected,"
          + " overfit_explanation, last_retraining_date, persistent_drift_days,"
          + " live_score_source, backtesting_baseline_accuracy, backtesting_baseline_name,"
          + " backtesting_baselines, walkforward_baseline_accuracy, walkforward_baseline_name,"
          + " walkforward_baselines, live_baseline_accuracy, live_baseline_name, live_baselines,"
          + " missing_timeframes, timeframe_forecasters)"
          + " VALUES (:symbol, :direction,"
          + " :unified_confidence, :base_confidence, :backtesting_score, :walkforward_score,"
          + " :live_score, CAST(:multi_tf_consensus AS jsonb), :drift_detected, :drift_magnitude,"
          + " :drift_explanation, :timeframe_conflict, :conflict_explanation,"
          + " :consensus_direction, CAST(:hierarchy_weights AS jsonb), :recommendation,"
          + " :retraining_trigger, :retraining_reason, :next_retraining_date, :as_of,"
          + " :backtesting_n, :walkforward_n, :live_n, :backtesting_ci_low, :backtesting_ci_high,"
          + " :walkforward_ci_low, :walkforward_ci_high, :live_ci_low, :live_ci_high, :drift_z,"
          + " :drift_p_value, :drift_significant, :overfit_z, :overfit_p_value,"
          + " :overfit_suspected, :overfit_explanation, :last_retraining_date,"
          + " :persistent_drift_days, :live_score_source, :backtesting_baseline_accuracy,"
          + " :backtesting_baseline_name, CAST(:backtesting_baselines AS jsonb),"
          + " :walkforward_baseline_accuracy, :walkforward_baseline_name,"
          + " CAST(:walkforward_baselines AS jsonb), :live_baseline_accuracy, :live_baseline_name,"
          + " CAST(:live_baselines AS jsonb), CAST(:missing_timeframes AS jsonb),"
          + " CAST(:timeframe_forecasters AS jsonb))";

  private final Jdbi jdbi;
  private final ValidationJson json = new ValidationJson();

  public UnifiedPredictionRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Stores one prediction whose scores came from outside, in one transaction.
   *
   * @return the new row's id
   * @throws PredictionStorageException with the database's message when the insert fails
   */
  public long store(UnifiedPrediction p) {
    return store(p, Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * Stores one prediction in one transaction, with what its live score was ({@code live} or {@code
   * walkforward_proxy}) and the timeframes it lacks with their reasons.
   *
   * @return the new row's id
   * @throws PredictionStorageException with the database's message when the insert fails
   */
  public long store(UnifiedPrediction p, Optional<String> liveScoreSource) {
    return store(p, liveScoreSource, Optional.empty(), List.of());
  }

  /**
   * Stores one prediction in one transaction, with what its live score was ({@code live} or {@code
   * walkforward_proxy}) and the naive baselines of its three scores.
   *
   * @return the new row's id
   * @throws PredictionStorageException with the database's message when the insert fails
   */
  public long store(
      UnifiedPrediction p,
      Optional<String> liveScoreSource,
      Optional<PredictionBaselines> baselines) {
    return store(p, liveScoreSource, baselines, List.of());
  }

  /**
   * Stores one prediction in one transaction, with what its live score was, the naive baselines of
   * its three scores and the timeframes it lacks with their reasons.
   *
   * @return the new row's id
   * @throws PredictionStorageException with the database's message when the insert fails
   */
  public long store(
      UnifiedPrediction p,
      Optional<String> liveScoreSource,
      Optional<PredictionBaselines> baselines,
      List<MissingTimeframe> missing) {
    return store(p, liveScoreSource, baselines, missing, List.of());
  }

  /**
   * Stores one prediction in one transaction, as {@link #store(UnifiedPrediction, Optional,
   * Optional, List)} does, with who issued each timeframe's forecast.
   *
   * @return the new row's id
   * @throws PredictionStorageException with the database's message when the insert fails
   */
  public long store(
      UnifiedPrediction p,
      Optional<String> liveScoreSource,
      Optional<PredictionBaselines> baselines,
      List<MissingTimeframe> missing,
      List<TimeframeForecaster> forecasters) {
    try {
      return jdbi.inTransaction(
          handle ->
              handle
                  .createUpdate(INSERT)
                  .bind("symbol", p.symbol())
                  .bind("direction", p.direction().name())
                  .bind("unified_confidence", p.unifiedConfidence())
                  .bind("base_confidence", p.baseConfidence())
                  .bind("backtesting_score", p.backtestingScore())
                  .bind("walkforward_score", p.walkforwardScore())
                  .bind("live_score", p.liveScore())
                  .bind("multi_tf_consensus", json.timeframeMapJson(p.multiTfConsensus()))
                  .bind("drift_detected", p.driftDetected())
                  .bind("drift_magnitude", p.driftMagnitude())
                  .bind("drift_explanation", p.driftExplanation())
                  .bind("timeframe_conflict", p.timeframeConflict())
                  .bind("conflict_explanation", p.conflictExplanation())
                  .bind("consensus_direction", p.consensusDirection().name())
                  .bind("hierarchy_weights", json.timeframeMapJson(p.hierarchyWeights()))
                  .bind("recommendation", p.recommendation())
                  .bind("retraining_trigger", p.retrainingTrigger())
                  .bind("retraining_reason", p.retrainingReason())
                  .bind("next_retraining_date", utc(p.nextRetrainingDate()))
                  .bind("as_of", utc(p.timestamp()))
                  .bind("backtesting_n", boxed(p.backtestingN()))
                  .bind("walkforward_n", boxed(p.walkforwardN()))
                  .bind("live_n", boxed(p.liveN()))
                  .bind(
                      "backtesting_ci_low",
                      p.backtestingCi().map(ConfidenceInterval::low).orElse(null))
                  .bind(
                      "backtesting_ci_high",
                      p.backtestingCi().map(ConfidenceInterval::high).orElse(null))
                  .bind(
                      "walkforward_ci_low",
                      p.walkforwardCi().map(ConfidenceInterval::low).orElse(null))
                  .bind(
                      "walkforward_ci_high",
                      p.walkforwardCi().map(ConfidenceInterval::high).orElse(null))
                  .bind("live_ci_low", p.liveCi().map(ConfidenceInterval::low).orElse(null))
                  .bind("live_ci_high", p.liveCi().map(ConfidenceInterval::high).orElse(null))
                  .bind("drift_z", p.driftTest().map(ProportionTest::z).orElse(null))
                  .bind("drift_p_value", p.driftTest().map(ProportionTest::pValue).orElse(null))
                  .bind("drift_significant", p.driftSignificant().orElse(null))
                  .bind("overfit_z", p.overfitTest().map(ProportionTest::z).orElse(null))
                  .bind("overfit_p_value", p.overfitTest().map(ProportionTest::pValue).orElse(null))
                  .bind("overfit_suspected", p.overfitSuspected())
                  .bind("overfit_explanation", p.overfitExplanation())
                  .bind("last_retraining_date", utc(p.lastRetrainingDate()))
                  .bind("persistent_drift_days", p.persistentDriftDays())
                  .bind("live_score_source", liveScoreSource.orElse(null))
                  .bindMap(baselineColumns(baselines))
                  .bind("missing_timeframes", json.missingTimeframesJson(missing))
                  .bind("timeframe_forecasters", json.timeframeForecastersJson(forecasters))
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one());
    } catch (JdbiException e) {
      throw new PredictionStorageException(databaseMessage(e), e);
    }
  }

  /** The latest prediction for a symbol: greatest {@code as_of}, then greatest id. */
  public Optional<StoredPrediction> latest(String symbol) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM unified_predictions WHERE symbol = :symbol"
                        + " ORDER BY as_of DESC, id DESC LIMIT 1")
                .bind("symbol", symbol)
                .map(this::map)
                .findOne());
  }

  /** The latest prediction of every symbol that has one, ordered by symbol. */
  public List<StoredPrediction> latestPerSymbol() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT DISTINCT ON (symbol) "
                        + COLUMNS
                        + " FROM unified_predictions"
                        + " ORDER BY symbol, as_of DESC, id DESC")
                .map(this::map)
                .list());
  }

  private StoredPrediction map(ResultSet rs, StatementContext ctx) throws SQLException {
    UnifiedPrediction prediction =
        new UnifiedPrediction(
            rs.getString("symbol"),
            Direction.valueOf(rs.getString("direction")),
            rs.getDouble("unified_confidence"),
            rs.getDouble("base_confidence"),
            rs.getDouble("backtesting_score"),
            rs.getDouble("walkforward_score"),
            rs.getDouble("live_score"),
            json.parseTimeframeMap(rs.getString("multi_tf_consensus")),
            rs.getBoolean("drift_detected"),
            rs.getDouble("drift_magnitude"),
            rs.getString("drift_explanation"),
            rs.getBoolean("timeframe_conflict"),
            rs.getString("conflict_explanation"),
            ConsensusDirection.valueOf(rs.getString("consensus_direction")),
            json.parseTimeframeMap(rs.getString("hierarchy_weights")),
            rs.getString("recommendation"),
            rs.getBoolean("retraining_trigger"),
            rs.getString("retraining_reason"),
            instant(rs, "next_retraining_date"),
            instant(rs, "as_of"),
            optionalInt(rs, "backtesting_n"),
            optionalInt(rs, "walkforward_n"),
            optionalInt(rs, "live_n"),
            interval(rs, "backtesting"),
            interval(rs, "walkforward"),
            interval(rs, "live"),
            test(rs, "drift"),
            test(rs, "overfit"),
            rs.getBoolean("overfit_suspected"),
            rs.getString("overfit_explanation"),
            instant(rs, "last_retraining_date"),
            rs.getInt("persistent_drift_days"));
    return new StoredPrediction(
        rs.getLong("id"),
        instant(rs, "created_at"),
        prediction,
        Optional.ofNullable(rs.getString("live_score_source")),
        baselines(rs),
        json.parseMissingTimeframes(rs.getString("missing_timeframes")),
        json.parseTimeframeForecasters(rs.getString("timeframe_forecasters")));
  }

  /** The nine baseline columns' values by parameter name, all null when there are none. */
  private Map<String, Object> baselineColumns(Optional<PredictionBaselines> baselines) {
    Map<String, Object> values = new HashMap<>();
    for (String measure : PredictionBaselines.MEASURES) {
      Optional<Baseline> b = baselines.map(all -> all.byMeasure().get(measure));
      values.put(measure + "_baseline_accuracy", b.map(Baseline::accuracy).orElse(null));
      values.put(measure + "_baseline_name", b.map(Baseline::name).orElse(null));
      values.put(
          measure + "_baselines", b.map(x -> json.baselinesJson(x.baselines())).orElse(null));
    }
    return values;
  }

  private Optional<PredictionBaselines> baselines(ResultSet rs) throws SQLException {
    List<Baseline> read = new ArrayList<>();
    for (String measure : PredictionBaselines.MEASURES) {
      Double accuracy = rs.getObject(measure + "_baseline_accuracy", Double.class);
      if (accuracy == null) {
        return Optional.empty();
      }
      read.add(
          new Baseline(
              accuracy,
              rs.getString(measure + "_baseline_name"),
              json.parseBaselines(rs.getString(measure + "_baselines"))));
    }
    return Optional.of(new PredictionBaselines(read.get(0), read.get(1), read.get(2)));
  }

  private static String databaseMessage(JdbiException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        return t.getMessage();
      }
    }
    return e.getMessage();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Integer boxed(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static OptionalInt optionalInt(ResultSet rs, String column) throws SQLException {
    Integer value = rs.getObject(column, Integer.class);
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  private static Optional<ConfidenceInterval> interval(ResultSet rs, String prefix)
      throws SQLException {
    Double low = rs.getObject(prefix + "_ci_low", Double.class);
    Double high = rs.getObject(prefix + "_ci_high", Double.class);
    return low == null || high == null
        ? Optional.empty()
        : Optional.of(new ConfidenceInterval(low, high));
  }

  private static Optional<ProportionTest> test(ResultSet rs, String prefix) throws SQLException {
    Double z = rs.getObject(prefix + "_z", Double.class);
    Double p = rs.getObject(prefix + "_p_value", Double.class);
    return z == null || p == null ? Optional.empty() : Optional.of(new ProportionTest(z, p));
  }
}
