package dev.swiftbolt.ml.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Persistent drift from the stored daily history: the number of consecutive days before today on
 * which drift exceeded the severe threshold (50 %). This is the validator's {@code
 * persistent_drift_days}; the seed wrongly counted days since retraining instead.
 */
public final class DriftHistory {

  /** Drift above this magnitude on a day counts that day as a drift day. */
  public static final double SEVERE_DRIFT = 0.50;

  private DriftHistory() {}

  /**
   * Counts consecutive drift days ending yesterday.
   *
   * @param dailyDriftMagnitude each day's drift magnitude (the day's last stored prediction), in
   *     UTC days; days without a prediction break the run
   * @param today the current UTC date; today's own predictions do not count ("before today")
   */
  public static int consecutiveDriftDays(
      Map<LocalDate, Double> dailyDriftMagnitude, LocalDate today) {
    int days = 0;
    LocalDate day = today.minusDays(1);
    while (dailyDriftMagnitude.containsKey(day) && dailyDriftMagnitude.get(day) > SEVERE_DRIFT) {
      days++;
      day = day.minusDays(1);
    }
    return days;
  }

  /**
   * Counts consecutive drift sessions ending with the previous one, for a history kept per session
   * (an in-memory {@link dev.swiftbolt.ml.DailyStep.Store}) rather than per calendar day.
   *
   * @param earlierSessions the drift magnitude of each earlier session, oldest first
   */
  public static int consecutiveDriftSessions(List<Double> earlierSessions) {
    int sessions = 0;
    for (int i = earlierSessions.size() - 1; i >= 0 && earlierSessions.get(i) > SEVERE_DRIFT; i--) {
      sessions++;
    }
    return sessions;
  }
}
