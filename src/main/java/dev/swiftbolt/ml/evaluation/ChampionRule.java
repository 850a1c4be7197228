package dev.swiftbolt.ml.evaluation;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The rule, fixed in advance, that picks the forecaster a series issues: the model only when it
 * beats the strongest naive predictor on the pooled walk-forward rows by a one-sided exact paired
 * test (McNemar's, as a binomial test on the rows where they disagree) with p &lt; {@value #ALPHA};
 * otherwise the strongest naive predictor by pooled walk-forward accuracy (a tie goes to {@code
 * majority}). Pure and thread-safe.
 *
 * <p>On the disagreeing rows, b = model right and naive wrong, c = model wrong and naive right.
 * Under "the model is no better", each disagreement is the model's with probability ½, so p = P(X ≥
 * b) for X ~ Binomial(b + c, ½). Without disagreements p = 1.
 */
public final class ChampionRule {

  /** The significance level the model must reach. */
  public static final double ALPHA = 0.10;

  private ChampionRule() {}

  /** The selection on {@code rows}. */
  public static Selection select(CandidateRows rows) {
    Forecaster bestNaive =
        rows.hits(Forecaster.PERSISTENCE) > rows.hits(Forecaster.MAJORITY)
            ? Forecaster.PERSISTENCE
            : Forecaster.MAJORITY;
    int[] model = rows.issued(Forecaster.XGBOOST);
    int[] naive = rows.issued(bestNaive);
    int[] actual = rows.actual();
    int modelOnly = 0;
    int naiveOnly = 0;
    for (int i = 0; i < actual.length; i++) {
      boolean m = model[i] == actual[i];
      boolean b = naive[i] == actual[i];
      if (m && !b) {
        modelOnly++;
      } else if (b && !m) {
        naiveOnly++;
      }
    }
    double p = pValue(modelOnly, naiveOnly);
    return new Selection(
        p < ALPHA ? Forecaster.XGBOOST : bestNaive,
        rows.accuracy(Forecaster.XGBOOST),
        bestNaive,
        rows.accuracy(bestNaive),
        rows.n(),
        modelOnly + naiveOnly,
        p);
  }

  /**
   * One-sided exact p-value that the first of a pair is better: P(X ≥ {@code firstOnly}) for X ~
   * Binomial({@code firstOnly + secondOnly}, ½); 1 when they never disagree.
   */
  public static double pValue(int firstOnly, int secondOnly) {
    int disagreements = firstOnly + secondOnly;
    if (disagreements == 0) {
      return 1.0;
    }
    BinomialDistribution noBetter = new BinomialDistribution(null, disagreements, 0.5);
    return Math.min(1.0, 1.0 - noBetter.cumulativeProbability(firstOnly - 1));
  }
}
