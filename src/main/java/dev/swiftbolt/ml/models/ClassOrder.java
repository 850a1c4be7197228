package dev.swiftbolt.ml.models;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.ml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * How the direct XGBoost and logistic fits number classes and columns, the way Tribuo 4.3 did, so
 * they reproduce the models Tribuo fitted (decision 0008). Pure.
 */
final class ClassOrder {
  private ClassOrder() {}

  /**
   * The class index of each direction present in the labels, as Tribuo 4.3 numbered them (the
   * iteration order of the copies of its {@code HashMap} of label names): BULLISH first when
   * present, then NEUTRAL and BEARISH in the reverse of the order they first occur in the training
   * rows (their names share a hash bucket, and copying the map reverses that bucket). Returns
   * Direction ordinals in class-index order.
   */
  static int[] tribuo(int[] labelCodes) {
    boolean[] seen = new boolean[3];
    List<Integer> rest = new ArrayList<>(2);
    for (int code : labelCodes) {
      if (!seen[code]) {
        seen[code] = true;
        if (code != Direction.BULLISH.ordinal()) {
          rest.add(0, code);
        }
      }
    }
    List<Integer> order = new ArrayList<>(3);
    if (seen[Direction.BULLISH.ordinal()]) {
      order.add(Direction.BULLISH.ordinal());
    }
    order.addAll(rest);
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The class index of each Direction ordinal (−1 when absent). */
  static int[] indexOf(int[] classes) {
    int[] index = {-1, -1, -1};
    for (int k = 0; k < classes.length; k++) {
      index[classes[k]] = k;
    }
    return index;
  }

  /** The feature names in {@link String} order (Tribuo's feature ids). */
  static List<String> sortedNames(FeatureMatrix matrix) {
    List<String> names = new ArrayList<>(matrix.names());
    names.sort(null);
    return names;
  }

  /**
   * The matrix's columns in {@code names} order.
   *
   * @throws IllegalArgumentException when the matrix lacks one of them
   */
  static double[][] columns(FeatureMatrix matrix, List<String> names) {
    double[][] out = new double[names.size()][];
    for (int j = 0; j < out.length; j++) {
      int feature = matrix.names().indexOf(names.get(j));
      if (feature < 0) {
        throw new IllegalArgumentException(
            "the feature matrix has no column %s the model was trained on".formatted(names.get(j)));
      }
      out[j] = matrix.column(feature);
    }
    return out;
  }

  /**
   * Direction-ordered probabilities from class-indexed scores: clipped at 0, summed in class order
   * and divided, as {@code TribuoDirectionModel} turned Tribuo's scores into probabilities; all
   * zero → probability 1 for the first highest class.
   */
  static double[] directionProbabilities(double[] byClass, int[] classes) {
    double[] p = new double[3];
    double sum = 0;
    int best = 0;
    for (int k = 0; k < classes.length; k++) {
      p[classes[k]] = Math.max(0, byClass[k]);
      sum += p[classes[k]];
      if (byClass[k] > byClass[best]) {
        best = k;
      }
    }
    if (sum <= 0) {
      p = new double[3];
      p[classes[best]] = 1;
      return p;
    }
    for (int c = 0; c < 3; c++) {
      p[c] /= sum;
    }
    return p;
  }
}
