package dev.swiftbolt.ml;

import java.util.Objects;
import java.util.Optional;

/**
 * When a series retrains: at once when it has no model; otherwise on a trigger (any reason: drift,
 * the retraining schedule, feature drift …) only once at least {@code minSessionsBetweenRetrains}
 * sessions have passed since its last retraining. A trigger inside that cooldown is deferred with
 * its reason; the caller asks again at later sessions, and the retraining happens when the cooldown
 * has ended if a trigger still holds then. Pure and thread-safe; the daily step, the replay and the
 * production {@code train} jobs all decide here.
 *
 * @param minSessionsBetweenRetrains sessions that must pass after a retraining before the next one
 *     (≥ 1)
 */
public record RetrainingPolicy(int minSessionsBetweenRetrains) {

  /** Default cooldown, for every timeframe. */
  public static final int DEFAULT_MIN_SESSIONS_BETWEEN_RETRAINS = 5;

  /** The reason of a first training. */
  public static final String NO_MODEL = "no model yet";

  public RetrainingPolicy {
    if (minSessionsBetweenRetrains < 1) {
      throw new IllegalArgumentException(
          "min_sessions_between_retrains must be at least 1, got %d"
              .formatted(minSessionsBetweenRetrains));
    }
  }

  /** The policy with the default cooldown. */
  public static RetrainingPolicy defaults() {
    return new RetrainingPolicy(DEFAULT_MIN_SESSIONS_BETWEEN_RETRAINS);
  }

  /** What to do at a session. */
  public enum Action {
    RETRAIN,
    DEFER,
    KEEP
  }

  /**
   * A decision with its reason (the trigger's, or {@link #NO_MODEL}); {@code KEEP} has none.
   *
   * @param sessionsToWait for a deferral, how many more sessions the cooldown lasts
   */
  public record Decision(Action action, Optional<String> reason, int sessionsToWait) {
    public Decision {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(reason, "reason");
    }

    public boolean retrain() {
      return action == Action.RETRAIN;
    }

    public boolean deferred() {
      return action == Action.DEFER;
    }
  }

  /**
   * @param hasModel whether the series has a model
   * @param sessionsSinceRetrain sessions since its last retraining, this one included (the session
   *     after a retraining is 1); ignored without a model
   * @param trigger the reason a retraining is asked for now, empty when none is
   */
  public Decision decide(boolean hasModel, int sessionsSinceRetrain, Optional<String> trigger) {
    if (!hasModel) {
      return new Decision(Action.RETRAIN, Optional.of(NO_MODEL), 0);
    }
    if (trigger.isEmpty()) {
      return new Decision(Action.KEEP, Optional.empty(), 0);
    }
    if (sessionsSinceRetrain >= minSessionsBetweenRetrains) {
      return new Decision(Action.RETRAIN, trigger, 0);
    }
    return new Decision(Action.DEFER, trigger, minSessionsBetweenRetrains - sessionsSinceRetrain);
  }
}
