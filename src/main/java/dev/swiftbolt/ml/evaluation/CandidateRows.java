package dev.swiftbolt.ml.evaluation;

import java.util.Arrays;
import java.util.Objects;

/**
 * The pooled walk-forward test rows of one series with what each candidate forecaster issued on
 * them, point-in-time: the model's most probable class, the majority class of the fold's training
 * rows and persistence (see {@link NaiveBaselines}). Classes are Direction ordinals. The champion
 * rule ({@link ChampionRule}) compares candidates on exactly these rows, and a naive forecaster's
 * probabilities are its confusion frequencies here ({@link #probabilities}).
 */
public record CandidateRows(int[] actual, int[] model, int[] majority, int[] persistence) {

  public static final CandidateRows EMPTY =
      new CandidateRows(new int[0], new int[0], new int[0], new int[0]);

  private static final int CLASSES = 3;

  public CandidateRows {
    Objects.requireNonNull(actual, "actual");
    if (model.length != actual.length
        || majority.length != actual.length
        || persistence.length != actual.length) {
      throw new IllegalArgumentException(
          "every candidate needs one class per row: rows=%d, model=%d, majority=%d, persistence=%d"
              .formatted(actual.length, model.length, majority.length, persistence.length));
    }
  }

  /** How many rows. */
  public int n() {
    return actual.length;
  }

  /** What {@code forecaster} issued on each row. */
  public int[] issued(Forecaster forecaster) {
    return switch (forecaster) {
      case XGBOOST -> model;
      case MAJORITY -> majority;
      case PERSISTENCE -> persistence;
    };
  }

  /** How many rows {@code forecaster} got right. */
  public int hits(Forecaster forecaster) {
    int[] issued = issued(forecaster);
    int hits = 0;
    for (int i = 0; i < actual.length; i++) {
      hits += issued[i] == actual[i] ? 1 : 0;
    }
    return hits;
  }

  /** Pooled accuracy of {@code forecaster}; 0 without rows. */
  public double accuracy(Forecaster forecaster) {
    return actual.length == 0 ? 0 : (double) hits(forecaster) / actual.length;
  }

  /** The naive predictors' hits on these rows. */
  public NaiveBaselines.Hits naiveHits() {
    return new NaiveBaselines.Hits(
        actual.length, hits(Forecaster.MAJORITY), hits(Forecaster.PERSISTENCE));
  }

  /** The score of {@code forecaster} on these rows, against the naive predictors. */
  public Score score(Forecaster forecaster) {
    return Score.of(hits(forecaster), actual.length, naiveHits());
  }

  /**
   * The probabilities {@code forecaster} issues with class {@code issuedClass}: P(realised class |
   * issued class), the frequencies of the realised classes on the rows where it issued that class.
   * Where it never issued that class, the realised classes' frequencies over all rows; without any
   * row, a third each.
   *
   * @return p_bull, p_neutral, p_bear
   */
  public double[] probabilities(Forecaster forecaster, int issuedClass) {
    int[] issued = issued(forecaster);
    double[] given = new double[CLASSES];
    double[] all = new double[CLASSES];
    int nGiven = 0;
    for (int i = 0; i < actual.length; i++) {
      all[actual[i]]++;
      if (issued[i] == issuedClass) {
        given[actual[i]]++;
        nGiven++;
      }
    }
    if (nGiven > 0) {
      return divide(given, nGiven);
    }
    if (actual.length > 0) {
      return divide(all, actual.length);
    }
    double[] uniform = new double[CLASSES];
    Arrays.fill(uniform, 1.0 / CLASSES);
    return uniform;
  }

  private static double[] divide(double[] counts, int n) {
    double[] p = new double[counts.length];
    for (int k = 0; k < counts.length; k++) {
      p[k] = counts[k] / n;
    }
    return p;
  }

  /** These rows followed by {@code other}'s, as the walk-forward pools its folds. */
  public CandidateRows plus(CandidateRows other) {
    return new CandidateRows(
        concat(actual, other.actual),
        concat(model, other.model),
        concat(majority, other.majority),
        concat(persistence, other.persistence));
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
