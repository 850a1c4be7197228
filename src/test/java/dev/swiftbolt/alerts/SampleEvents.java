package dev.swiftbolt.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/** Alert events for tests. */
public final class SampleEvents {
  private SampleEvents() {}

  /**
   * {@code direction.changed}: NVDA turned from BULLISH to BEARISH at unified confidence 0.62,
   * written at most once per user under {@code dedupeKey}.
   */
  public static AlertEvent nvdaTurnedBearish(String dedupeKey) {
    return new AlertEvent(
        Optional.of("NVDA"),
        NotificationKind.DIRECTION_CHANGED,
        "NVDA turned BEARISH",
        "NVDA turned from BULLISH to BEARISH.",
        JsonNodeFactory.instance
            .objectNode()
            .put("symbol", "NVDA")
            .put("direction", "BEARISH")
            .put("previous_direction", "BULLISH")
            .put("unified_confidence", 0.62),
        dedupeKey,
        "BEARISH");
  }
}
