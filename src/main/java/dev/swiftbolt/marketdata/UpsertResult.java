package dev.swiftbolt.marketdata;

import java.time.Instant;
import java.util.Optional;

/**
 * What one load did.
 *
 * @param inserted new bars
 * @param updated bars whose values (or source) changed
 * @param unchanged bars already stored with the same values
 * @param firstChanged the oldest inserted or updated bar's {@code ts}, empty when nothing changed
 * @param lastChanged the newest inserted or updated bar's {@code ts}, empty when nothing changed
 */
public record UpsertResult(
    int inserted,
    int updated,
    int unchanged,
    Optional<Instant> firstChanged,
    Optional<Instant> lastChanged) {

  /** Nothing loaded. */
  public static final UpsertResult NONE =
      new UpsertResult(0, 0, 0, Optional.empty(), Optional.empty());

  /** True when at least one bar was inserted or updated. */
  public boolean changed() {
    return inserted + updated > 0;
  }

  /** This result plus {@code other} (counts summed, changed range widened). */
  public UpsertResult plus(UpsertResult other) {
    return new UpsertResult(
        inserted + other.inserted,
        updated + other.updated,
        unchanged + other.unchanged,
        min(firstChanged, other.firstChanged),
        max(lastChanged, other.lastChanged));
  }

  private static Optional<Instant> min(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
  }

  private static Optional<Instant> max(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
  }
}
