package dev.swiftbolt.ml.features;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.features.internal.Indicators;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Labels bars by their forward log return against a volatility-scaled neutral band.
 *
 * <p>For bar t with horizon h: r = ln(close[t+h] / close[t]); band = k × σ_t × √h with σ_t the
 * population SD of the one-bar log returns of bars t−w+1..t. r &gt; band is BULLISH, r &lt; −band
 * BEARISH, anything in [−band, band] NEUTRAL. Bar t is unlabelled when t + h is past the last bar
 * or t &lt; w (not enough returns for σ). Stateless and thread-safe.
 */
public final class Labeler {
  private final LabelConfig config;

  public Labeler(LabelConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public LabelConfig config() {
    return config;
  }

  public Labels label(List<Bar> bars, Timeframe timeframe) {
    int n = bars.size();
    double[] close = new double[n];
    for (int i = 0; i < n; i++) {
      close[i] = bars.get(i).close();
    }
    return label(close, config.horizon(timeframe));
  }

  /** Labels a series given as columns. */
  public Labels label(BarColumns bars, Timeframe timeframe) {
    return label(bars.close(), config.horizon(timeframe));
  }

  public Labels label(double[] close, int horizon) {
    int n = close.length;
    int w = config.volatilityWindow();
    double[] ret = Indicators.logReturns(close);
    double[] sigma = Indicators.standardDeviation(ret, Indicators.sma(ret, w), w);
    int[] codes = new int[n];
    double[] forward = new double[n];
    double[] band = new double[n];
    Arrays.fill(codes, Labels.NONE);
    Arrays.fill(forward, Double.NaN);
    Arrays.fill(band, Double.NaN);
    double sqrtH = Math.sqrt(horizon);
    for (int t = w; t + horizon < n; t++) {
      double r = Math.log(close[t + horizon] / close[t]);
      double b = config.bandMultiplier() * sigma[t] * sqrtH;
      forward[t] = r;
      band[t] = b;
      codes[t] = classify(r, b).ordinal();
    }
    return new Labels(codes, forward, band, horizon);
  }

  /** The direction of a forward return against a band half-width (the band itself is NEUTRAL). */
  public static Direction classify(double forwardReturn, double band) {
    if (forwardReturn > band) {
      return Direction.BULLISH;
    }
    if (forwardReturn < -band) {
      return Direction.BEARISH;
    }
    return Direction.NEUTRAL;
  }
}
