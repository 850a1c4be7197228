package dev.swiftbolt.replay;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.predictions.ProbabilityCorrectColumns;
import dev.swiftbolt.validation.ProbabilityCorrect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Stores replay runs and their days in {@code replay_runs} and {@code replay_days} (V9), one
 * transaction per run; nothing else is written. Thread-safe.
 */
public final class ReplayRepository {
  private final Jdbi jdbi;

  public ReplayRepository(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /** Stores a run and every symbol's days in one transaction; returns the run. */
  public ReplayRun store(
      LocalDate from,
      LocalDate to,
      List<Timeframe> timeframes,
      Timeframe primary,
      Instant startedAt,
      Instant finishedAt,
      Map<String, List<ReplayDay>> daysBySymbol) {
    String tfs = timeframes.stream().map(Timeframe::name).collect(Collectors.joining(","));
    long id =
        jdbi.inTransaction(
            h -> {
              long runId =
                  h.createUpdate(
                          """
                          INSERT INTO replay_runs
                              (from_session, to_session, timeframes, primary_timeframe,
                               started_at, finished_at)
                          VALUES (:from, :to, :timeframes, :primary, :started, :finished)
                          """)
                      .bind("from", from)
                      .bind("to", to)
                      .bind("timeframes", tfs)
                      .bind("primary", primary.name())
                      .bind("started", startedAt.atOffset(ZoneOffset.UTC))
                      .bind("finished", finishedAt.atOffset(ZoneOffset.UTC))
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              PreparedBatch batch =
                  h.prepareBatch(
                      """
                      INSERT INTO replay_days
                          (run_id, symbol, session, direction, unified_confidence, live_accuracy,
                           live_n, live_score_source, drift_magnitude, drift_detected,
                           retraining_trigger, retrained, correct, realized, baseline_direction,
                           persistence_direction, backtest_accuracy, walkforward_accuracy,
                           resolved_at, probability_correct, probability_correct_n,
                           probability_correct_ci_low, probability_correct_ci_high,
                           probability_correct_source, probability_correct_reason,
                           forecaster, promoted, deferred_retrain_reason)
                      VALUES
                          (:run, :symbol, :session, :direction, :confidence, :live_accuracy,
                           :live_n, :source, :drift, :drift_detected,
                           :trigger, :retrained, :correct, :realized, :baseline,
                           :persistence, :backtest, :walkforward,
                           :resolved_at, :probability_correct, :probability_correct_n,
                           :probability_correct_ci_low, :probability_correct_ci_high,
                           :probability_correct_source, :probability_correct_reason,
                           :forecaster, :promoted, :deferred_reason)
                      """);
              for (List<ReplayDay> days : daysBySymbol.values()) {
                for (ReplayDay d : days) {
                  batch
                      .bind("run", runId)
                      .bind("symbol", d.symbol())
                      .bind("session", d.session())
                      .bind("direction", d.direction().name())
                      .bind("confidence", d.unifiedConfidence())
                      .bind("live_accuracy", d.liveAccuracy())
                      .bind("live_n", d.liveN())
                      .bind("source", d.liveScoreSource())
                      .bind("drift", d.driftMagnitude())
                      .bind("drift_detected", d.driftDetected())
                      .bind("trigger", d.retrainingTrigger())
                      .bind("retrained", d.retrained())
                      .bind("correct", d.correct().orElse(null))
                      .bind("realized", d.realized().map(Direction::name).orElse(null))
                      .bind("baseline", d.baselineDirection().name())
                      .bind("persistence", d.persistenceDirection().name())
                      .bind("backtest", d.backtestAccuracy())
                      .bind("walkforward", d.walkforwardAccuracy())
                      .bind(
                          "resolved_at",
                          d.resolvedAt().map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null))
                      .bind("probability_correct", value(d, ProbabilityCorrect::value))
                      .bind(
                          "probability_correct_n",
                          d.probabilityCorrect().map(ProbabilityCorrect::n).orElse(null))
                      .bind("probability_correct_ci_low", value(d, ProbabilityCorrect::ciLow))
                      .bind("probability_correct_ci_high", value(d, ProbabilityCorrect::ciHigh))
                      .bind(
                          "probability_correct_source",
                          d.probabilityCorrect().flatMap(ProbabilityCorrect::source).orElse(null))
                      .bind(
                          "probability_correct_reason",
                          d.probabilityCorrect().flatMap(ProbabilityCorrect::reason).orElse(null))
                      .bind("forecaster", d.forecaster())
                      .bind("promoted", d.promoted())
                      .bind("deferred_reason", d.deferredRetrainReason().orElse(null))
                      .add();
                }
              }
              if (batch.size() > 0) {
                batch.execute();
              }
              return runId;
            });
    return new ReplayRun(id, from, to, timeframes, primary, startedAt, finishedAt);
  }

