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
 *     given (default 18 months): the first backfill of a newly tracked symbol must be deep enough
 *     to train M15, H1 and H4 (resampled from M15) and to evaluate them in full — a 3-month
 *     backtest and 4 quarterly walk-forward folds reach back 12 months, and H4's first fold still
 *     needs 100 training rows after its 60-bar warm-up (about 4 months at 2 H4 bars a session), so
 *     16 months is the floor and 18 leaves a margin for holidays and the purge. Alpaca's IEX feed
 *     serves intraday bars back to 2016; the simulator generates any depth.
 * @param dailyHistory how far back D1 starts in that case (default 5 years; W1 is resampled from
 *     it, which leaves W1 about 200 weekly training rows before its walk-forward folds)
 */
record BackfillSettings(
    int retries,
    Duration firstBackoff,
    Duration maxBackoff,
    Period intradayHistory,
    Period dailyHistory) {

  /** 3 retries from 2 s up to 30 s; 18 months of M15, 5 years of D1. */
  public static final BackfillSettings DEFAULT =
      new BackfillSettings(
          3, Duration.ofSeconds(2), Duration.ofSeconds(30), Period.ofMonths(18), Period.ofYears(5));

  public BackfillSettings {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative, got " + retries);
    }
    if (firstBackoff.isNegative()
        || firstBackoff.isZero()
        || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 < firstBackoff <= maxBackoff, got %s, %s"
              .formatted(firstBackoff, maxBackoff));
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
