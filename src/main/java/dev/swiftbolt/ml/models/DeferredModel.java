package dev.swiftbolt.ml.models;

import dev.swiftbolt.ml.features.FeatureMatrix;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A model that is fitted when it is first used ({@link #predict} or {@link #toBytes}), not when it
 * is made. A series that issues a naive forecaster never uses its model (the registry stores no
 * artifact for it and the replay registers nothing), so neither pays for the fit. {@link
 * ModelTrainer}'s fits are deterministic (same rows and labels, same model), so fitting later gives
 * the very model an immediate fit would have given. Thread-safe: the fit runs at most once.
 */
final class DeferredModel implements DirectionModel {
  private final ModelKind kind;
  private Supplier<DirectionModel> fit;
  private DirectionModel model;

  DeferredModel(ModelKind kind, Supplier<DirectionModel> fit) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.fit = Objects.requireNonNull(fit, "fit");
  }

  @Override
  public ModelKind kind() {
    return kind;
  }

  @Override
  public double[][] predict(FeatureMatrix matrix, int[] rows) {
    return model().predict(matrix, rows);
  }

  @Override
  public byte[] toBytes() {
    return model().toBytes();
  }

  /** The fitted model, fitting it on first call (and dropping what the fit needed). */
  private synchronized DirectionModel model() {
    if (model == null) {
      model = fit.get();
      fit = null;
    }
    return model;
  }
}
