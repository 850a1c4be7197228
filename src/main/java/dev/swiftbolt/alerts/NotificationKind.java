package dev.swiftbolt.alerts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a notification is about; {@link #wire()} is the fixed name in JSON, SQL and webhooks. */
public enum NotificationKind {
  PREDICTION_READY("prediction.ready"),
  DIRECTION_CHANGED("direction.changed"),
  CONFIDENCE_CROSSED("confidence.crossed"),
  DRIFT_DETECTED("drift.detected"),
  DRIFT_CLEARED("drift.cleared"),
  MODEL_RETRAINED("model.retrained"),
  DATA_STALE("data.stale"),
  JOB_FAILED("job.failed"),
  WEBHOOK_TEST("webhook.test");

  /** The kinds a user can enable: every event kind ({@code webhook.test} is on request only). */
  public static final List<NotificationKind> EVENTS =
      Arrays.stream(values()).filter(k -> k != WEBHOOK_TEST).toList();

  private final String wire;

  NotificationKind(String wire) {
    this.wire = wire;
  }

  /** The kind's fixed name, e.g. {@code direction.changed}. */
  public String wire() {
    return wire;
  }

  /** The event kind named {@code wire}, if there is one ({@code webhook.test} is not). */
  public static Optional<NotificationKind> event(String wire) {
    return EVENTS.stream().filter(k -> k.wire.equals(wire)).findFirst();
  }

  /** Every event kind's name, comma-separated, for messages. */
  public static String eventNames() {
    return String.join(", ", EVENTS.stream().map(NotificationKind::wire).toList());
  }

  @Override
  public String toString() {
    return wire;
  }
}
