package dev.swiftbolt.jobs;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with jitter, computed by resilience4j's {@link
 * IntervalFunction#ofExponentialRandomBackoff}: the n-th wait is {@code base × 2^(n−1)}, spread
 * uniformly by ±{@code jitter} of itself so that jobs that failed together do not retry together,
 * and never more than {@code cap}.
 *
 * @param base the wait after the first failure; positive
 * @param cap the longest wait; at least {@code base}
 * @param jitter the spread, in [0, 1); 0 gives exact powers of two
 */
record ExponentialBackoff(Duration base, Duration cap, double jitter) implements RetryPolicy {

  /** 30 s base, 1 h cap, ±50 % jitter. */
  public static final ExponentialBackoff DEFAULT =
      new ExponentialBackoff(Duration.ofSeconds(30), Duration.ofHours(1), 0.5);

  private static final double MULTIPLIER = 2.0;

  public ExponentialBackoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("backoff base must be positive: " + base);
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "backoff cap " + cap + " is shorter than its base " + base);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("backoff jitter must be in [0, 1): " + jitter);
    }
  }

  @Override
  public Duration delayAfter(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    IntervalFunction intervals =
        IntervalFunction.ofExponentialRandomBackoff(base, MULTIPLIER, jitter, cap);
    // Past ~60 doublings the interval overflows long; the cap is long reached by then.
    return Duration.ofMillis(intervals.apply(Math.min(attempts, 60)));
  }
}
