package dev.swiftbolt.marketdata;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How much of the calendar a stored series covers.
 *
 * @param first the oldest bar's open time, empty for an empty series
 * @param last the newest bar's open time, empty for an empty series
 * @param count bars present
 * @param expectedCount bars the calendar expects from {@code first} to {@code last} inclusive
 */
public record Coverage(
    Optional<Instant> first, Optional<Instant> last, int count, int expectedCount) {

  public Coverage {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (count < 0 || expectedCount < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
