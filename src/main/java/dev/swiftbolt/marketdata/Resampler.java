package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds higher timeframes from base bars: H1 and H4 from M15 within one session, W1 from D1 by ISO
 * week (buckets as documented on {@link BarSchedule}).
 *
 * <p>An aggregate's open is its first bar's open, close its last bar's close, high the maximum
 * high, low the minimum low and volume the sum, so an aggregate of bars obeying the OHLC invariants
 * obeys them too. A bucket is emitted as soon as it holds one base bar (a partial bucket is the
 * best estimate so far and is rebuilt when its remaining bars arrive). Pure and thread-safe.
 */
final class Resampler {

  private final BarSchedule schedule;

  public Resampler(BarSchedule schedule) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
  }

  /** The base timeframe that {@code target} is built from: M15 for H1/H4, D1 for W1. */
  public static Timeframe baseOf(Timeframe target) {
    switch (target) {
      case H1:
      case H4:
        return Timeframe.M15;
      case W1:
        return Timeframe.D1;
      default:
        throw new IllegalArgumentException(
            "timeframe %s is not resampled; only H1, H4 (from M15) and W1 (from D1) are"
                .formatted(target));
    }
  }

  /**
   * Aggregates {@code baseBars} (of {@link #baseOf(Timeframe) target's base timeframe}, any order)
   * into {@code target} bars, oldest first.
   *
   * @throws IllegalArgumentException when a base bar lies outside the regular session, or two base
   *     bars share a timestamp
   */
  public List<Bar> resample(List<Bar> baseBars, Timeframe target) {
    baseOf(target);
    List<Bar> sorted = new ArrayList<>(baseBars);
    sorted.sort(Comparator.comparing(Bar::ts));
    Map<Instant, List<Bar>> buckets = new LinkedHashMap<>();
    Instant previous = null;
    for (Bar bar : sorted) {
      if (bar.ts().equals(previous)) {
        throw new IllegalArgumentException("two base bars share the timestamp " + bar.ts());
      }
      previous = bar.ts();
      Instant bucket =
          schedule
              .bucketOpen(target, bar.ts())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "base bar at " + bar.ts() + " is outside the regular session"));
      buckets.computeIfAbsent(bucket, k -> new ArrayList<>()).add(bar);
    }
    List<Bar> result = new ArrayList<>(buckets.size());
    buckets.forEach((ts, bars) -> result.add(aggregate(ts, bars)));
    return result;
  }

  /**
   * One bar at {@code ts} aggregating {@code bars} (oldest first, at least one).
   *
   * @throws IllegalArgumentException when {@code bars} is empty
   */
  public static Bar aggregate(Instant ts, List<Bar> bars) {
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("cannot aggregate an empty bucket at " + ts);
    }
    double high = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    double volume = 0;
    for (Bar b : bars) {
      high = Math.max(high, b.high());
      low = Math.min(low, b.low());
      volume += b.volume();
    }
    return new Bar(ts, bars.get(0).open(), high, low, bars.get(bars.size() - 1).close(), volume);
  }
}
