package dev.swiftbolt.ml.evaluation;

/**
 * Calibration measures of 3-class probabilities (rows of p_bull, p_neutral, p_bear) against the
 * true class ordinals. Pure functions.
 */
public final class CalibrationMetrics {
  /** Equal-width confidence bins of the expected calibration error. */
  public static final int ECE_BINS = 10;

  private CalibrationMetrics() {}

  /** Multi-class Brier score: mean over rows of Σ_c (p_c − 1[y = c])², in [0, 2]; 0 when empty. */
  public static double brier(double[][] p, int[] actual) {
    if (p.length == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      for (int c = 0; c < 3; c++) {
        double d = p[i][c] - (actual[i] == c ? 1 : 0);
        sum += d * d;
      }
    }
    return sum / p.length;
  }

  /**
   * Top-label expected calibration error: rows are binned by their highest probability into {@value
   * #ECE_BINS} equal-width bins ([0, 0.1), …, [0.9, 1]); ECE = Σ_b (n_b / n) · |accuracy_b − mean
   * confidence_b|. 0 when empty.
   */
  public static double ece(double[][] p, int[] actual) {
    if (p.length == 0) {
      return 0;
    }
    double[] confidence = new double[ECE_BINS];
    double[] hits = new double[ECE_BINS];
    int[] count = new int[ECE_BINS];
    for (int i = 0; i < p.length; i++) {
      int predicted = argmax(p[i]);
      double top = p[i][predicted];
      int bin = Math.min(ECE_BINS - 1, (int) (top * ECE_BINS));
      confidence[bin] += top;
      hits[bin] += predicted == actual[i] ? 1 : 0;
      count[bin]++;
    }
    double ece = 0;
    for (int bin = 0; bin < ECE_BINS; bin++) {
      if (count[bin] > 0) {
        ece += Math.abs(hits[bin] - confidence[bin]) / p.length;
      }
    }
    return ece;
  }

  /** The index of the largest probability; ties go to NEUTRAL (1), then BULLISH (0). */
  public static int argmax(double[] p) {
    int best = 1;
    if (p[0] > p[best]) {
      best = 0;
    }
    if (p[2] > p[best]) {
      best = 2;
    }
    return best;
  }
}
