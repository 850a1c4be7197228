package dev.swiftbolt.ml.evaluation;

/**
 * A monotone non-decreasing map from a score in [0, 1] to the rate of an event: Platt scaling on
 * the logit, {@code rate(s) = 1 / (1 + exp(−(a + b · logit(s))))}, fitted by weighted maximum
 * likelihood on binary outcomes with the slope held at {@code b ≥ 0}. Scores are clamped to
 * [{@value #SCORE_FLOOR}, 1 − {@value #SCORE_FLOOR}] before the logit. When the unconstrained slope
 * would be negative the map is the weighted hit rate everywhere ({@code b = 0}); a history whose
 * outcomes all agree gives that constant (0 or 1). Equal scores need no special handling: they
 * enter the likelihood with their own outcomes. Immutable and thread-safe.
 *
 * @param intercept {@code a}
 * @param slope {@code b}, never negative
 * @param constant the map's value when it does not depend on the score (a history whose outcomes
 *     all agree, or {@code b} would be negative); NaN otherwise
 */
public record PlattFit(double intercept, double slope, double constant) {

  /** Scores are clamped this far from 0 and 1 so that the logit stays finite. */
  public static final double SCORE_FLOOR = 1e-3;

  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-12;

  public PlattFit {
    if (slope < 0 || Double.isNaN(slope)) {
      throw new IllegalArgumentException("the slope must not be negative, got " + slope);
    }
  }

  /**
   * Fits the map.
   *
   * @param scores one score per outcome, any order, finite
   * @param outcomes whether each outcome came true, same length
   * @param weights each outcome's weight, positive and finite, same length
   * @throws IllegalArgumentException when the arrays are empty, of different lengths, a score is
   *     not finite or a weight is not positive
   */
  public static PlattFit fit(double[] scores, boolean[] outcomes, double[] weights) {
    if (scores.length != outcomes.length || scores.length != weights.length) {
      throw new IllegalArgumentException(
          "scores, outcomes and weights differ in length: %d, %d and %d"
              .formatted(scores.length, outcomes.length, weights.length));
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("a Platt fit needs at least one outcome");
    }
    double[] z = new double[scores.length];
    double total = 0;
    double hits = 0;
    for (int i = 0; i < z.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("score %d is not finite: %s".formatted(i, scores[i]));
      }
      if (!(weights[i] > 0) || !Double.isFinite(weights[i])) {
        throw new IllegalArgumentException(
            "weight %d is not positive: %s".formatted(i, weights[i]));
      }
      z[i] = logit(scores[i]);
      total += weights[i];
      hits += outcomes[i] ? weights[i] : 0;
    }
    double rate = hits / total;
    if (hits == 0 || hits == total) {
      return new PlattFit(0, 0, outcomes[0] ? 1 : 0);
    }
    double[] ab = newton(z, outcomes, weights, Math.log(rate / (1 - rate)));
    if (!(ab[1] > 0) || !Double.isFinite(ab[0]) || !Double.isFinite(ab[1])) {
      return new PlattFit(Math.log(rate / (1 - rate)), 0, rate);
    }
    return new PlattFit(ab[0], ab[1], Double.NaN);
  }

  /** Newton–Raphson on the weighted log-likelihood from (a0, 0); returns {a, b}. */
  private static double[] newton(double[] z, boolean[] y, double[] w, double a0) {
    double a = a0;
    double b = 0;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 0;
      double hab = 0;
      double hbb = 0;
      for (int i = 0; i < z.length; i++) {
        double p = sigmoid(a + b * z[i]);
        double r = w[i] * (p - (y[i] ? 1 : 0));
        double s = w[i] * p * (1 - p);
        ga += r;
        gb += r * z[i];
        haa += s;
        hab += s * z[i];
        hbb += s * z[i] * z[i];
      }
      double det = haa * hbb - hab * hab;
      if (!(det > 0)) {
        // All scores equal (b is still 0), or a score whose outcomes all agree has pushed its rate
        // to 0 or 1 and the curvature has vanished: the current iterate is the fit.
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) < TOLERANCE && Math.abs(db) < TOLERANCE) {
        break;
      }
    }
    return new double[] {a, b};
  }

  /** The fitted rate at {@code score}. */
  public double valueAt(double score) {
    if (!Double.isNaN(constant)) {
      return constant;
    }
    return sigmoid(intercept + slope * logit(score));
  }

  /** The logit of {@code score} clamped to [{@value #SCORE_FLOOR}, 1 − {@value #SCORE_FLOOR}]. */
  public static double logit(double score) {
    double p = Math.max(SCORE_FLOOR, Math.min(1 - SCORE_FLOOR, score));
    return Math.log(p / (1 - p));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
