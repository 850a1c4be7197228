package dev.swiftbolt.jobs;

import java.time.Duration;

/**
 * How long a failed job waits before its next attempt. The default is {@link ExponentialBackoff}.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RetryPolicy {

  /**
   * The wait after the {@code attempts}-th failed attempt (1 after the first failure).
   *
   * @return a non-negative duration
   */
  Duration delayAfter(int attempts);

  /** Exponential backoff with jitter: 30 s, 1 min, 2 min, … (±50 %), never more than 1 h. */
  static RetryPolicy defaultPolicy() {
    return ExponentialBackoff.DEFAULT;
  }
}
