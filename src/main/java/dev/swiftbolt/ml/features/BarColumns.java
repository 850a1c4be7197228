package dev.swiftbolt.ml.features;

import dev.swiftbolt.marketdata.Bar;
import java.util.List;
import java.util.Objects;

/**
 * One series of bars as primitive columns (open time in epoch seconds, OHLCV), oldest first: the
 * allocation-free form the feature builder and bulk reads work on. Arrays are not copied; callers
 * must not modify them after construction.
 */
public record BarColumns(
    long[] ts, double[] open, double[] high, double[] low, double[] close, double[] volume) {

  /**
   * @throws IllegalArgumentException when the columns differ in length
   */
  public BarColumns {
    Objects.requireNonNull(ts, "ts");
    int n = ts.length;
    if (open.length != n
        || high.length != n
        || low.length != n
        || close.length != n
        || volume.length != n) {
      throw new IllegalArgumentException("all bar columns must have " + n + " values");
    }
  }

  public static BarColumns of(List<Bar> bars) {
    int n = bars.size();
    long[] ts = new long[n];
    double[] open = new double[n];
    double[] high = new double[n];
    double[] low = new double[n];
    double[] close = new double[n];
    double[] volume = new double[n];
    for (int i = 0; i < n; i++) {
      Bar b = bars.get(i);
      ts[i] = b.ts().getEpochSecond();
      open[i] = b.open();
      high[i] = b.high();
      low[i] = b.low();
      close[i] = b.close();
      volume[i] = b.volume();
    }
    return new BarColumns(ts, open, high, low, close, volume);
  }

  public int size() {
    return ts.length;
  }
}
