package dev.swiftbolt.ml;

import dev.swiftbolt.marketdata.Bar;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The ta4j 0.17 indicators behind the base-timeframe features, computed the plain ta4j way
 * (BaseBarSeries of DoubleNum, cached indicators). It is the oracle for {@link FeatureBuilder}'s
 * primitive-array implementation and the "before" figure in the feature benchmark.
 */
public final class Ta4jFeatureReference {

  /** Column values per bar index: rsi14, macdHist, percentB, bbWidth, atr14, volSma20, volSd20. */
  public record Columns(
      double[] rsi14,
      double[] macdHist,
      double[] percentB,
      double[] bandWidth,
      double[] atr14,
      double[] volumeSma20,
      double[] volumeSd20,
      double[] closeSma20,
      double[] closeSma50) {}

  private Ta4jFeatureReference() {}

  static BarSeries series(List<Bar> bars, Duration length) {
    BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
    for (Bar b : bars) {
      series.addBar(
          new BaseBar(
              length,
              b.ts().plus(length).atZone(ZoneOffset.UTC),
              b.open(),
              b.high(),
              b.low(),
              b.close(),
              b.volume(),
              0.0,
              0L,
              DoubleNum::valueOf));
    }
    return series;
  }

  public static Columns compute(List<Bar> bars, Duration length) {
    BarSeries series = series(bars, length);
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    RSIIndicator rsi = new RSIIndicator(close, 14);
    NumericIndicator hist = new MACDIndicator(close, 12, 26).getHistogram(9);
    PercentBIndicator pctB = new PercentBIndicator(close, 20, 2.0);
    SMAIndicator sma20 = new SMAIndicator(close, 20);
    SMAIndicator sma50 = new SMAIndicator(close, 50);
    StandardDeviationIndicator sd20 = new StandardDeviationIndicator(close, 20);
    BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(sma20);
    Num two = DoubleNum.valueOf(2);
    BollingerBandWidthIndicator width =
        new BollingerBandWidthIndicator(
            new BollingerBandsUpperIndicator(mid, sd20, two),
            mid,
            new BollingerBandsLowerIndicator(mid, sd20, two));
    ATRIndicator atr = new ATRIndicator(series, 14);
    VolumeIndicator volume = new VolumeIndicator(series);
    SMAIndicator volSma = new SMAIndicator(volume, 20);
    StandardDeviationIndicator volSd = new StandardDeviationIndicator(volume, 20);
    int n = series.getBarCount();
    return new Columns(
        values(rsi, n),
        values(hist, n),
        values(pctB, n),
        values(width, n),
        values(atr, n),
        values(volSma, n),
        values(volSd, n),
        values(sma20, n),
        values(sma50, n));
  }

  private static double[] values(Indicator<Num> indicator, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = indicator.getValue(i).doubleValue();
    }
    return out;
  }
}
