package dev.swiftbolt.ml;

import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.features.ContextSeries;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.features.LabelConfig;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.ml.features.LabelledMatrix;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small seeded bar generator for the ml tests: log returns follow r_t = phi * r_{t-1} + sigma *
 * e_t with Gaussian e_t (phi = 0 is a pure random walk). D1 bars open at 14:30 UTC on weekdays;
 * other lengths are consecutive. OHLC invariants always hold.
 */
public final class SyntheticBars {

  private SyntheticBars() {}

  public static List<Bar> randomWalk(long seed, int count) {
    return autoregressive(seed, count, 0.0, 0.01);
  }

  public static List<Bar> autoregressive(long seed, int count, double phi, double sigma) {
    return generate(seed, count, phi, sigma, Duration.ofDays(1));
  }

  public static List<Bar> generate(
      long seed, int count, double phi, double sigma, Duration length) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Bar> bars = new ArrayList<>(count);
    Instant ts = Instant.parse("2012-01-03T14:30:00Z");
    double close = 100.0;
    double previousReturn = 0.0;
    for (int i = 0; i < count; i++) {
      double r = phi * previousReturn + sigma * gaussian(random);
      double open = close;
      close = open * Math.exp(r);
      double high = Math.max(open, close) * (1 + Math.abs(gaussian(random)) * sigma * 0.5);
      double low = Math.min(open, close) * (1 - Math.abs(gaussian(random)) * sigma * 0.5);
      double volume = 1_000_000 * Math.exp(0.3 * gaussian(random));
      bars.add(new Bar(ts, open, high, low, close, volume));
      previousReturn = r;
      ts = next(ts, length);
    }
    return bars;
  }

  /**
   * The bars with a deterministic drift added to their log returns: bar i's prices are multiplied
   * by exp(drift(1) + … + drift(i)), so OHLC invariants still hold.
   */
  public static List<Bar> withDrift(List<Bar> bars, java.util.function.IntToDoubleFunction drift) {
    List<Bar> out = new ArrayList<>(bars.size());
    double logFactor = 0;
    for (int i = 0; i < bars.size(); i++) {
      logFactor += i == 0 ? 0 : drift.applyAsDouble(i);
      double f = Math.exp(logFactor);
      Bar b = bars.get(i);
      out.add(new Bar(b.ts(), b.open() * f, b.high() * f, b.low() * f, b.close() * f, b.volume()));
    }
    return out;
  }

  /** Weekly bars aggregated by ISO week (open = first day's open, ts = first day's ts). */
  public static List<Bar> weekly(List<Bar> daily) {
    List<Bar> out = new ArrayList<>();
    int i = 0;
    while (i < daily.size()) {
      Bar first = daily.get(i);
      long week = weekKey(first.ts());
      double high = first.high();
      double low = first.low();
      double volume = 0;
      Bar last = first;
      while (i < daily.size() && weekKey(daily.get(i).ts()) == week) {
        last = daily.get(i);
        high = Math.max(high, last.high());
        low = Math.min(low, last.low());
        volume += last.volume();
        i++;
      }
      out.add(new Bar(first.ts(), first.open(), high, low, last.close(), volume));
    }
    return out;
  }

  private static long weekKey(Instant ts) {
    java.time.ZonedDateTime z = ts.atZone(ZoneOffset.UTC);
    return z.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) * 100L
        + z.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  /** Features and labels of daily bars with their weekly context, default settings. */
  public static LabelledMatrix dailyMatrix(List<Bar> daily) {
    return LabelledMatrix.of(
        daily,
        dev.swiftbolt.market.Timeframe.D1,
        ContextSeries.of(weekly(daily), dev.swiftbolt.market.Timeframe.W1),
        new FeatureBuilder(),
        new Labeler(LabelConfig.defaults()));
  }

  static Instant next(Instant ts, Duration length) {
    if (!length.equals(Duration.ofDays(1))) {
      return ts.plus(length);
    }
    Instant next = ts.plus(length);
    while (next.atZone(ZoneOffset.UTC).getDayOfWeek() == DayOfWeek.SATURDAY
        || next.atZone(ZoneOffset.UTC).getDayOfWeek() == DayOfWeek.SUNDAY) {
      next = next.plus(length);
    }
    return next;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
