package dev.swiftbolt.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One regular trading session: its New York trading date and its open and close instants (UTC). A
 * session closes at 16:00 New York time, or at 13:00 on an early-close day.
 */
public record TradingSession(LocalDate date, Instant open, Instant close) {

  /** Length of a full regular session (09:30–16:00). */
  public static final Duration FULL_LENGTH = Duration.ofMinutes(390);

  public TradingSession {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(close, "close");
    if (!close.isAfter(open)) {
      throw new IllegalArgumentException("session close must be after its open: " + date);
    }
  }

  /** True when the session closes before 16:00 (13:00 early closes). */
  public boolean earlyClose() {
    return Duration.between(open, close).compareTo(FULL_LENGTH) < 0;
  }

  /** True when {@code t} lies in {@code [open, close)}. */
  public boolean contains(Instant t) {
    return !t.isBefore(open) && t.isBefore(close);
  }
}
