package dev.swiftbolt.ml.models;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.ml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;

/**
 * A {@link DirectionModel} backed by a Tribuo classification model: the logistic baseline, and
 * XGBoost models registered before decision 0008 (still read for forecasts). Serialised with
 * Tribuo's protobuf format ({@code Model.serialize()}), not Java serialisation: it is versioned by
 * Tribuo and reading it cannot run arbitrary code from the database.
 */
public final class TribuoDirectionModel implements DirectionModel {
  public static final String FORMAT = "tribuo-protobuf";
  private final ModelKind kind;
  private final Model<Label> model;

  public TribuoDirectionModel(ModelKind kind, Model<Label> model) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public ModelKind kind() {
    return kind;
  }

  @Override
  public double[][] predict(FeatureMatrix matrix, int[] rows) {
    String[] names = matrix.names().toArray(new String[0]);
    List<Example<Label>> examples = new ArrayList<>(rows.length);
    for (int row : rows) {
      examples.add(new ArrayExample<>(TribuoData.UNKNOWN, names, matrix.row(row)));
    }
    List<Prediction<Label>> predictions = model.predict(examples);
    double[][] out = new double[rows.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = probabilities(predictions.get(i));
    }
    return out;
  }

  private static double[] probabilities(Prediction<Label> prediction) {
    double[] p = new double[3];
    double sum = 0;
    for (Map.Entry<String, Label> e : prediction.getOutputScores().entrySet()) {
      int c = Direction.valueOf(e.getKey()).ordinal();
      p[c] = Math.max(0, e.getValue().getScore());
      sum += p[c];
    }
    if (sum <= 0) {
      p[Direction.valueOf(prediction.getOutput().getLabel()).ordinal()] = 1;
      return p;
    }
    for (int c = 0; c < 3; c++) {
      p[c] /= sum;
    }
    return p;
  }

  @Override
  public byte[] toBytes() {
    return model.serialize().toByteArray();
  }

  static TribuoDirectionModel fromBytes(ModelKind kind, byte[] bytes) {
    try {
      Model<?> raw = Model.deserialize(ModelProto.parseFrom(bytes));
      return new TribuoDirectionModel(kind, raw.castModel(Label.class));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(
          "model artifact is not a Tribuo model: " + e.getMessage(), e);
    }
  }
}
