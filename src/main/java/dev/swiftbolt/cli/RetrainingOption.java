package dev.swiftbolt.cli;

import dev.swiftbolt.ml.RetrainingPolicy;
import picocli.CommandLine.Option;

/** The {@code --min-sessions-between-retrains N} option: the retraining policy's cooldown. */
final class RetrainingOption {

  @Option(
      names = "--min-sessions-between-retrains",
      paramLabel = "N",
      defaultValue = "" + RetrainingPolicy.DEFAULT_MIN_SESSIONS_BETWEEN_RETRAINS,
      description =
          "Retrain a series at most once per N sessions, for every timeframe (default:"
              + " ${DEFAULT-VALUE}). A retraining trigger inside the cooldown is recorded as"
              + " deferred with its reason and acted on when the cooldown ends if it still holds;"
              + " a series without a model always trains.")
  int minSessionsBetweenRetrains;

  /**
   * @throws IllegalArgumentException naming the option when N is below 1
   */
  RetrainingPolicy policy() {
    if (minSessionsBetweenRetrains < 1) {
      throw new IllegalArgumentException(
          "--min-sessions-between-retrains must be at least 1, got %d"
              .formatted(minSessionsBetweenRetrains));
    }
    return new RetrainingPolicy(minSessionsBetweenRetrains);
  }
}
