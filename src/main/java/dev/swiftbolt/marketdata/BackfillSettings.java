package dev.swiftbolt.marketdata;

import java.time.Duration;
import java.time.Period;

/**
 * How the backfill and the intraday ingestion behave.
 *
 * @param retries retries of a failing symbol after its first attempt (default 3); authentication
 *     errors and bad input are never retried
 * @param firstBackoff wait before the first retry, doubled each time with ±50 % jitter (default 2
 *     s)
 * @param maxBackoff cap on a retry wait (default 30 s)
 * @param intradayHistory how far back M15 starts when nothing is stored and no {@code --from} is
 *     given (default 90 days)
 * @param dailyHistory how far back D1 starts in that case (default 5 years)
 */
public record BackfillSettings(
    int retries,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration intradayHistory,
    Period dailyHistory) {

  /** 3 retries from 2 s up to 30 s; 90 days of M15, 5 years of D1. */
  public static final BackfillSettings DEFAULT =
      new BackfillSettings(
          3, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofDays(90), Period.ofYears(5));

  public BackfillSettings {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative, got " + retries);
    }
    if (firstBackoff.isNegative()
        || firstBackoff.isZero()
        || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 < firstBackoff <= maxBackoff, got "
              + firstBackoff
              + ", "
              + maxBackoff);
    }
    if (intradayHistory.isNegative() || dailyHistory.isNegative()) {
      throw new IllegalArgumentException("history lengths must not be negative");
    }
  }

  /** These settings with other retry waits (tests keep them tiny). */
  public BackfillSettings withBackoff(Duration first, Duration max) {
    return new BackfillSettings(retries, first, max, intradayHistory, dailyHistory);
  }
}
