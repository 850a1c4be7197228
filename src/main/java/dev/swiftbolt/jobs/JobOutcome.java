package dev.swiftbolt.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link JobHandler} reports: the job succeeded, or it failed with an error that is stored
 * in {@code last_error} (and retried with backoff until its attempts run out; then it is dead). A
 * handler may also throw: that is a failure with the exception's message.
 */
public record JobOutcome(boolean succeeded, Optional<String> error) {

  private static final JobOutcome SUCCEEDED = new JobOutcome(true, Optional.empty());

  public JobOutcome {
    Objects.requireNonNull(error, "error");
    if (succeeded == error.isPresent()) {
      throw new IllegalArgumentException("an outcome has an error exactly when it failed");
    }
  }

  public static JobOutcome success() {
    return SUCCEEDED;
  }

  /** A failure; {@code error} says what went wrong in words an operator can act on. */
  public static JobOutcome failure(String error) {
    Objects.requireNonNull(error, "error");
    return new JobOutcome(false, Optional.of(error.isBlank() ? "failed (no message)" : error));
  }
}
