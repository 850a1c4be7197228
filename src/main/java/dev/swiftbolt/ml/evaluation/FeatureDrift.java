package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.ml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Feature drift before the labels arrive: per feature, the population stability index of the last
 * {@code window} rows against the model's training rows, over the training rows' deciles.
 *
 * <p>PSI = Σ over the ten bins (a − e) · ln(a / e), e the share of training rows and a the share of
 * recent rows in the bin, each floored at {@link #FLOOR} so that an empty bin stays finite. Bins
 * are (−∞, q1], (q1, q2], …, (q9, +∞) with q_k the k-th decile of the training values (the value at
 * sorted index ⌈k·n/10⌉ − 1). Bands (the credit-scoring convention): below {@link #MODERATE}
 * stable, [{@link #MODERATE}, {@link #MAJOR}) moderate, {@link #MAJOR} and above major.
 *
 * @param window the number of recent rows compared
 * @param maxPsi the largest PSI of any feature
 * @param maxFeature the feature with the largest PSI (the first in column order on a tie)
 * @param shareModerate the share of features in the moderate band
 * @param shareMajor the share of features in the major band
 * @param psi every feature's PSI, in column order
 * @param shifted the features whose PSI is major and above the largest PSI of any disjoint {@code
 *     window}-row stretch of the training rows against the same deciles (with 60 rows a feature
 *     that moves slowly, such as a 50-bar average, fills few bins and shows a major PSI on a
 *     driftless walk; only a shift beyond what the training period itself showed counts)
 */
public record FeatureDrift(
    int window,
    double maxPsi,
    String maxFeature,
    double shareModerate,
    double shareMajor,
    Map<String, Double> psi,
    List<String> shifted) {

  /** Floor of a bin's share. */
  public static final double FLOOR = 1e-4;

  /** Lower edge of the moderate band. */
  public static final double MODERATE = 0.10;

  /** Lower edge of the major band. */
  public static final double MAJOR = 0.25;

  /** The default number of recent rows compared. */
  public static final int DEFAULT_WINDOW = 60;

  private static final int BINS = 10;

  public FeatureDrift {
    Objects.requireNonNull(maxFeature, "maxFeature");
    psi = Collections.unmodifiableMap(new LinkedHashMap<>(psi));
    shifted = List.copyOf(shifted);
  }

  /** How many features are in the major band. */
  public int majorCount() {
    return (int) psi.values().stream().filter(v -> v >= MAJOR).count();
  }

  /** The features with the largest PSI, largest first, at most {@code k}. */
  public List<Map.Entry<String, Double>> top(int k) {
    return psi.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(k)
        .map(e -> Map.entry(e.getKey(), e.getValue()))
        .toList();
  }

  /** PSI of {@code recent} against {@code reference} over the reference's deciles. */
  public static double psi(double[] reference, double[] recent) {
    return psi(deciles(reference), reference, recent);
  }

  /**
   * The feature drift of the {@code window} rows ending at row {@code lastRow} of {@code matrix}
   * against the training rows {@code trainingRows} (fewer recent rows when the matrix has fewer).
   */
  public static FeatureDrift of(FeatureMatrix matrix, int[] trainingRows, int lastRow, int window) {
    return Reference.of(matrix, trainingRows, window).against(matrix, lastRow);
  }

  /**
   * The training rows' side of feature drift, which does not change while the model does: per
   * feature the deciles of the training values, the training rows' shares of them and the largest
   * PSI of a disjoint {@code window}-row stretch of the training rows. Computed once per model, it
   * turns each later drift check into a pass over the {@code window} recent rows. Immutable.
   */
  public static final class Reference {
    private final int window;
    private final List<String> names;
    private final double[][] cuts;
    private final double[][] expected;
    private final double[] largestTrainingWindowPsi;

    private Reference(
        int window,
        List<String> names,
        double[][] cuts,
        double[][] expected,
        double[] largestTrainingWindowPsi) {
      this.window = window;
      this.names = names;
      this.cuts = cuts;
      this.expected = expected;
      this.largestTrainingWindowPsi = largestTrainingWindowPsi;
    }

    /**
     * The reference of the training rows {@code trainingRows} of {@code matrix}.
     *
     * @throws IllegalArgumentException when {@code window} is below 1 or there are no training rows
     */
    public static Reference of(FeatureMatrix matrix, int[] trainingRows, int window) {
      if (window < 1) {
        throw new IllegalArgumentException("the feature drift window must be at least 1 row");
      }
      if (trainingRows.length == 0) {
        throw new IllegalArgumentException("feature drift needs at least one training row");
      }
      List<String> names = List.copyOf(matrix.names());
      int features = names.size();
      double[][] cuts = new double[features][];
      double[][] expected = new double[features][];
      double[] largest = new double[features];
      for (int f = 0; f < features; f++) {
        double[] column = matrix.column(f);
        double[] reference = new double[trainingRows.length];
        for (int i = 0; i < trainingRows.length; i++) {
          reference[i] = column[trainingRows[i]];
        }
        cuts[f] = deciles(reference);
        expected[f] = shares(cuts[f], reference, 0, reference.length);
        largest[f] = largestWindowPsi(cuts[f], expected[f], reference, window);
      }
      return new Reference(window, names, cuts, expected, largest);
    }

    /**
     * The drift of the {@code window} rows of {@code matrix} ending at row {@code lastRow} (fewer
     * when the matrix has fewer); {@code matrix} has the reference's features, in the same order.
     *
     * @throws IllegalArgumentException when the matrix's features are not the reference's
     */
    public FeatureDrift against(FeatureMatrix matrix, int lastRow) {
      if (!names.equals(matrix.names())) {
        throw new IllegalArgumentException(
            "feature drift reference has features %s, the matrix %s"
                .formatted(names, matrix.names()));
      }
      int first = Math.max(0, lastRow - window + 1);
      Map<String, Double> psi = new LinkedHashMap<>();
      List<String> shifted = new ArrayList<>();
      for (int f = 0; f < names.size(); f++) {
        double value =
            psiOfShares(expected[f], shares(cuts[f], matrix.column(f), first, lastRow + 1 - first));
        psi.put(names.get(f), value);
        if (value >= MAJOR && value > largestTrainingWindowPsi[f]) {
          shifted.add(names.get(f));
        }
      }
      return summarise(window, psi, shifted);
    }
  }

  /**
   * The largest PSI of a disjoint {@code window}-value stretch of {@code reference}, whose shares
   * of {@code cuts} are {@code expected}.
   */
  private static double largestWindowPsi(
      double[] cuts, double[] expected, double[] reference, int window) {
    double largest = 0;
    for (int start = 0; start + window <= reference.length; start += window) {
      largest = Math.max(largest, psiOfShares(expected, shares(cuts, reference, start, window)));
    }
    return largest;
  }

  /** The summary of per-feature PSI values (at least one) and the features that shifted. */
  public static FeatureDrift summarise(int window, Map<String, Double> psi, List<String> shifted) {
    if (psi.isEmpty()) {
      throw new IllegalArgumentException("feature drift needs at least one feature");
    }
    String maxFeature = null;
    double max = Double.NEGATIVE_INFINITY;
    int moderate = 0;
    int major = 0;
    for (Map.Entry<String, Double> e : psi.entrySet()) {
      double v = e.getValue();
      if (v > max) {
        max = v;
        maxFeature = e.getKey();
      }
      if (v >= MAJOR) {
        major++;
      } else if (v >= MODERATE) {
        moderate++;
      }
    }
    return new FeatureDrift(
        window,
        max,
        maxFeature,
        (double) moderate / psi.size(),
        (double) major / psi.size(),
        psi,
        shifted);
  }

  /** The nine inner cut points q1..q9 of {@code reference}'s deciles. */
  static double[] deciles(double[] reference) {
    double[] sorted = reference.clone();
    Arrays.sort(sorted);
    double[] cuts = new double[BINS - 1];
    for (int k = 1; k < BINS; k++) {
      int index = (int) Math.ceil((double) k * sorted.length / BINS) - 1;
      cuts[k - 1] = sorted[Math.max(0, index)];
    }
    return cuts;
  }

  private static double psi(double[] cuts, double[] reference, double[] recent) {
    return psiOfShares(
        shares(cuts, reference, 0, reference.length), shares(cuts, recent, 0, recent.length));
  }

  /** PSI of the shares {@code a} against the shares {@code e}. */
  private static double psiOfShares(double[] e, double[] a) {
    double sum = 0;
    for (int b = 0; b < BINS; b++) {
      sum += (a[b] - e[b]) * Math.log(a[b] / e[b]);
    }
    return sum;
  }

  /** The floored share of each bin among {@code values[from .. from + count)}. */
  private static double[] shares(double[] cuts, double[] values, int from, int count) {
    double[] counts = new double[BINS];
    for (int i = from; i < from + count; i++) {
      counts[bin(cuts, values[i])]++;
    }
    for (int b = 0; b < BINS; b++) {
      counts[b] = Math.max(FLOOR, counts[b] / count);
    }
    return counts;
  }

  /** The bin of v: the first k with v ≤ q_k, else the last bin. */
  private static int bin(double[] cuts, double v) {
    for (int k = 0; k < cuts.length; k++) {
      if (v <= cuts[k]) {
        return k;
      }
    }
    return cuts.length;
  }
}
