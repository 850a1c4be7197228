package dev.swiftbolt.ml.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelerTest {
  private static final double A = 0.01;
  private final Labeler labeler = new Labeler(LabelConfig.defaults());

  /**
   * 21 closes whose 20 one-bar log returns alternate +A, −A (σ = A exactly), then bar 20 is
   * followed by five bars ending at close[20]·exp(target).
   */
  private static double[] series(double target) {
    double[] close = new double[26];
    close[0] = 100;
    for (int i = 1; i <= 20; i++) {
      close[i] = close[i - 1] * Math.exp(i % 2 == 1 ? A : -A);
    }
    for (int i = 21; i <= 25; i++) {
      close[i] = close[20] * Math.exp(target * (i - 20) / 5.0);
    }
    return close;
  }

  // band at bar 20 = k · σ · √h = 0.43 · 0.01 · √5
  private static final double BAND = 0.43 * 0.01 * Math.sqrt(5);

  @Test
  void band_is_k_times_realised_volatility_times_root_horizon() {
    Labels labels = labeler.label(series(0), 5);
    assertThat(labels.band(20)).isCloseTo(BAND, within(1e-12));
  }

  @Test
  void forward_return_just_above_the_band_is_bullish() {
    assertThat(labeler.label(series(BAND + 1e-9), 5).direction(20)).contains(Direction.BULLISH);
  }

  @Test
  void forward_return_just_inside_the_band_is_neutral() {
    assertThat(labeler.label(series(BAND - 1e-9), 5).direction(20)).contains(Direction.NEUTRAL);
    assertThat(labeler.label(series(-BAND + 1e-9), 5).direction(20)).contains(Direction.NEUTRAL);
  }

  @Test
  void forward_return_just_below_minus_the_band_is_bearish() {
    assertThat(labeler.label(series(-BAND - 1e-9), 5).direction(20)).contains(Direction.BEARISH);
  }

  @Test
  void a_return_exactly_on_the_band_is_neutral() {
    assertThat(Labeler.classify(0.02, 0.02)).isEqualTo(Direction.NEUTRAL);
    assertThat(Labeler.classify(-0.02, 0.02)).isEqualTo(Direction.NEUTRAL);
  }

  @Test
  void the_last_horizon_bars_and_the_volatility_warm_up_are_unlabelled() {
    Labels labels = labeler.label(series(0), 5);
    assertThat(labels.isLabelled(19)).as("needs 20 returns").isFalse();
    assertThat(labels.isLabelled(20)).isTrue();
    // 26 bars, h = 5: bar 20 has bar 25; bar 21 would need bar 26
    assertThat(labels.isLabelled(21)).isFalse();
    assertThat(labels.forwardReturn(21)).isNaN();
  }

  @Test
  void default_horizons_are_documented_values() {
    LabelConfig c = LabelConfig.defaults();
    assertThat(
            Map.of(
                Timeframe.M15, c.horizon(Timeframe.M15),
                Timeframe.H1, c.horizon(Timeframe.H1),
                Timeframe.H4, c.horizon(Timeframe.H4),
                Timeframe.D1, c.horizon(Timeframe.D1),
                Timeframe.W1, c.horizon(Timeframe.W1)))
        .isEqualTo(
            Map.of(
                Timeframe.M15,
                16,
                Timeframe.H1,
                8,
                Timeframe.H4,
                6,
                Timeframe.D1,
                5,
                Timeframe.W1,
                4));
  }

  @Test
  void bad_configuration_is_refused_naming_the_option() {
    assertThatThrownBy(() -> LabelConfig.defaults().withHorizon(Timeframe.H1, 0))
        .hasMessageContaining("horizons.H1");
    assertThatThrownBy(() -> new LabelConfig(LabelConfig.defaults().horizons(), -1, 20))
        .hasMessageContaining("bandMultiplier");
  }
}
