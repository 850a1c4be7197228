package dev.swiftbolt.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events one stored unified prediction causes for one user: a pure function of the previous
 * prediction, this one, the user's threshold and whether this is the first since the user tracked
 * the symbol. No database, no clock.
 *
 * <p>Dedupe keys name the cause: the previous prediction's id and the new state, so storing the
 * same state twice (re-running {@code validate} on the same forecasts) or two workers racing on the
 * same previous prediction write one event, never two.
 */
public final class PredictionEvents {

  private PredictionEvents() {}

  /**
   * @param previous the symbol's prediction stored before this one, if any
   * @param firstSinceTracking whether no other prediction was stored since the user tracked it
   * @param trackedAtMillis when the user tracked the symbol (epoch ms), for the ready event's key
   */
  public static List<AlertEvent> between(
      String symbol,
      Optional<PredictionState> previous,
      PredictionState current,
      double threshold,
      boolean firstSinceTracking,
      long trackedAtMillis) {
    List<AlertEvent> events = new ArrayList<>();
    String percent = percent(current.unifiedConfidence());
    if (firstSinceTracking) {
      events.add(
          new AlertEvent(
              Optional.of(symbol),
              NotificationKind.PREDICTION_READY,
              "%s is ready: %s".formatted(symbol, current.direction()),
              "%s is ready: %s, unified confidence %s."
                  .formatted(symbol, current.direction(), percent),
              data(symbol, current),
              "prediction.ready:%s:%d".formatted(symbol, trackedAtMillis),
              "ready"));
    }
    if (previous.isEmpty()) {
      return events;
    }
    PredictionState before = previous.get();
    String cause = symbol + ":" + before.id();
    if (before.direction() != current.direction()) {
      ObjectNode data = data(symbol, current);
      data.put("previous_direction", before.direction().name());
      events.add(
          new AlertEvent(
              Optional.of(symbol),
              NotificationKind.DIRECTION_CHANGED,
              "%s turned %s".formatted(symbol, current.direction()),
              "%s turned from %s to %s, unified confidence %s."
                  .formatted(symbol, before.direction(), current.direction(), percent),
              data,
              "direction.changed:%s:%s".formatted(cause, current.direction()),
              current.direction().name()));
    }
    boolean wasAbove = before.unifiedConfidence() >= threshold;
    boolean isAbove = current.unifiedConfidence() >= threshold;
    if (wasAbove != isAbove) {
      String way = isAbove ? "up" : "down";
      ObjectNode data = data(symbol, current);
      data.put("previous_unified_confidence", before.unifiedConfidence());
      data.put("threshold", threshold);
      data.put("crossed", way);
      events.add(
          new AlertEvent(
              Optional.of(symbol),
              NotificationKind.CONFIDENCE_CROSSED,
              "%s confidence %s %s"
                  .formatted(symbol, isAbove ? "rose above" : "fell below", pct(threshold)),
              "%s's unified confidence went from %s to %s, %s your threshold of %s."
                  .formatted(
                      symbol,
                      percent(before.unifiedConfidence()),
                      percent,
                      isAbove ? "above" : "below",
                      pct(threshold)),
              data,
              "confidence.crossed:%s:%s:%s".formatted(cause, way, threshold),
              way));
    }
    if (before.driftDetected() != current.driftDetected()) {
      NotificationKind kind =
          current.driftDetected()
              ? NotificationKind.DRIFT_DETECTED
              : NotificationKind.DRIFT_CLEARED;
      events.add(
          new AlertEvent(
              Optional.of(symbol),
              kind,
              current.driftDetected()
                  ? "%s: drift detected".formatted(symbol)
                  : "%s: drift cleared".formatted(symbol),
              current.driftDetected()
                  ? "%s's live accuracy drifted from its backtest (drift magnitude %s)."
                      .formatted(symbol, percent(current.driftMagnitude()))
                  : "%s's live accuracy is back in line with its backtest (drift magnitude %s)."
                      .formatted(symbol, percent(current.driftMagnitude())),
              data(symbol, current),
              "%s:%s".formatted(kind.wire(), cause),
              kind.wire()));
    }
    return events;
  }

  private static ObjectNode data(String symbol, PredictionState p) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("symbol", symbol);
    data.put("prediction_id", p.id());
    data.put("direction", p.direction().name());
    data.put("unified_confidence", p.unifiedConfidence());
    data.put("drift_detected", p.driftDetected());
    data.put("drift_magnitude", p.driftMagnitude());
    return data;
  }

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + " %";
  }

  private static String pct(double threshold) {
    return percent(threshold);
  }
}
