package dev.swiftbolt.alerts;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.predictions.PredictionListener;
import dev.swiftbolt.validation.UnifiedPrediction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The outbox of stored unified predictions: {@code prediction.ready}, {@code direction.changed},
 * {@code confidence.crossed}, {@code drift.detected} and {@code drift.cleared}, written for every
 * user tracking the symbol inside the transaction that stores the prediction. A symbol nobody
 * tracks costs one query. Thread-safe.
 */
public final class PredictionAlerts implements PredictionListener {

  /*
   * One round trip: every tracker of the symbol with their settings, beside the symbol's previous
   * prediction (the latest other than this one, by as_of then id, as "latest" is read elsewhere).
   * A prediction was stored since a user tracked the symbol exactly when the previous one was.
   * Folding this read into the INSERT (a data-modifying CTE, no round trip of its own) was tried
   * and measured slower by bench/alerts-bench.sh (the bare INSERT +119 % with it against +36 % with
   * this query, validate step +18 % against +4 %; two runs minutes apart, load average about 4 on
   * 2 cores): the combined statement costs more than the round trip it saves.
   */
  private static final String TRACKERS_AND_PREVIOUS =
      """
      WITH previous AS (
        SELECT id, direction, unified_confidence, drift_detected, drift_magnitude, created_at
        FROM unified_predictions
        WHERE symbol = :symbol AND id <> :id
        ORDER BY as_of DESC, id DESC
        LIMIT 1
      )
      SELECT t.user_id, t.created_at AS tracked_at,
             s.kinds, s.confidence_threshold, s.cooldown_seconds,
             p.id AS previous_id, p.direction AS previous_direction,
             p.unified_confidence AS previous_confidence,
             p.drift_detected AS previous_drift, p.drift_magnitude AS previous_drift_magnitude,
             coalesce(p.created_at >= t.created_at, false) AS predicted_since
      FROM user_symbol_tracking t
      JOIN symbols sy ON sy.id = t.symbol_id
      LEFT JOIN notification_settings s ON s.user_id = t.user_id
      LEFT JOIN previous p ON true
      WHERE sy.symbol = :symbol
      ORDER BY t.user_id
      """;

  private record Row(
      Outbox.Tracker tracker, Optional<PredictionState> previous, boolean predictedSince) {}

  private final Clock clock;

  public PredictionAlerts(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void stored(Handle handle, long id, UnifiedPrediction prediction) {
    String symbol = prediction.symbol();
    List<Row> rows =
        handle
            .createQuery(TRACKERS_AND_PREVIOUS)
            .bind("symbol", symbol)
            .bind("id", id)
            .map((rs, ctx) -> row(rs))
            .list();
    if (rows.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    PredictionState current =
        new PredictionState(
            id,
            prediction.direction(),
            prediction.unifiedConfidence(),
            prediction.driftDetected(),
            prediction.driftMagnitude());
    for (Row r : rows) {
      Outbox.Tracker t = r.tracker();
      List<AlertEvent> events =
          PredictionEvents.between(
              symbol,
              r.previous(),
              current,
              t.settings().confidenceThreshold(),
              !r.predictedSince(),
              t.trackedAt().toEpochMilli());
      for (AlertEvent e : events) {
        Outbox.write(handle, t.userId(), t.settings(), e, now);
      }
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    long previousId = rs.getLong("previous_id");
    Optional<PredictionState> previous =
        rs.wasNull()
            ? Optional.empty()
            : Optional.of(
                new PredictionState(
                    previousId,
                    Direction.valueOf(rs.getString("previous_direction")),
                    rs.getDouble("previous_confidence"),
                    rs.getBoolean("previous_drift"),
                    rs.getDouble("previous_drift_magnitude")));
    return new Row(Outbox.tracker(rs), previous, rs.getBoolean("predicted_since"));
  }
}
