package dev.swiftbolt.ml.features;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.features.internal.Indicators;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds the feature matrix of one symbol × timeframe from its bars (ordered by time, oldest first)
 * and its higher-timeframe {@link ContextSeries}.
 *
 * <p>Timing contract: the features of the row for bar t use only bars 0..t of the series and
 * context bars final at or before bar t's close (its open time plus the timeframe's nominal
 * length). Changing any later bar never changes an earlier row.
 *
 * <p>Warm-up: a row exists for bar t only when t ≥ {@value #WARMUP_BARS} (the 50-bar moving average
 * is full and the 12/26/9 MACD and 14-bar Wilder averages have forgotten their seed to about 1 %)
 * and at least {@value #CONTEXT_WARMUP} context bars are final at t's close. Both conditions are
 * monotone in t, so the dropped rows are a prefix.
 *
 * <p>Indicator definitions are ta4j 0.17's (RSI, MACD, Bollinger, ATR, SMA, EMA, standard
 * deviation), computed over primitive arrays by {@link Indicators}. Stateless and thread-safe.
 */
public final class FeatureBuilder {

  /** Bars of the series needed before the first row. */
  public static final int WARMUP_BARS = 60;

  /** Final context bars needed before the first row. */
  public static final int CONTEXT_WARMUP = 20;

  /** Feature names, in column order. */
  public static final List<String> FEATURE_NAMES =
      List.of(
          "log_return_1",
          "log_return_5",
          "log_return_10",
          "log_return_20",
          "rsi_14",
          "macd_histogram_12_26_9_over_close",
          "bollinger_percent_b_20_2",
          "bollinger_width_20_2",
          "atr_14_over_close",
          "volume_zscore_20",
          "close_over_sma_20",
          "close_over_sma_50",
          "sma_20_over_sma_50",
          "realized_volatility_20",
          "realized_volatility_5_over_20",
          "context_log_return_1",
          "context_rsi_14",
          "context_close_over_sma_10",
          "close_over_context_close");

  /** Builds the matrix; the result may have zero rows when the series is shorter than warm-up. */
  public FeatureMatrix build(List<Bar> bars, Timeframe timeframe, ContextSeries context) {
    Objects.requireNonNull(bars, "bars");
    return build(BarColumns.of(bars), timeframe, context);
  }

  /** Like {@link #build(List, Timeframe, ContextSeries)} over primitive columns. */
  public FeatureMatrix build(BarColumns bars, Timeframe timeframe, ContextSeries context) {
    Objects.requireNonNull(bars, "bars");
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(context, "context");
    int n = bars.size();
    double[] high = bars.high();
    double[] low = bars.low();
    double[] close = bars.close();
    double[] volume = bars.volume();
    long length = timeframe.nominalLength().getSeconds();
    long[] closeTime = new long[n];
    for (int i = 0; i < n; i++) {
      closeTime[i] = bars.ts()[i] + length;
    }
    int[] contextIndex = lastFinalContextBar(closeTime, context);
    int first = firstRow(n, contextIndex);
    int rows = Math.max(0, n - first);
    double[][] columns = new double[FEATURE_NAMES.size()][];
    if (rows == 0) {
      Arrays.setAll(columns, f -> new double[0]);
      return new FeatureMatrix(FEATURE_NAMES, columns, Math.min(first, n), 0);
    }
    double[] ret = Indicators.logReturns(close);
    columns[0] = slice(ret, first, n);
    columns[1] = lagReturn(close, 5, first, n);
    columns[2] = lagReturn(close, 10, first, n);
    columns[3] = lagReturn(close, 20, first, n);
    columns[4] = slice(Indicators.rsi(close, 14), first, n);
    columns[5] = divide(Indicators.macdHistogram(close, 12, 26, 9), close, first, n);
    double[] sma20 = Indicators.sma(close, 20);
    double[] sd20 = Indicators.standardDeviation(close, sma20, 20);
    columns[6] = percentB(close, sma20, sd20, first, n);
    columns[7] = bandWidth(sma20, sd20, first, n);
    double[] atr = Indicators.mma(Indicators.trueRange(high, low, close), 14);
    columns[8] = divide(atr, close, first, n);
    columns[9] = zScore(volume, 20, first, n);
    double[] sma50 = Indicators.sma(close, 50);
    columns[10] = ratioMinusOne(close, sma20, first, n);
    columns[11] = ratioMinusOne(close, sma50, first, n);
    columns[12] = ratioMinusOne(sma20, sma50, first, n);
    double[] vol20 = Indicators.standardDeviation(ret, Indicators.sma(ret, 20), 20);
    double[] vol5 = Indicators.standardDeviation(ret, Indicators.sma(ret, 5), 5);
    columns[13] = slice(vol20, first, n);
    columns[14] = ratio(vol5, vol20, first, n);
    contextColumns(columns, close, context, contextIndex, first, n);
    return new FeatureMatrix(FEATURE_NAMES, columns, first, rows);
  }

