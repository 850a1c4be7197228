package dev.swiftbolt.ml.models;

import dev.swiftbolt.ml.features.FeatureMatrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The linear baseline: multinomial logistic regression on standardised features, fitted on
 * primitive arrays by exactly the algorithm of Tribuo 4.3's {@code LogisticRegressionTrainer}
 * inside a {@code TransformTrainer} with {@code MeanStdDevTransformation}, which fitted it before
 * (decision 0008): features standardised by the training rows' mean and sample SD (Welford, in row
 * order), a bias term, zero initial weights, 5 epochs of per-row SGD on the log loss with AdaGrad
 * (learning rate 1, ε 0.1), rows shuffled each epoch by Fisher–Yates from {@code new
 * SplittableRandom(12345).split()}, softmax outputs. Same rows in, same probabilities out as
 * Tribuo; none of its per-example objects.
 *
 * <p>Artifact ({@value #FORMAT}): a version, the class order, the column names, means, SDs and
 * weights as big-endian numbers; reading it cannot execute code. Immutable and thread-safe.
 */
public final class LogisticDirectionModel implements DirectionModel {
  public static final String FORMAT = "standardised-logistic-f64-v1";
  private static final int VERSION = 1;
  private static final int EPOCHS = 5;
  private static final double LEARNING_RATE = 1.0;
  private static final double EPSILON = 0.1;
  private static final long SEED = 12345L;

  private final int[] classes;
  private final List<String> columns;
  private final double[] mean;
  private final double[] sd;
  private final double[][] weights;

  private LogisticDirectionModel(
      int[] classes, List<String> columns, double[] mean, double[] sd, double[][] weights) {
    this.classes = classes;
    this.columns = List.copyOf(columns);
    this.mean = mean;
    this.sd = sd;
    this.weights = weights;
  }

  /**
   * @param labelCodes the Direction ordinal of each row, aligned with {@code rows}
   */
  static LogisticDirectionModel train(FeatureMatrix matrix, int[] rows, int[] labelCodes) {
    int[] classes = ClassOrder.tribuo(labelCodes);
    int[] classIndex = ClassOrder.indexOf(classes);
    List<String> columns = ClassOrder.sortedNames(matrix);
    int width = columns.size();
    double[][] source = ClassOrder.columns(matrix, columns);
    double[] mean = new double[width];
    double[] sd = new double[width];
    for (int j = 0; j < width; j++) {
      double m = 0;
      double sumSquares = 0;
      long count = 0;
      for (int row : rows) {
        double value = source[j][row];
        count++;
        double delta = value - m;
        m += delta / count;
        sumSquares += delta * (value - m);
      }
      mean[j] = m;
      sd[j] = Math.sqrt(sumSquares / (count - 1));
    }
    double[][] x = new double[rows.length][];
    int[] y = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      x[i] = standardised(source, rows[i], mean, sd);
      y[i] = classIndex[labelCodes[i]];
    }
    double[][] w = new double[classes.length][width + 1];
    double[][] squares = new double[classes.length][width + 1];
    SplittableRandom rng = new SplittableRandom(SEED).split();
    int[] order = new int[rows.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double[] p = new double[classes.length];
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (int i = order.length; i > 1; i--) {
        int j = rng.nextInt(i);
        int tmp = order[i - 1];
        order[i - 1] = order[j];
        order[j] = tmp;
      }
      for (int r : order) {
        double[] features = x[r];
        scores(w, features, p);
        softmax(p);
        for (int c = 0; c < p.length; c++) {
          double g = p[c] * -1.0;
          if (c == y[r]) {
            g += 1.0;
          }
          double[] wc = w[c];
          double[] sc = squares[c];
          for (int j = 0; j <= width; j++) {
            double grad = features[j] * g;
            sc[j] += grad * grad;
            wc[j] += grad * (LEARNING_RATE / (EPSILON + Math.sqrt(sc[j])));
          }
        }
      }
    }
    return new LogisticDirectionModel(classes, columns, mean, sd, w);
  }

  /** One row's standardised features and the bias 1 (Tribuo's {@code MeanStdDevTransformer}). */
  private static double[] standardised(double[][] source, int row, double[] mean, double[] sd) {
    double[] out = new double[mean.length + 1];
    for (int j = 0; j < mean.length; j++) {
      out[j] = (((source[j][row] - mean[j]) / sd[j]) * 1.0) + 0.0;
    }
    out[mean.length] = 1.0;
    return out;
  }

  private static void scores(double[][] w, double[] features, double[] out) {
    for (int c = 0; c < out.length; c++) {
      double s = 0;
      for (int j = 0; j < features.length; j++) {
        s += w[c][j] * features[j];
      }
      out[c] = s;
    }
  }

  /** Tribuo's {@code ExpNormalizer}: exp(x − max) / sum. */
  private static void softmax(double[] v) {
    double max = -Double.MAX_VALUE;
    for (double d : v) {
      if (max < d) {
        max = d;
      }
    }
    double sum = 0.0;
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.exp(v[i] - max);
      sum += v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= sum;
    }
  }

  @Override
  public ModelKind kind() {
    return ModelKind.LOGISTIC;
  }

  @Override
  public double[][] predict(FeatureMatrix matrix, int[] rows) {
    double[][] source = ClassOrder.columns(matrix, columns);
    double[][] out = new double[rows.length][];
    double[] p = new double[classes.length];
    for (int i = 0; i < rows.length; i++) {
      scores(weights, standardised(source, rows[i], mean, sd), p);
      softmax(p);
      out[i] = ClassOrder.directionProbabilities(p, classes);
    }
    return out;
  }

  @Override
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(VERSION);
      out.writeInt(classes.length);
      for (int c : classes) {
        out.writeInt(c);
      }
      out.writeInt(columns.size());
      for (int j = 0; j < columns.size(); j++) {
        out.writeUTF(columns.get(j));
        out.writeDouble(mean[j]);
        out.writeDouble(sd[j]);
      }
      for (double[] row : weights) {
        for (double v : row) {
          out.writeDouble(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a model written by {@link #toBytes()}
   */
  static LogisticDirectionModel fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != VERSION) {
        throw new IllegalArgumentException("unknown logistic model artifact version");
      }
      int k = in.readInt();
      if (k < 2 || k > 3) {
        throw new IllegalArgumentException("logistic model artifact has " + k + " classes");
      }
      int[] classes = new int[k];
      for (int c = 0; c < k; c++) {
        classes[c] = in.readInt();
        if (classes[c] < 0 || classes[c] > 2) {
          throw new IllegalArgumentException("logistic model artifact has a bad class");
        }
      }
      int width = in.readInt();
      if (width < 1 || width > 10_000) {
        throw new IllegalArgumentException("logistic model artifact has " + width + " columns");
      }
      List<String> columns = new ArrayList<>(width);
      double[] mean = new double[width];
      double[] sd = new double[width];
      for (int j = 0; j < width; j++) {
        columns.add(in.readUTF());
        mean[j] = in.readDouble();
        sd[j] = in.readDouble();
      }
      double[][] w = new double[k][width + 1];
      for (double[] row : w) {
        for (int j = 0; j < row.length; j++) {
          row[j] = in.readDouble();
        }
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("logistic model artifact has trailing bytes");
      }
      return new LogisticDirectionModel(classes, columns, mean, sd, w);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "model artifact is not a logistic model: " + e.getMessage(), e);
    }
  }
}
