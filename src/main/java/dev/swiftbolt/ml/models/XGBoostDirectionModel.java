package dev.swiftbolt.ml.models;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.ml.features.FeatureMatrix;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A {@link DirectionModel} backed by an xgboost4j {@link Booster} fitted straight from the
 * primitive {@link FeatureMatrix}: one dense {@link DMatrix} per fit holding only the rows it
 * needs, no per-example objects.
 *
 * <p>Columns are the feature names in {@link String} order and classes are numbered as Tribuo 4.3
 * numbered them (see {@link ClassOrder}), so a fit gives the very same trees, and probabilities, as
 * the Tribuo XGBoost backend that trained SwiftBolt's models before (decision 0008).
 *
 * <p>Artifact: XGBoost's own UBJSON model ({@code Booster.toByteArray("ubj")}, format {@value
 * #FORMAT}) with the class and column order stored as model attributes. It is versioned by XGBoost
 * (its version is inside the model) and XGBoost's native loader parses it as data: reading it back
 * cannot execute code. Immutable; {@link #predict} is safe to call from several threads.
 */
public final class XGBoostDirectionModel implements DirectionModel {
  public static final String FORMAT = "xgboost-ubj";
  private static final String CLASSES = "swiftbolt_classes";
  private static final String COLUMNS = "swiftbolt_columns";

  private final Booster booster;
  private final int[] classes;
  private final List<String> columns;

  private XGBoostDirectionModel(Booster booster, int[] classes, List<String> columns) {
    this.booster = Objects.requireNonNull(booster, "booster");
    this.classes = classes;
    this.columns = List.copyOf(columns);
  }

  /**
   * Starts loading XGBoost's native library on a daemon thread and returns at once, so that a
   * command can overlap it (the library is unpacked from the jar: a few hundred milliseconds) with
   * its own start-up, such as the database's. The first fit waits for it if it is still loading; a
   * library that cannot be loaded fails that fit, as it would have without this call.
   */
  public static void loadNativeLibraryInBackground() {
    Thread loader =
        new Thread(
            () -> {
              try {
                Class.forName(
                    "ml.dmlc.xgboost4j.java.XGBoostJNI",
                    true,
                    XGBoostDirectionModel.class.getClassLoader());
              } catch (ClassNotFoundException | LinkageError e) {
                // the first fit reports it
              }
            },
            "swiftbolt-xgboost-loader");
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * Fits {@code rounds} boosting rounds of XGBoost with {@code parameters} (native names; {@code
   * num_class} is set here) on the given rows.
   *
   * @param labelCodes the Direction ordinal of each row, aligned with {@code rows}
   * @throws InsufficientHistoryException when the rows hold only one direction class
   */
  static XGBoostDirectionModel train(
      Map<String, Object> parameters,
      int rounds,
      FeatureMatrix matrix,
      int[] rows,
      int[] labelCodes) {
    int[] classes = ClassOrder.tribuo(labelCodes);
    if (classes.length < 2) {
      throw new InsufficientHistoryException(
          "all %d training rows are %s; a direction model needs at least two classes"
              .formatted(rows.length, Direction.values()[labelCodes[0]]));
    }
    List<String> columns = ClassOrder.sortedNames(matrix);
    int[] classIndex = ClassOrder.indexOf(classes);
    float[] labels = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      labels[i] = classIndex[labelCodes[i]];
    }
    float[] weights = new float[rows.length];
    Arrays.fill(weights, 1f);
    Map<String, Object> params = new HashMap<>(parameters);
    params.put("num_class", classes.length);
    DMatrix data = null;
    try {
      data = dense(matrix, columns, rows);
      data.setLabel(labels);
      data.setWeight(weights);
      Booster booster = XGBoost.train(data, params, rounds, Map.of(), null, null);
      booster.setAttr(CLASSES, join(classes));
      booster.setAttr(COLUMNS, String.join(",", columns));
      return new XGBoostDirectionModel(booster, classes, columns);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed to train: " + e.getMessage(), e);
    } finally {
      if (data != null) {
        data.dispose();
      }
    }
  }

  @Override
  public ModelKind kind() {
    return ModelKind.XGBOOST;
  }

  @Override
  public double[][] predict(FeatureMatrix matrix, int[] rows) {
    if (rows.length == 0) {
      return new double[0][];
    }
    float[][] raw;
    DMatrix data = null;
    try {
      data = dense(matrix, columns, rows);
      synchronized (booster) {
        raw = booster.predict(data);
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
    } finally {
      if (data != null) {
        data.dispose();
      }
    }
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      double[] byClass = new double[raw[i].length];
      for (int k = 0; k < byClass.length; k++) {
        byClass[k] = raw[i][k];
      }
      out[i] = ClassOrder.directionProbabilities(byClass, classes);
    }
    return out;
  }

  @Override
  public byte[] toBytes() {
    try {
      synchronized (booster) {
        return booster.toByteArray("ubj");
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed to save the model: " + e.getMessage(), e);
    }
  }

  /**
   * @throws IllegalArgumentException when the bytes are not an XGBoost model written by {@link
   *     #toBytes()}
   */
  static XGBoostDirectionModel fromBytes(byte[] bytes) {
    try {
      Booster booster = XGBoost.loadModel(bytes);
      String classes = booster.getAttr(CLASSES);
      String columns = booster.getAttr(COLUMNS);
      if (classes == null || columns == null) {
        throw new IllegalArgumentException(
            "XGBoost model artifact lacks the %s and %s attributes".formatted(CLASSES, COLUMNS));
      }
      int[] order = Arrays.stream(classes.split(",")).mapToInt(Integer::parseInt).toArray();
      return new XGBoostDirectionModel(booster, order, List.of(columns.split(",")));
    } catch (XGBoostError | IOException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "model artifact is not an XGBoost model: " + e.getMessage(), e);
    }
  }

  /** Row-major float copy of the given rows, columns in {@code columns} order. */
  private static DMatrix dense(FeatureMatrix matrix, List<String> columns, int[] rows)
      throws XGBoostError {
    int width = columns.size();
    double[][] source = ClassOrder.columns(matrix, columns);
    float[] data = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      int base = i * width;
      for (int j = 0; j < width; j++) {
        data[base + j] = (float) source[j][rows[i]];
      }
    }
    return new DMatrix(data, rows.length, width, Float.NaN);
  }

  private static String join(int[] classes) {
    StringBuilder s = new StringBuilder();
    for (int c : classes) {
      s.append(s.length() == 0 ? "" : ",").append(c);
    }
    return s.toString();
  }
}
