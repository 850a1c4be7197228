package dev.swiftbolt.ml.features.internal;

/**
 * Technical indicators over primitive arrays, reproducing ta4j 0.17's definitions value for value
 * (checked against ta4j in {@code FeatureBuilderTest}): every output array has the input's length
 * and index {@code i} depends only on inputs {@code 0..i}. ta4j itself allocates one object per
 * cell and was measured too slow for the feature-matrix target; see
 * docs/decisions/0005-ml-indicators-on-primitive-arrays.md.
 *
 * <p>Stateless and thread-safe.
 */
public final class Indicators {

  private Indicators() {}

  /** ta4j {@code EMAIndicator}: seeded with the first value, multiplier 2 / (n + 1). */
  public static double[] ema(double[] x, int n) {
    return exponential(x, 2.0 / (n + 1));
  }

  /** ta4j {@code MMAIndicator} (Wilder's smoothing): seeded with the first value, 1 / n. */
  public static double[] mma(double[] x, int n) {
    return exponential(x, 1.0 / n);
  }

  private static double[] exponential(double[] x, double multiplier) {
    double[] out = new double[x.length];
    if (x.length == 0) {
      return out;
    }
    out[0] = x[0];
    for (int i = 1; i < x.length; i++) {
      out[i] = (x[i] - out[i - 1]) * multiplier + out[i - 1];
    }
    return out;
  }

  /** ta4j {@code SMAIndicator}: mean of the last n values, fewer at the start of the series. */
  public static double[] sma(double[] x, int n) {
    double[] out = new double[x.length];
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i];
      if (i >= n) {
        sum -= x[i - n];
      }
      out[i] = sum / Math.min(n, i + 1);
    }
    return out;
  }

  /**
   * ta4j {@code StandardDeviationIndicator}: population standard deviation of the last n values
   * around their {@link #sma} (fewer at the start), computed in two passes for accuracy.
   */
  public static double[] standardDeviation(double[] x, double[] sma, int n) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int start = Math.max(0, i - n + 1);
      double mean = sma[i];
      double sum = 0;
      for (int j = start; j <= i; j++) {
        double d = x[j] - mean;
        sum += d * d;
      }
      out[i] = Math.sqrt(sum / (i - start + 1));
    }
    return out;
  }

  /**
   * ta4j {@code RSIIndicator}: Wilder-smoothed gains over Wilder-smoothed losses, 0 when both are
   * zero, 100 when only losses are.
   */
  public static double[] rsi(double[] close, int n) {
    int len = close.length;
    double[] gain = new double[len];
    double[] loss = new double[len];
    for (int i = 1; i < len; i++) {
      double change = close[i] - close[i - 1];
      gain[i] = change > 0 ? change : 0;
      loss[i] = change < 0 ? -change : 0;
    }
    double[] avgGain = mma(gain, n);
    double[] avgLoss = mma(loss, n);
    double[] out = new double[len];
    for (int i = 0; i < len; i++) {
      if (avgLoss[i] == 0) {
        out[i] = avgGain[i] == 0 ? 0 : 100;
      } else {
        double rs = avgGain[i] / avgLoss[i];
        out[i] = 100 - 100 / (1 + rs);
      }
    }
    return out;
  }

  /** ta4j {@code TRIndicator}: max(high − low, |high − previous close|, |previous close − low|). */
  public static double[] trueRange(double[] high, double[] low, double[] close) {
    double[] out = new double[close.length];
    for (int i = 0; i < close.length; i++) {
      double range = Math.abs(high[i] - low[i]);
      double up = i == 0 ? 0 : Math.abs(high[i] - close[i - 1]);
      double down = i == 0 ? 0 : Math.abs(close[i - 1] - low[i]);
      out[i] = Math.max(range, Math.max(up, down));
    }
    return out;
  }

  /** ta4j {@code MACDIndicator(close, shortN, longN).getHistogram(signalN)}. */
  public static double[] macdHistogram(double[] close, int shortN, int longN, int signalN) {
    double[] shortEma = ema(close, shortN);
    double[] longEma = ema(close, longN);
    double[] macd = new double[close.length];
    for (int i = 0; i < close.length; i++) {
      macd[i] = shortEma[i] - longEma[i];
    }
    double[] signal = ema(macd, signalN);
    for (int i = 0; i < close.length; i++) {
      macd[i] -= signal[i];
    }
    return macd;
  }

  /** One-bar log returns; index 0 is 0 (there is no previous close). */
  public static double[] logReturns(double[] close) {
    double[] out = new double[close.length];
    for (int i = 1; i < close.length; i++) {
      out[i] = Math.log(close[i] / close[i - 1]);
    }
    return out;
  }
}
