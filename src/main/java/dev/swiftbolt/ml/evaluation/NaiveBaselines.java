package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.ml.features.Labels;
import dev.swiftbolt.ml.models.MajorityModel;
import dev.swiftbolt.validation.Baseline;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The naive predictors every score is read against, scored point-in-time on the score's own test
 * rows. Pure and thread-safe.
 *
 * <ul>
 *   <li>{@value Baseline#MAJORITY}: always the training rows' majority class ({@link
 *       MajorityModel}'s rule: ties towards NEUTRAL, then BULLISH).
 *   <li>{@value Baseline#PERSISTENCE}: at bar t, the label of the latest labelled bar s with s + h
 *       ≤ t — the direction last realised when the forecast is made (a label at s is known once bar
 *       s + h has closed). Bars before the first realised label fall back to the majority class.
 * </ul>
 *
 * Nothing from the test window is used that was not known at the bar being predicted, so the
 * baselines are as point-in-time as the model they are compared with. {@link Score#of} turns the
 * counts into the score's {@code baseline_accuracy}, {@code baseline_name} and {@code baselines}.
 */
public final class NaiveBaselines {
  private NaiveBaselines() {}

  /**
   * How many test rows each naive predictor got right.
   *
   * @param n the number of test rows
   * @param majority rows whose label equals the training majority class
   * @param persistence rows whose label equals the direction last realised before them
   */
  public record Hits(int n, int majority, int persistence) {
    /** No rows. */
    public static final Hits NONE = new Hits(0, 0, 0);

    public Hits {
      if (n < 0 || majority < 0 || majority > n || persistence < 0 || persistence > n) {
        throw new IllegalArgumentException(
            "hits must lie in [0, n]: majority=%d, persistence=%d, n=%d"
                .formatted(majority, persistence, n));
      }
    }

    /** The rows of both, pooled (count-weighted), as the walk-forward pools its folds. */
    public Hits plus(Hits other) {
      return new Hits(n + other.n, majority + other.majority, persistence + other.persistence);
    }

    /** Each predictor's accuracy by name, majority first; all 0 when there are no rows. */
    public Map<String, Double> accuracies() {
      Map<String, Double> out = new LinkedHashMap<>();
      out.put(Baseline.MAJORITY, n == 0 ? 0.0 : (double) majority / n);
      out.put(Baseline.PERSISTENCE, n == 0 ? 0.0 : (double) persistence / n);
      return out;
    }

    /** The strongest of the predictors, never below chance. */
    public Baseline baseline() {
      return Baseline.strongest(accuracies());
    }
  }

  /**
   * The entry point: scores both naive predictors on the test bars.
   *
   * @param trainingLabels the labels (Direction ordinals) of the rows the model was trained on; the
   *     majority predictor is fitted on them
   * @param testBars the bar indices of the scored rows, each labelled in {@code labels}
   * @param labels the label of every bar of the series by bar index (Direction ordinal, {@link
   *     Labels#NONE} when unlabelled), the truth of the test rows and the history persistence reads
   * @param horizon the label horizon h in bars (≥ 1)
   * @throws IllegalArgumentException when h &lt; 1 or a test bar is out of range or unlabelled
   */
  public static Hits score(int[] trainingLabels, int[] testBars, int[] labels, int horizon) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
    }
    int majorityClass = majority(trainingLabels);
    int majority = 0;
    int persistence = 0;
    for (int bar : testBars) {
      if (bar < 0 || bar >= labels.length || labels[bar] == Labels.NONE) {
        throw new IllegalArgumentException("test bar " + bar + " has no label to score against");
      }
      int actual = labels[bar];
      majority += actual == majorityClass ? 1 : 0;
      persistence += actual == persistence(bar, labels, horizon, majorityClass) ? 1 : 0;
    }
    return new Hits(testBars.length, majority, persistence);
  }

  /** {@link #score(int[], int[], int[], int)} with the labels and horizon of a labelled series. */
  public static Hits score(int[] trainingLabels, int[] testBars, Labels labels) {
    return score(trainingLabels, testBars, labels.codes(), labels.horizon());
  }

  /** The majority class (Direction ordinal) of the labels; NEUTRAL when there are none. */
  public static int majority(int[] labels) {
    return MajorityModel.fit(labels).majorityCode();
  }

  /**
   * The persistence prediction at {@code bar} of a series' {@code labels} (see {@link
   * #persistence(int, int[], int, int)}), for callers outside this package.
   */
  public static int persistence(int bar, Labels labels, int fallback) {
    return persistence(bar, labels.codes(), labels.horizon(), fallback);
  }

  /**
   * The persistence prediction at {@code bar}: the label of the latest labelled bar s ≤ bar − h, or
   * {@code fallback} when no label had been realised yet.
   */
  public static int persistence(int bar, int[] labels, int horizon, int fallback) {
    for (int s = Math.min(bar - horizon, labels.length - 1); s >= 0; s--) {
      if (labels[s] != Labels.NONE) {
        return labels[s];
      }
    }
    return fallback;
  }
}
