package dev.swiftbolt.ml.features;

import dev.swiftbolt.market.Timeframe;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How bars are labelled.
 *
 * <ul>
 *   <li>{@code horizons}: forward bars per timeframe. Defaults M15 16 (4 h), H1 8, H4 6, D1 5 (a
 *       trading week), W1 4 (about a month).
 *   <li>{@code bandMultiplier} k: the neutral band is ±k × σ × √h, σ being the realised volatility
 *       (population SD of the last {@code volatilityWindow} one-bar log returns at the row). The
 *       default 0.43 splits a driftless Gaussian random walk into thirds (P(|Z| &lt; 0.43) ≈
 *       0.333), so no class is favoured by construction.
 *   <li>{@code volatilityWindow}: default 20 bars.
 * </ul>
 */
public record LabelConfig(
    Map<Timeframe, Integer> horizons, double bandMultiplier, int volatilityWindow) {

  public static final double DEFAULT_BAND_MULTIPLIER = 0.43;
  public static final int DEFAULT_VOLATILITY_WINDOW = 20;

  /**
   * @throws IllegalArgumentException naming the option that is missing or out of range
   */
  public LabelConfig {
    Objects.requireNonNull(horizons, "horizons");
    EnumMap<Timeframe, Integer> copy = new EnumMap<>(Timeframe.class);
    for (Timeframe tf : Timeframe.values()) {
      Integer h = horizons.get(tf);
      if (h == null || h < 1) {
        throw new IllegalArgumentException("horizons." + tf + " must be at least 1 bar, got " + h);
      }
      copy.put(tf, h);
    }
    horizons = Map.copyOf(copy);
    if (!(bandMultiplier >= 0) || !Double.isFinite(bandMultiplier)) {
      throw new IllegalArgumentException(
          "bandMultiplier must be a finite number ≥ 0, got " + bandMultiplier);
    }
    if (volatilityWindow < 2) {
      throw new IllegalArgumentException(
          "volatilityWindow must be at least 2 bars, got " + volatilityWindow);
    }
  }

  /** The documented defaults. */
  public static LabelConfig defaults() {
    return new LabelConfig(
        Map.of(
            Timeframe.M15, 16,
            Timeframe.H1, 8,
            Timeframe.H4, 6,
            Timeframe.D1, 5,
            Timeframe.W1, 4),
        DEFAULT_BAND_MULTIPLIER,
        DEFAULT_VOLATILITY_WINDOW);
  }

  public int horizon(Timeframe timeframe) {
    return horizons.get(timeframe);
  }

  /** A copy with a different horizon for one timeframe. */
  public LabelConfig withHorizon(Timeframe timeframe, int bars) {
    EnumMap<Timeframe, Integer> copy = new EnumMap<>(horizons);
    copy.put(timeframe, bars);
    return new LabelConfig(copy, bandMultiplier, volatilityWindow);
  }
}
