package dev.swiftbolt.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after
 * the failed attempts (eight attempts in all), never earlier than the receiver's {@code
 * Retry-After} (capped at the schedule's longest wait). Pure.
 */
public final class RetrySchedule {

  public static final List<Duration> WAITS =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  /** Attempts in all: the first and one per wait. */
  public static final int MAX_ATTEMPTS = WAITS.size() + 1;

  private static final Duration LONGEST = Duration.ofHours(10);

  private RetrySchedule() {}

  /**
   * The next attempt after {@code attempts} failed ones, or empty when the delivery is dead.
   *
   * @param retryAfter the response's {@code Retry-After} header, if any
   */
  public static Optional<Instant> next(int attempts, Instant now, Optional<String> retryAfter) {
    if (attempts >= MAX_ATTEMPTS) {
      return Optional.empty();
    }
    Duration wait = WAITS.get(Math.max(0, attempts - 1));
    Optional<Duration> asked = retryAfter.flatMap(v -> parseRetryAfter(v, now));
    if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
      wait = asked.get().compareTo(LONGEST) > 0 ? LONGEST : asked.get();
    }
    return Optional.of(now.plus(wait));
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date; empty when it is neither. */
  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String v = value.trim();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
