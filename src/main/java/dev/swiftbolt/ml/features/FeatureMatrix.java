package dev.swiftbolt.ml.features;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dense feature matrix over consecutive bars of one series, stored column-major (one {@code
 * double[]} per feature, no per-cell or per-row objects). Row {@code r} describes bar {@link
 * #barIndex(int) barIndex(r)} of the input list, which is {@link #firstBarIndex()} + r: the rows
 * dropped for warm-up are always a prefix of the series.
 *
 * <p>Immutable by contract: callers must not modify the arrays they read through {@link
 * #column(int)}.
 */
public final class FeatureMatrix {
  private final List<String> names;
  private final double[][] columns;
  private final int firstBarIndex;
  private final int rows;

  /**
   * @throws IllegalArgumentException when the names and columns disagree or a column has the wrong
   *     length
   */
  public FeatureMatrix(List<String> names, double[][] columns, int firstBarIndex, int rows) {
    this.names = List.copyOf(Objects.requireNonNull(names, "names"));
    this.columns = Objects.requireNonNull(columns, "columns");
    if (names.size() != columns.length) {
      throw new IllegalArgumentException(
          "names (" + names.size() + ") and columns (" + columns.length + ") must match");
    }
    if (firstBarIndex < 0 || rows < 0) {
      throw new IllegalArgumentException("firstBarIndex and rows must not be negative");
    }
    for (double[] column : columns) {
      if (column.length != rows) {
        throw new IllegalArgumentException("every column must have " + rows + " values");
      }
    }
    this.firstBarIndex = firstBarIndex;
    this.rows = rows;
  }

  /** The rows describing input bars {@code 0 .. bars − 1} only (copied). */
  FeatureMatrix prefix(int bars) {
    int kept = Math.max(0, Math.min(rows, bars - firstBarIndex));
    double[][] out = new double[columns.length][];
    for (int f = 0; f < columns.length; f++) {
      out[f] = Arrays.copyOf(columns[f], kept);
    }
    return new FeatureMatrix(names, out, Math.min(firstBarIndex, bars), kept);
  }

  public List<String> names() {
    return names;
  }

  public int featureCount() {
    return columns.length;
  }

  public int rows() {
    return rows;
  }

  /** Index in the input bar list of the first row (the number of warm-up bars dropped). */
  public int firstBarIndex() {
    return firstBarIndex;
  }

  /** The input bar index that row {@code row} describes. */
  public int barIndex(int row) {
    return firstBarIndex + row;
  }

  /** The row describing input bar {@code barIndex}, or −1 when that bar fell in the warm-up. */
  public int rowOfBar(int barIndex) {
    int row = barIndex - firstBarIndex;
    return row >= 0 && row < rows ? row : -1;
  }

  public double value(int row, int feature) {
    return columns[feature][row];
  }

  /** The values of one feature for every row; do not modify. */
  public double[] column(int feature) {
    return columns[feature];
  }

  /** A fresh copy of one row. */
  public double[] row(int row) {
    double[] out = new double[columns.length];
    for (int f = 0; f < columns.length; f++) {
      out[f] = columns[f][row];
    }
    return out;
  }
}