  /** For each bar, the index of the last context bar final at its close, or −1. */
  private static int[] lastFinalContextBar(long[] closeTime, ContextSeries context) {
    int[] out = new int[closeTime.length];
    int j = -1;
    for (int i = 0; i < closeTime.length; i++) {
      while (j + 1 < context.size() && context.finalAt(j + 1) <= closeTime[i]) {
        j++;
      }
      out[i] = j;
    }
    return out;
  }

  private static int firstRow(int n, int[] contextIndex) {
    int first = WARMUP_BARS;
    while (first < n && contextIndex[first] < CONTEXT_WARMUP - 1) {
      first++;
    }
    return first;
  }

  private static void contextColumns(
      double[][] columns,
      double[] close,
      ContextSeries context,
      int[] contextIndex,
      int first,
      int n) {
    double[] cc = context.closes();
    double[] rsi = Indicators.rsi(cc, 14);
    double[] sma10 = Indicators.sma(cc, 10);
    int rows = n - first;
    double[] ret = new double[rows];
    double[] rsiOut = new double[rows];
    double[] trend = new double[rows];
    double[] position = new double[rows];
    for (int r = 0; r < rows; r++) {
      int j = contextIndex[first + r];
      ret[r] = Math.log(cc[j] / cc[j - 1]);
      rsiOut[r] = rsi[j];
      trend[r] = cc[j] / sma10[j] - 1;
      position[r] = Math.log(close[first + r] / cc[j]);
    }
    columns[15] = ret;
    columns[16] = rsiOut;
    columns[17] = trend;
    columns[18] = position;
  }

  private static double[] slice(double[] x, int first, int n) {
    return Arrays.copyOfRange(x, first, n);
  }

  private static double[] lagReturn(double[] close, int lag, int first, int n) {
    double[] out = new double[n - first];
    for (int i = first; i < n; i++) {
      out[i - first] = Math.log(close[i] / close[i - lag]);
    }
    return out;
  }

  private static double[] divide(double[] x, double[] by, int first, int n) {
    double[] out = new double[n - first];
    for (int i = first; i < n; i++) {
      out[i - first] = x[i] / by[i];
    }
    return out;
  }

  private static double[] ratio(double[] x, double[] by, int first, int n) {
    double[] out = new double[n - first];
    for (int i = first; i < n; i++) {
      out[i - first] = by[i] == 0 ? 1.0 : x[i] / by[i];
    }
    return out;
  }

  private static double[] ratioMinusOne(double[] x, double[] by, int first, int n) {
    double[] out = new double[n - first];
    for (int i = first; i < n; i++) {
      out[i - first] = x[i] / by[i] - 1;
    }
    return out;
  }

  /** Bollinger %B with k = 2; 0.5 (the middle band) when the bands have collapsed. */
  private static double[] percentB(double[] close, double[] mid, double[] sd, int first, int n) {
    double[] out = new double[n - first];
    for (int i = first; i < n; i++) {
      double lower = mid[i] - 2 * sd[i];
      double upper = mid[i] + 2 * sd[i];
      out[i - first] = upper == lower ? 0.5 : (close[i] - lower) / (upper - lower);
    }
    return out;
  }

  /** ta4j's Bollinger band width: (upper − lower) / middle × 100. */
  private static double[] bandWidth(double[] mid, double[] sd, int first, int n) {
    double[] out = new double[n - first];
    for (int i = first; i < n; i++) {
      double upper = mid[i] + 2 * sd[i];
      double lower = mid[i] - 2 * sd[i];
      out[i - first] = (upper - lower) / mid[i] * 100;
    }
    return out;
  }

  /** (x − SMA20) / population SD20; 0 when the window is constant. */
  private static double[] zScore(double[] x, int window, int first, int n) {
    double[] sma = Indicators.sma(x, window);
    double[] sd = Indicators.standardDeviation(x, sma, window);
    double[] out = new double[n - first];
    for (int i = first; i < n; i++) {
      out[i - first] = sd[i] == 0 ? 0 : (x[i] - sma[i]) / sd[i];
    }
    return out;
  }
}
