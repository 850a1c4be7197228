package dev.swiftbolt.marketdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated session of M15 bars pinned to a given open and close.
 *
 * <p>Log-price shocks follow a U-shaped volatility profile (weights 1 + 0.8·x², x from −1 at the
 * open to +1 at the close) and an AR(1) with coefficient {@code phi}; the path is then pinned to
 * the day's close Brownian-bridge style (the miss is spread in proportion to cumulative variance),
 * and the last bar closes exactly at {@code close}. Each bar's high and low extend max/min(open,
 * close) by half-normal excursions of 0.3 slot standard deviations; volume is U-shaped, grows with
 * the bar's absolute move and has log-normal noise (mean 1). Prices are rounded to 0.0001, volumes
 * to whole shares. Pure function of its arguments and the random stream.
 */
final class IntradayPath {

  private IntradayPath() {}

  /**
   * The bars opening at {@code opens} (at least two), from {@code open} to {@code close}.
   *
   * @param dayScale standard deviation of the whole session's log return
   * @param baseVolume mean shares per bar at the weight-1 middle of the session
   * @param phi AR(1) coefficient of the shocks, in [0, 1)
   */
  public static List<Bar> generate(
      List<Instant> opens,
      double open,
      double close,
      double dayScale,
      double baseVolume,
      double phi,
      SplittableRandom random) {
    int n = opens.size();
    double[] weight = weights(n);
    double norm = 0;
    for (double w : weight) {
      norm += w * w;
    }
    double[] level = new double[n + 1];
    double[] cumulativeVariance = new double[n + 1];
    double z = 0;
    for (int i = 0; i < n; i++) {
      z = phi * z + random.nextGaussian();
      level[i + 1] = level[i] + dayScale * weight[i] / Math.sqrt(norm) * z;
      cumulativeVariance[i + 1] = cumulativeVariance[i] + weight[i] * weight[i];
    }
    double miss = level[n] - Math.log(close / open);
    List<Bar> bars = new ArrayList<>(n);
    double previous = open;
    for (int i = 0; i < n; i++) {
      double pinned = level[i + 1] - cumulativeVariance[i + 1] / cumulativeVariance[n] * miss;
      double barClose = i == n - 1 ? close : round(open * Math.exp(pinned));
      double slotScale = dayScale * weight[i] / Math.sqrt(norm);
      bars.add(bar(opens.get(i), previous, barClose, slotScale, baseVolume * weight[i], random));
      previous = barClose;
    }
    return bars;
  }

  private static double[] weights(int n) {
    double[] weight = new double[n];
    double centre = (n - 1) / 2.0;
    for (int i = 0; i < n; i++) {
      double x = (i - centre) / centre;
      weight[i] = 1 + 0.8 * x * x;
    }
    return weight;
  }

  private static Bar bar(
      Instant ts,
      double open,
      double close,
      double slotScale,
      double meanVolume,
      SplittableRandom random) {
    double top = Math.max(open, close);
    double bottom = Math.min(open, close);
    double high = round(top * Math.exp(0.3 * slotScale * Math.abs(random.nextGaussian())));
    double low = round(bottom * Math.exp(-0.3 * slotScale * Math.abs(random.nextGaussian())));
    double move = Math.abs(Math.log(close / open));
    double volume =
        Math.rint(meanVolume * (1 + 20 * move) * Math.exp(0.3 * random.nextGaussian() - 0.045));
    return new Bar(ts, open, Math.max(high, top), Math.min(low, bottom), close, volume);
  }

  /** Rounds a price to 0.0001, never below 0.0001. */
  public static double round(double price) {
    return Math.max(0.0001, Math.rint(price * 10_000) / 10_000);
  }
}