  /** The newest run that replayed {@code symbol}. */
  public Optional<ReplayRun> latestRun(String symbol) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT r.*
                    FROM replay_runs r
                    WHERE EXISTS (SELECT 1 FROM replay_days d
                                  WHERE d.run_id = r.id AND d.symbol = :symbol)
                    ORDER BY r.id DESC
                    LIMIT 1
                    """)
                .bind("symbol", symbol)
                .map((rs, ctx) -> run(rs))
                .findOne());
  }

  /** Run {@code id}, if it replayed {@code symbol}. */
  public Optional<ReplayRun> run(long id, String symbol) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT r.*
                    FROM replay_runs r
                    WHERE r.id = :id
                      AND EXISTS (SELECT 1 FROM replay_days d
                                  WHERE d.run_id = r.id AND d.symbol = :symbol)
                    """)
                .bind("id", id)
                .bind("symbol", symbol)
                .map((rs, ctx) -> run(rs))
                .findOne());
  }

  /** The days of {@code symbol} in run {@code runId}, in session order. */
  public List<ReplayDay> days(long runId, String symbol) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT *
                    FROM replay_days
                    WHERE run_id = :run AND symbol = :symbol
                    ORDER BY session
                    """)
                .bind("run", runId)
                .bind("symbol", symbol)
                .map((rs, ctx) -> day(rs))
                .list());
  }

  private static ReplayRun run(ResultSet rs) throws SQLException {
    return new ReplayRun(
        rs.getLong("id"),
        rs.getObject("from_session", LocalDate.class),
        rs.getObject("to_session", LocalDate.class),
        Arrays.stream(rs.getString("timeframes").split(",")).map(Timeframe::parse).toList(),
        Timeframe.parse(rs.getString("primary_timeframe")),
        rs.getTimestamp("started_at").toInstant(),
        rs.getTimestamp("finished_at").toInstant());
  }

  private static ReplayDay day(ResultSet rs) throws SQLException {
    Optional<Boolean> correct =
        rs.getObject("correct") == null ? Optional.empty() : Optional.of(rs.getBoolean("correct"));
    return new ReplayDay(
        rs.getString("symbol"),
        rs.getObject("session", LocalDate.class),
        Direction.parse(rs.getString("direction")),
        rs.getDouble("unified_confidence"),
        rs.getDouble("live_accuracy"),
        rs.getInt("live_n"),
        rs.getString("live_score_source"),
        rs.getDouble("drift_magnitude"),
        rs.getBoolean("drift_detected"),
        rs.getBoolean("retraining_trigger"),
        rs.getBoolean("retrained"),
        correct,
        Optional.ofNullable(rs.getString("realized")).map(Direction::parse),
        Direction.parse(rs.getString("baseline_direction")),
        Direction.parse(rs.getString("persistence_direction")),
        rs.getDouble("backtest_accuracy"),
        rs.getDouble("walkforward_accuracy"),
        Optional.ofNullable(rs.getObject("resolved_at", OffsetDateTime.class))
            .map(OffsetDateTime::toInstant),
        ProbabilityCorrectColumns.read(rs),
        rs.getString("forecaster"),
        rs.getBoolean("promoted"),
        Optional.ofNullable(rs.getString("deferred_retrain_reason")));
  }

  private static Double value(ReplayDay d, Function<ProbabilityCorrect, OptionalDouble> part) {
    OptionalDouble v = d.probabilityCorrect().map(part).orElse(OptionalDouble.empty());
    return v.isPresent() ? v.getAsDouble() : null;
  }
}
