package dev.swiftbolt.ml.evaluation;

import java.util.Objects;

/**
 * Which forecaster a training chose and the evidence: the model's and the strongest naive
 * predictor's pooled walk-forward accuracy on the same {@code n} rows, and the one-sided p-value of
 * the paired test on the rows where they disagree ({@link ChampionRule}). Printed as {@code
 * selection} = {@code {model_accuracy, best_naive, best_naive_accuracy, n, p_value}}.
 *
 * @param forecaster the forecaster issued (not printed inside {@code selection}: it is the sibling
 *     field {@code forecaster})
 * @param disagreements rows where the model and the strongest naive predictor issued different
 *     classes
 */
public record Selection(
    Forecaster forecaster,
    double modelAccuracy,
    Forecaster bestNaive,
    double bestNaiveAccuracy,
    int n,
    int disagreements,
    double pValue) {

  public Selection {
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(bestNaive, "bestNaive");
    if (!bestNaive.naive()) {
      throw new IllegalArgumentException("bestNaive must be a naive forecaster, got " + bestNaive);
    }
  }

  /** The sentence the dashboard shows, e.g. "persistence — the model did not beat it, p = 0.41". */
  public String explanation() {
    return forecaster.naive()
        ? "%s — the model did not beat it, p = %.2f".formatted(forecaster.id(), pValue)
        : "%s — beat %s, p = %.2f".formatted(forecaster.id(), bestNaive.id(), pValue);
  }
}
