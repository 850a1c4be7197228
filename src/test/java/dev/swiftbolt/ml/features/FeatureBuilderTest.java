package dev.swiftbolt.ml.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.SyntheticBars;
import dev.swiftbolt.ml.Ta4jFeatureReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FeatureBuilderTest {
  private final FeatureBuilder builder = new FeatureBuilder();
  private final List<Bar> daily = SyntheticBars.randomWalk(7, 600);
  private final FeatureMatrix matrix =
      builder.build(
          daily, Timeframe.D1, ContextSeries.of(SyntheticBars.weekly(daily), Timeframe.W1));

  @Test
  void has_at_least_fourteen_named_features() {
    assertThat(matrix.featureCount()).isGreaterThanOrEqualTo(14).isEqualTo(matrix.names().size());
    assertThat(matrix.names()).doesNotHaveDuplicates();
  }

  @Test
  void indicator_features_equal_ta4j_0_17_values() {
    Ta4jFeatureReference.Columns ta4j =
        Ta4jFeatureReference.compute(daily, Timeframe.D1.nominalLength());
    Offset<Double> tight = within(1e-9);
    for (int r = 0; r < matrix.rows(); r++) {
      int i = matrix.barIndex(r);
      double close = daily.get(i).close();
      assertThat(col("rsi_14", r)).isCloseTo(ta4j.rsi14()[i], tight);
      assertThat(col("macd_histogram_12_26_9_over_close", r))
          .isCloseTo(ta4j.macdHist()[i] / close, tight);
      assertThat(col("bollinger_percent_b_20_2", r)).isCloseTo(ta4j.percentB()[i], within(1e-7));
      assertThat(col("bollinger_width_20_2", r)).isCloseTo(ta4j.bandWidth()[i], within(1e-7));
      assertThat(col("atr_14_over_close", r)).isCloseTo(ta4j.atr14()[i] / close, tight);
      double z = (daily.get(i).volume() - ta4j.volumeSma20()[i]) / ta4j.volumeSd20()[i];
      assertThat(col("volume_zscore_20", r)).isCloseTo(z, within(1e-7));
      assertThat(col("close_over_sma_20", r)).isCloseTo(close / ta4j.closeSma20()[i] - 1, tight);
      assertThat(col("close_over_sma_50", r)).isCloseTo(close / ta4j.closeSma50()[i] - 1, tight);
      assertThat(col("sma_20_over_sma_50", r))
          .isCloseTo(ta4j.closeSma20()[i] / ta4j.closeSma50()[i] - 1, tight);
    }
  }

  @Test
  void returns_and_volatility_match_a_hand_calculation() {
    int r = 100;
    int i = matrix.barIndex(r);
    double lr5 = Math.log(daily.get(i).close() / daily.get(i - 5).close());
    assertThat(col("log_return_5", r)).isCloseTo(lr5, within(1e-12));
    double[] ret = new double[20];
    double mean = 0;
    for (int k = 0; k < 20; k++) {
      ret[k] = Math.log(daily.get(i - k).close() / daily.get(i - k - 1).close());
      mean += ret[k] / 20;
    }
    double var = 0;
    for (double x : ret) {
      var += (x - mean) * (x - mean) / 20;
    }
    assertThat(col("realized_volatility_20", r)).isCloseTo(Math.sqrt(var), within(1e-12));
  }

  @Test
  void warm_up_drops_the_first_sixty_bars_when_context_is_ready() {
    List<Bar> bars = SyntheticBars.randomWalk(3, 200);
    // context made of 30 blocks of one bar: block j is final when bar j closes
    FeatureMatrix m =
        builder.build(bars, Timeframe.D1, ContextSeries.blocksOf(bars, Timeframe.D1, 1));
    assertThat(m.firstBarIndex()).isEqualTo(60);
    assertThat(m.rows()).isEqualTo(200 - 60);
  }

  @Test
  void a_series_shorter_than_warm_up_has_no_rows() {
    List<Bar> bars = SyntheticBars.randomWalk(3, 59);
    FeatureMatrix m =
        builder.build(bars, Timeframe.D1, ContextSeries.blocksOf(bars, Timeframe.D1, 1));
    assertThat(m.rows()).isZero();
  }

  @Test
  void changing_a_future_bar_never_changes_a_past_feature() {
    for (int changed : new int[] {150, 151, 400, 599}) {
      List<Bar> altered = new ArrayList<>(daily);
      Bar b = altered.get(changed);
      altered.set(
          changed,
          new Bar(
              b.ts(), b.open(), b.high() * 1.5, b.low() * 0.5, b.close() * 1.3, b.volume() * 9));
      FeatureMatrix m =
          builder.build(
              altered, Timeframe.D1, ContextSeries.of(SyntheticBars.weekly(altered), Timeframe.W1));
      int rowsBefore = matrix.rowOfBar(changed);
      for (int r = 0; r < rowsBefore; r++) {
        assertThat(m.row(r)).as("row of bar %d", m.barIndex(r)).containsExactly(matrix.row(r));
      }
      assertThat(m.row(rowsBefore)).isNotEqualTo(matrix.row(rowsBefore));
    }
  }

  @Test
  void a_context_bar_is_used_from_the_row_at_whose_close_it_is_final_and_not_before() {
    // D1 rows close at ts + 1 day; an H4-like context with 20 warm-up bars final long before,
    // then one bar final exactly at row 100's close (just inside) and one a second later.
    List<Bar> bars = SyntheticBars.randomWalk(5, 120);
    Instant row100Close = bars.get(100).ts().plus(Duration.ofDays(1));
    List<Bar> context = new ArrayList<>();
    for (int j = 0; j < 20; j++) {
      context.add(new Bar(bars.get(j).ts(), 10, 10, 10, 10 + j, 1));
    }
    Duration w1 = Timeframe.W1.nominalLength();
    context.add(new Bar(row100Close.minus(w1), 50, 50, 50, 50, 1));
    context.add(new Bar(row100Close.minus(w1).plusSeconds(1), 70, 70, 70, 70, 1));
    FeatureMatrix m = builder.build(bars, Timeframe.D1, ContextSeries.of(context, Timeframe.W1));
    int pos = m.names().indexOf("close_over_context_close");
    assertThat(m.value(m.rowOfBar(99), pos)).isEqualTo(Math.log(bars.get(99).close() / 29));
    assertThat(m.value(m.rowOfBar(100), pos)).isEqualTo(Math.log(bars.get(100).close() / 50));
    assertThat(m.value(m.rowOfBar(101), pos)).isEqualTo(Math.log(bars.get(101).close() / 70));
  }

  private double col(String name, int row) {
    return matrix.value(row, matrix.names().indexOf(name));
  }
}
