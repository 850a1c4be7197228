package dev.swiftbolt.predictions;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.validation.Baseline;
import dev.swiftbolt.validation.ConfidenceInterval;
import dev.swiftbolt.validation.ConsensusDirection;
import dev.swiftbolt.validation.MissingTimeframe;
import dev.swiftbolt.validation.PredictionBaselines;
import dev.swiftbolt.validation.ProbabilityCorrect;
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
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL access to {@code unified_predictions}. Each {@link #store} is one INSERT in its own
 * transaction. Thread-safe.
 */
public final class UnifiedPredictionRepository {

  /* The latest row of each symbol; a null :symbol means every symbol. */
  private static final String LATEST =
      """
      SELECT DISTINCT ON (symbol)
             id, symbol, direction, unified_confidence, base_confidence, backtesting_score,
             walkforward_score, live_score, multi_tf_consensus::text AS multi_tf_consensus,
             drift_detected, drift_magnitude, drift_explanation, timeframe_conflict,
             conflict_explanation, consensus_direction,
             hierarchy_weights::text AS hierarchy_weights, recommendation, retraining_trigger,
             retraining_reason, next_retraining_date, as_of, backtesting_n, walkforward_n,
             live_n, backtesting_ci_low, backtesting_ci_high, walkforward_ci_low,
             walkforward_ci_high, live_ci_low, live_ci_high, drift_z, drift_p_value,
             overfit_z, overfit_p_value, overfit_suspected, overfit_explanation,
             last_retraining_date, persistent_drift_days, live_score_source,
             backtesting_baseline_accuracy, backtesting_baseline_name,
             backtesting_baselines::text AS backtesting_baselines,
             walkforward_baseline_accuracy, walkforward_baseline_name,
             walkforward_baselines::text AS walkforward_baselines, live_baseline_accuracy,
             live_baseline_name, live_baselines::text AS live_baselines,
             missing_timeframes::text AS missing_timeframes,
             timeframe_forecasters::text AS timeframe_forecasters, created_at,
             forecast_bar_ts, horizon_bars, realized_direction, correct, resolved_at,
             probability_correct, probability_correct_n, probability_correct_ci_low,
             probability_correct_ci_high, probability_correct_source, probability_correct_reason,
             feature_drift::text AS feature_drift
        FROM unified_predictions
       WHERE CAST(:symbol AS text) IS NULL OR symbol = :symbol
       ORDER BY symbol, as_of DESC, id DESC
      """;

  private static final String STORE_CONTEXT =
      """
      UPDATE unified_predictions
         SET forecast_bar_ts = :forecast_bar_ts,
             horizon_bars = :horizon_bars,
             probability_correct = :probability_correct,
             probability_correct_n = :probability_correct_n,
             probability_correct_ci_low = :probability_correct_ci_low,
             probability_correct_ci_high = :probability_correct_ci_high,
             probability_correct_source = :probability_correct_source,
             probability_correct_reason = :probability_correct_reason,
             feature_drift = CAST(:feature_drift AS jsonb)
       WHERE id = :id
      """;

  private static final String UNRESOLVED =
      """
      SELECT id, forecast_bar_ts, horizon_bars, direction
        FROM unified_predictions
       WHERE symbol = :symbol
         AND resolved_at IS NULL
         AND forecast_bar_ts IS NOT NULL
       ORDER BY forecast_bar_ts, id
      """;

  private static final String RESOLVE =
      """
      UPDATE unified_predictions
         SET realized_direction = :realized_direction,
             correct = :correct,
             resolved_at = :resolved_at
       WHERE id = :id
         AND resolved_at IS NULL
      """;

  /**
   * Every resolved outcome known at :at: production's resolved unified predictions, and the
   * resolved days of each symbol's latest replay run.
   */
  private static final String RESOLVED_OUTCOMES =
      """
      SELECT unified_confidence, correct, resolved_at, 'live' AS source
        FROM unified_predictions
       WHERE resolved_at IS NOT NULL
         AND resolved_at <= :at
      UNION ALL
      SELECT d.unified_confidence, d.correct, d.resolved_at, 'replay' AS source
        FROM replay_days d
        JOIN (SELECT symbol, max(run_id) AS run_id FROM replay_days GROUP BY symbol) latest
          ON latest.symbol = d.symbol AND latest.run_id = d.run_id
       WHERE d.correct IS NOT NULL
         AND d.resolved_at IS NOT NULL
         AND d.resolved_at <= :at
      """;

  /** Resolved production predictions (:symbol NULL for every symbol). */
  private static final String RESOLVED_LIVE =
      """
      SELECT unified_confidence, probability_correct, correct
        FROM unified_predictions
       WHERE resolved_at IS NOT NULL
         AND (CAST(:symbol AS text) IS NULL OR symbol = :symbol)
       ORDER BY as_of, id
      """;

  /** Resolved days of each symbol's latest replay run (:symbol NULL for every symbol). */
  private static final String RESOLVED_REPLAY =
      """
      SELECT d.unified_confidence, d.probability_correct, d.correct
        FROM replay_days d
        JOIN (SELECT symbol, max(run_id) AS run_id FROM replay_days GROUP BY symbol) latest
          ON latest.symbol = d.symbol AND latest.run_id = d.run_id
       WHERE d.correct IS NOT NULL
         AND (CAST(:symbol AS text) IS NULL OR d.symbol = :symbol)
       ORDER BY d.session, d.symbol
      """;

  private static final String INSERT =
      """
      INSERT INTO unified_predictions (
             symbol, direction, unified_confidence, base_confidence, backtesting_score,
             walkforward_score, live_score, multi_tf_consensus, drift_detected, drift_magnitude,
             drift_explanation, timeframe_conflict, conflict_explanation, consensus_direction,
             hierarchy_weights, recommendation, retraining_trigger, retraining_reason,
             next_retraining_date, as_of, backtesting_n, walkforward_n, live_n,
             backtesting_ci_low, backtesting_ci_high, walkforward_ci_low, walkforward_ci_high,
             live_ci_low, live_ci_high, drift_z, drift_p_value, drift_significant, overfit_z,
             overfit_p_value, overfit_suspected, overfit_explanation, last_retraining_date,
             persistent_drift_days, live_score_source, backtesting_baseline_accuracy,
             backtesting_baseline_name, backtesting_baselines, walkforward_baseline_accuracy,
             walkforward_baseline_name, walkforward_baselines, live_baseline_accuracy,
             live_baseline_name, live_baselines, missing_timeframes, timeframe_forecasters)
      VALUES (
             :symbol, :direction, :unified_confidence, :base_confidence, :backtesting_score,
             :walkforward_score, :live_score, CAST(:multi_tf_consensus AS jsonb),
             :drift_detected, :drift_magnitude, :drift_explanation, :timeframe_conflict,
             :conflict_explanation, :consensus_direction, CAST(:hierarchy_weights AS jsonb),
             :recommendation, :retraining_trigger, :retraining_reason, :next_retraining_date,
             :as_of, :backtesting_n, :walkforward_n, :live_n, :backtesting_ci_low,
             :backtesting_ci_high, :walkforward_ci_low, :walkforward_ci_high, :live_ci_low,
             :live_ci_high, :drift_z, :drift_p_value, :drift_significant, :overfit_z,
             :overfit_p_value, :overfit_suspected, :overfit_explanation, :last_retraining_date,
             :persistent_drift_days, :live_score_source, :backtesting_baseline_accuracy,
             :backtesting_baseline_name, CAST(:backtesting_baselines AS jsonb),
             :walkforward_baseline_accuracy, :walkforward_baseline_name,
             CAST(:walkforward_baselines AS jsonb), :live_baseline_accuracy,
             :live_baseline_name, CAST(:live_baselines AS jsonb),
             CAST(:missing_timeframes AS jsonb), CAST(:timeframe_forecasters AS jsonb))
      """;

  private final Jdbi jdbi;
  private final ValidationJson json = new ValidationJson();
  private final PredictionListener listener;

  public UnifiedPredictionRepository(Jdbi jdbi) {
    this(jdbi, PredictionListener.NONE);
  }

  /**
   * A repository that tells {@code listener} of each stored prediction inside the storing
   * transaction (the alerts' outbox: no prediction without its events, no event without it).
   */
  public UnifiedPredictionRepository(Jdbi jdbi, PredictionListener listener) {
    this.jdbi = jdbi;
    this.listener = java.util.Objects.requireNonNull(listener, "listener");
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
    return store(p, liveScoreSource, baselines, missing, Optional.empty());
  }

  /**
   * Stores one prediction in one transaction, as {@link #store(UnifiedPrediction, Optional,
   * Optional, List)}, with the primary forecast's bar and horizon, {@code probability_correct} and
   * feature drift when the prediction was made from stored forecasts.
   *
   * @return the new row's id
   * @throws PredictionStorageException with the database's message when the insert fails
   */
  public long store(
      UnifiedPrediction p,
      Optional<String> liveScoreSource,
      Optional<PredictionBaselines> baselines,
      List<MissingTimeframe> missing,
      Optional<PredictionContext> context) {
    return store(p, liveScoreSource, baselines, missing, context, List.of());
  }

  /**
   * Stores one prediction in one transaction, as {@link #store(UnifiedPrediction, Optional,
   * Optional, List, Optional)} does, with who issued each timeframe's forecast.
   *
   * @return the new row's id
   * @throws PredictionStorageException with the database's message when the insert fails
   */
  public long store(
      UnifiedPrediction p,
      Optional<String> liveScoreSource,
      Optional<PredictionBaselines> baselines,
      List<MissingTimeframe> missing,
      Optional<PredictionContext> context,
      List<TimeframeForecaster> forecasters) {
    try {
      return jdbi.inTransaction(
          handle -> {
            long id = insert(handle, p, liveScoreSource, baselines, missing, forecasters);
            context.ifPresent(c -> storeContext(handle, id, c));
            listener.stored(handle, id, p);
            return id;
          });
    } catch (JdbiException e) {
      throw new PredictionStorageException(databaseMessage(e), e);
    }
  }

  private long insert(
      Handle handle,
      UnifiedPrediction p,
      Optional<String> liveScoreSource,
      Optional<PredictionBaselines> baselines,
      List<MissingTimeframe> missing,
      List<TimeframeForecaster> forecasters) {
    return handle
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
        .bind("backtesting_ci_low", p.backtestingCi().map(ConfidenceInterval::low).orElse(null))
        .bind("backtesting_ci_high", p.backtestingCi().map(ConfidenceInterval::high).orElse(null))
        .bind("walkforward_ci_low", p.walkforwardCi().map(ConfidenceInterval::low).orElse(null))
        .bind("walkforward_ci_high", p.walkforwardCi().map(ConfidenceInterval::high).orElse(null))
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
        .one();
  }

  private void storeContext(Handle handle, long id, PredictionContext c) {
    ProbabilityCorrect pc = c.probabilityCorrect();
    handle
        .createUpdate(STORE_CONTEXT)
        .bind("id", id)
        .bind("forecast_bar_ts", utc(c.forecastBarTs()))
        .bind("horizon_bars", c.horizonBars())
        .bind("probability_correct", boxed(pc.value()))
        .bind("probability_correct_n", pc.n())
        .bind("probability_correct_ci_low", boxed(pc.ciLow()))
        .bind("probability_correct_ci_high", boxed(pc.ciHigh()))
        .bind("probability_correct_source", pc.source().orElse(null))
        .bind("probability_correct_reason", pc.reason().orElse(null))
        .bind("feature_drift", c.featureDriftJson().orElse(null))
        .execute();
  }

  /** A stored prediction waiting for its horizon: its id, primary bar, horizon and direction. */
  public record Unresolved(long id, Instant forecastBarTs, int horizonBars, Direction direction) {}

  /** The symbol's predictions that can resolve and have not, oldest forecast bar first. */
  public List<Unresolved> unresolved(String symbol) {
    return jdbi.withHandle(
        h ->
            h.createQuery(UNRESOLVED)
                .bind("symbol", symbol)
                .map(
                    (rs, ctx) ->
                        new Unresolved(
                            rs.getLong("id"),
                            instant(rs, "forecast_bar_ts"),
                            rs.getInt("horizon_bars"),
                            Direction.valueOf(rs.getString("direction"))))
                .list());
  }

  /** Records how a prediction came out, once: false when it was already resolved (idempotent). */
  public boolean resolve(long id, PredictionResolution resolution) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(RESOLVE)
                    .bind("id", id)
                    .bind("realized_direction", resolution.realizedDirection().name())
                    .bind("correct", resolution.correct())
                    .bind("resolved_at", utc(resolution.resolvedAt()))
                    .execute())
        == 1;
  }

  /**
   * A resolved prediction for the reliability view: its unified confidence, its {@code
   * probability_correct} when it had one, and whether it came true.
   */
  public record ResolvedPrediction(
      double unifiedConfidence, OptionalDouble probabilityCorrect, boolean correct) {}

  /**
   * Resolved predictions of {@code symbol} (every symbol when empty): production's ({@code live})
   * or the days of each symbol's latest replay run ({@code replay}).
   */
  public List<ResolvedPrediction> resolvedPredictions(Optional<String> symbol, boolean replay) {
    return jdbi.withHandle(
        h ->
            h.createQuery(replay ? RESOLVED_REPLAY : RESOLVED_LIVE)
                .bind("symbol", symbol.orElse(null))
                .map(
                    (rs, ctx) ->
                        new ResolvedPrediction(
                            rs.getDouble("unified_confidence"),
                            ProbabilityCorrectColumns.optionalDouble(rs, "probability_correct"),
                            rs.getBoolean("correct")))
                .list());
  }

  /** A resolved outcome: the prediction's unified confidence, whether it came true, when known. */
  public record ResolvedOutcome(
      double unifiedConfidence, boolean correct, Instant resolvedAt, String source) {}

  /**
   * Every outcome resolved at or before {@code at}: production's resolved unified predictions
   * ({@code live}) and the resolved days of each symbol's latest replay run ({@code replay}).
   */
  public List<ResolvedOutcome> resolvedOutcomes(Instant at) {
    return jdbi.withHandle(
        h ->
            h.createQuery(RESOLVED_OUTCOMES)
                .bind("at", utc(at))
                .map(
                    (rs, ctx) ->
                        new ResolvedOutcome(
                            rs.getDouble("unified_confidence"),
                            rs.getBoolean("correct"),
                            instant(rs, "resolved_at"),
                            rs.getString("source")))
                .list());
  }

  /** The latest prediction for a symbol: greatest {@code as_of}, then greatest id. */
  public Optional<StoredPrediction> latest(String symbol) {
    return jdbi.withHandle(
        h -> h.createQuery(LATEST).bind("symbol", symbol).map(this::map).findOne());
  }

  /** The latest prediction of every symbol that has one, ordered by symbol. */
  public List<StoredPrediction> latestPerSymbol() {
    return jdbi.withHandle(
        h -> h.createQuery(LATEST).bind("symbol", (String) null).map(this::map).list());
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
        resolution(rs),
        ProbabilityCorrectColumns.read(rs),
        Optional.ofNullable(rs.getString("feature_drift")),
        json.parseTimeframeForecasters(rs.getString("timeframe_forecasters")));
  }

  private static Optional<PredictionResolution> resolution(ResultSet rs) throws SQLException {
    String realized = rs.getString("realized_direction");
    if (realized == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PredictionResolution(
            Direction.valueOf(realized), rs.getBoolean("correct"), instant(rs, "resolved_at")));
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
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
