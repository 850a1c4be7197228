package dev.swiftbolt.ml.models;

import dev.swiftbolt.ml.models.internal.PlattScaling;
import java.util.Arrays;

/**
 * One-vs-rest Platt scaling of 3-class probabilities: each class's probability is mapped through a
 * sigmoid of its logit fitted on out-of-sample predictions, then the three are renormalised to sum
 * to 1. {@link #identity()} leaves probabilities unchanged. Immutable and thread-safe.
 */
public final class ProbabilityCalibrator {
  private static final double CLIP = 1e-6;
  private final double[] a;
  private final double[] b;
  private final boolean identity;

  private ProbabilityCalibrator(double[] a, double[] b, boolean identity) {
    this.a = a;
    this.b = b;
    this.identity = identity;
  }

  public static ProbabilityCalibrator identity() {
    return new ProbabilityCalibrator(new double[3], new double[3], true);
  }

  /** Rebuilds a fitted calibrator from {@link #parameters()}. */
  public static ProbabilityCalibrator ofParameters(double[] parameters) {
    if (parameters.length != 6) {
      throw new IllegalArgumentException(
          "calibration parameters must be 6 numbers (A, B per class)");
    }
    return new ProbabilityCalibrator(
        new double[] {parameters[0], parameters[2], parameters[4]},
        new double[] {parameters[1], parameters[3], parameters[5]},
        false);
  }

  /**
   * Fits on out-of-sample probabilities {@code p} (rows of 3) and the true class ordinals.
   *
   * @throws IllegalArgumentException when there are no rows
   */
  public static ProbabilityCalibrator fitPlatt(double[][] p, int[] actual) {
    if (p.length == 0 || p.length != actual.length) {
      throw new IllegalArgumentException("Platt scaling needs matching, non-empty rows");
    }
    double[] a = new double[3];
    double[] b = new double[3];
    for (int c = 0; c < 3; c++) {
      double[] f = new double[p.length];
      boolean[] y = new boolean[p.length];
      for (int i = 0; i < p.length; i++) {
        f[i] = logit(p[i][c]);
        y[i] = actual[i] == c;
      }
      double[] ab = PlattScaling.fit(f, y);
      a[c] = ab[0];
      b[c] = ab[1];
    }
    return new ProbabilityCalibrator(a, b, false);
  }

  public boolean isIdentity() {
    return identity;
  }

  /** A_bull, B_bull, A_neutral, B_neutral, A_bear, B_bear (empty for the identity). */
  public double[] parameters() {
    if (identity) {
      return new double[0];
    }
    return new double[] {a[0], b[0], a[1], b[1], a[2], b[2]};
  }

  public double[] apply(double[] p) {
    if (identity) {
      return p.clone();
    }
    double[] out = new double[3];
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      out[c] = PlattScaling.apply(a[c], b[c], logit(p[c]));
      sum += out[c];
    }
    for (int c = 0; c < 3; c++) {
      out[c] /= sum;
    }
    return out;
  }

  public double[][] apply(double[][] p) {
    double[][] out = new double[p.length][];
    Arrays.setAll(out, i -> apply(p[i]));
    return out;
  }

  private static double logit(double p) {
    double q = Math.min(1 - CLIP, Math.max(CLIP, p));
    return Math.log(q / (1 - q));
  }
}
