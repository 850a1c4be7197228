package dev.swiftbolt.ml.models;

import dev.swiftbolt.ml.features.FeatureMatrix;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The majority-class baseline: always the most frequent training class (ties broken towards
 * NEUTRAL, then BULLISH), with the training class frequencies as its probabilities.
 */
public final class MajorityModel implements DirectionModel {
  public static final String FORMAT = "class-frequencies-f64x3";
  private final double[] frequencies;

  public MajorityModel(double[] frequencies) {
    if (frequencies.length != 3) {
      throw new IllegalArgumentException("frequencies must have 3 values");
    }
    this.frequencies = frequencies.clone();
  }

  public static MajorityModel fit(int[] labelCodes) {
    double[] counts = new double[3];
    for (int code : labelCodes) {
      counts[code]++;
    }
    double total = labelCodes.length;
    if (total == 0) {
      return new MajorityModel(new double[] {0, 1, 0});
    }
    for (int c = 0; c < 3; c++) {
      counts[c] /= total;
    }
    return new MajorityModel(counts);
  }

  /** The majority class as a Direction ordinal. */
  public int majorityCode() {
    int best = 1;
    for (int c : new int[] {0, 2}) {
      if (frequencies[c] > frequencies[best]) {
        best = c;
      }
    }
    return best;
  }

  @Override
  public ModelKind kind() {
    return ModelKind.MAJORITY;
  }

  @Override
  public double[][] predict(FeatureMatrix matrix, int[] rows) {
    double[][] out = new double[rows.length][];
    Arrays.setAll(out, i -> frequencies.clone());
    return out;
  }

  @Override
  public byte[] toBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(24);
    for (double f : frequencies) {
      buffer.putDouble(f);
    }
    return buffer.array();
  }

  static MajorityModel fromBytes(byte[] bytes) {
    if (bytes.length != 24) {
      throw new IllegalArgumentException("majority model artifact must be 24 bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new MajorityModel(
        new double[] {buffer.getDouble(), buffer.getDouble(), buffer.getDouble()});
  }
}
