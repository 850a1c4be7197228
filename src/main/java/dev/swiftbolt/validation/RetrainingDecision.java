package dev.swiftbolt.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The seed's {@code _check_retraining_trigger}, with persistent drift counted in consecutive drift
 * days (SPEC.md) instead of days since retraining. Rules in order: magnitude &gt; 0.75 → now + 2 h;
 * magnitude &gt; 0.50 and ≥ 7 drift days → now + 6 h; beyond the seed, a major feature shift (PSI ≥
 * 0.25) in at least a quarter of the features → now + 6 h; more than 30 whole days since retraining
 * → now + 12 h; otherwise no trigger and the next date is the last retraining + 30 days.
 */
record RetrainingDecision(boolean trigger, String reason, Instant next) {

  static final double CRITICAL_DRIFT = 0.75;
  static final double SEVERE_DRIFT = 0.50;
  static final int PERSISTENT_DRIFT_DAYS = 7;
  static final long SCHEDULE_DAYS = 30;

  static RetrainingDecision decide(double driftMagnitude, ValidationScores scores) {
    return decide(driftMagnitude, scores, Optional.empty());
  }

  static RetrainingDecision decide(
      double driftMagnitude, ValidationScores scores, Optional<FeatureShift> featureShift) {
    Instant now = scores.asOf();
    if (driftMagnitude > CRITICAL_DRIFT) {
      return new RetrainingDecision(
          true, "Critical drift detected (>75%)", now.plus(Duration.ofHours(2)));
    }
    if (driftMagnitude > SEVERE_DRIFT && scores.persistentDriftDays() >= PERSISTENT_DRIFT_DAYS) {
      return new RetrainingDecision(
          true, "Persistent drift (>50% for 7+ days)", now.plus(Duration.ofHours(6)));
    }
    if (featureShift.isPresent() && featureShift.get().triggersRetraining()) {
      return new RetrainingDecision(
          true, featureShift.get().reason(), now.plus(Duration.ofHours(6)));
    }
    // Whole days, truncated like Python's timedelta.days (the interval is never negative here).
    long daysSinceRetraining = Duration.between(scores.lastRetrainingDate(), now).toDays();
    if (daysSinceRetraining > SCHEDULE_DAYS) {
      return new RetrainingDecision(
          true, "Regular retraining schedule", now.plus(Duration.ofHours(12)));
    }
    return new RetrainingDecision(
        false,
        "Model within acceptable drift",
        scores.lastRetrainingDate().plus(Duration.ofDays(SCHEDULE_DAYS)));
  }
}
