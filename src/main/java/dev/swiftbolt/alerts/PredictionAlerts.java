package dev.swiftbolt.alerts;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.predictions.PredictionListener;
import dev.swiftbolt.validation.UnifiedPrediction;
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

  private static final String PREVIOUS =
      """
      SELECT id, direction, unified_confidence, drift_detected, drift_magnitude
      FROM unified_predictions
      WHERE symbol = :symbol AND id < :id
      ORDER BY id DESC
      LIMIT 1
      """;

  private final Clock clock;

  public PredictionAlerts(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void stored(Handle handle, long id, UnifiedPrediction prediction) {
    String symbol = prediction.symbol();
    List<Outbox.Tracker> trackers = Outbox.trackers(handle, symbol, id);
    if (trackers.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Optional<PredictionState> previous =
        handle
            .createQuery(PREVIOUS)
            .bind("symbol", symbol)
            .bind("id", id)
            .map(
                (rs, ctx) ->
                    new PredictionState(
                        rs.getLong("id"),
                        Direction.valueOf(rs.getString("direction")),
                        rs.getDouble("unified_confidence"),
                        rs.getBoolean("drift_detected"),
                        rs.getDouble("drift_magnitude")))
            .findOne();
    PredictionState current =
        new PredictionState(
            id,
            prediction.direction(),
            prediction.unifiedConfidence(),
            prediction.driftDetected(),
            prediction.driftMagnitude());
    for (Outbox.Tracker t : trackers) {
      List<AlertEvent> events =
          PredictionEvents.between(
              symbol,
              previous,
              current,
              t.settings().confidenceThreshold(),
              !t.predictedSince(),
              t.trackedAt().toEpochMilli());
      for (AlertEvent e : events) {
        Outbox.write(handle, t.userId(), t.settings(), e, now);
      }
    }
  }
}
