package dev.swiftbolt.ml.models.internal;

/**
 * Platt's sigmoid fit P(y = 1 | f) = 1 / (1 + exp(A·f + B)) by Newton's method with backtracking,
 * following Lin, Lin &amp; Weng, "A note on Platt's probabilistic outputs for support vector
 * machines" (2007), including Platt's smoothed targets (N₊ + 1) / (N₊ + 2) and 1 / (N₋ + 2).
 * Commons Math has no logistic fit of this shape; the algorithm is 30 lines and published.
 */
public final class PlattScaling {
  private static final int MAX_ITERATIONS = 100;
  private static final double MIN_STEP = 1e-10;
  private static final double SIGMA = 1e-12;
  private static final double EPSILON = 1e-5;

  private PlattScaling() {}

  /** Returns {A, B} fitted on scores {@code f} with binary outcomes {@code y}. */
  public static double[] fit(double[] f, boolean[] y) {
    int prior1 = 0;
    for (boolean label : y) {
      if (label) {
        prior1++;
      }
    }
    int prior0 = y.length - prior1;
    double hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
    double loTarget = 1 / (prior0 + 2.0);
    double[] t = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      t[i] = y[i] ? hiTarget : loTarget;
    }
    double a = 0;
    double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
    double fval = objective(f, t, a, b);
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      double h11 = SIGMA;
      double h22 = SIGMA;
      double h21 = 0;
      double g1 = 0;
      double g2 = 0;
      for (int i = 0; i < f.length; i++) {
        double fApB = f[i] * a + b;
        double p;
        double q;
        if (fApB >= 0) {
          p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
          q = 1.0 / (1.0 + Math.exp(-fApB));
        } else {
          p = 1.0 / (1.0 + Math.exp(fApB));
          q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
        }
        double d2 = p * q;
        h11 += f[i] * f[i] * d2;
        h22 += d2;
        h21 += f[i] * d2;
        double d1 = t[i] - p;
        g1 += f[i] * d1;
        g2 += d1;
      }
      if (Math.abs(g1) < EPSILON && Math.abs(g2) < EPSILON) {
        break;
      }
      double det = h11 * h22 - h21 * h21;
      double dA = -(h22 * g1 - h21 * g2) / det;
      double dB = -(-h21 * g1 + h11 * g2) / det;
      double gd = g1 * dA + g2 * dB;
      double step = 1;
      while (step >= MIN_STEP) {
        double newA = a + step * dA;
        double newB = b + step * dB;
        double newF = objective(f, t, newA, newB);
        if (newF < fval + 0.0001 * step * gd) {
          a = newA;
          b = newB;
          fval = newF;
          break;
        }
        step /= 2;
      }
      if (step < MIN_STEP) {
        break;
      }
    }
    return new double[] {a, b};
  }

  /** The calibrated probability for score {@code f}. */
  public static double apply(double a, double b, double f) {
    double fApB = f * a + b;
    return fApB >= 0 ? Math.exp(-fApB) / (1.0 + Math.exp(-fApB)) : 1.0 / (1 + Math.exp(fApB));
  }

  private static double objective(double[] f, double[] t, double a, double b) {
    double sum = 0;
    for (int i = 0; i < f.length; i++) {
      double fApB = f[i] * a + b;
      if (fApB >= 0) {
        sum += t[i] * fApB + Math.log(1 + Math.exp(-fApB));
      } else {
        sum += (t[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
      }
    }
    return sum;
  }
}
