package dev.swiftbolt.ml.features;

import dev.swiftbolt.market.Direction;
import java.util.Arrays;
import java.util.Optional;

/**
 * The labels of one series, indexed by bar: the realised direction over the next {@link #horizon()}
 * bars, or none for bars without a full forward window (the last {@code horizon} bars) or without
 * enough history for the volatility band.
 */
public final class Labels {
  /** Marker in {@link #codes()} for an unlabelled bar. */
  public static final int NONE = -1;

  private final int[] codes;
  private final double[] forwardReturn;
  private final double[] band;
  private final int horizon;

  Labels(int[] codes, double[] forwardReturn, double[] band, int horizon) {
    this.codes = codes;
    this.forwardReturn = forwardReturn;
    this.band = band;
    this.horizon = horizon;
  }

  /**
   * The labels of the first {@code bars} bars as if the series ended there: a bar keeps its label
   * only when its forward window {@code t + h} lies inside the prefix.
   */
  Labels prefix(int bars) {
    int[] c = Arrays.copyOf(codes, bars);
    double[] f = Arrays.copyOf(forwardReturn, bars);
    double[] b = Arrays.copyOf(band, bars);
    for (int t = Math.max(0, bars - horizon); t < bars; t++) {
      c[t] = NONE;
      f[t] = Double.NaN;
      b[t] = Double.NaN;
    }
    return new Labels(c, f, b, horizon);
  }

  public int horizon() {
    return horizon;
  }

  public int size() {
    return codes.length;
  }

  public boolean isLabelled(int bar) {
    return codes[bar] != NONE;
  }

  /** The direction of bar {@code bar}, empty when it is unlabelled. */
  public Optional<Direction> direction(int bar) {
    return codes[bar] == NONE ? Optional.empty() : Optional.of(Direction.values()[codes[bar]]);
  }

  /** Direction ordinals by bar, {@link #NONE} when unlabelled; do not modify. */
  public int[] codes() {
    return codes;
  }

  /** ln(close[t+h] / close[t]); NaN when unlabelled. */
  public double forwardReturn(int bar) {
    return forwardReturn[bar];
  }

  /** Half-width of the neutral band at bar t; NaN when unlabelled. */
  public double band(int bar) {
    return band[bar];
  }
}
