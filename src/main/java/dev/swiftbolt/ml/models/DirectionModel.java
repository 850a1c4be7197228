package dev.swiftbolt.ml.models;

import dev.swiftbolt.ml.features.FeatureMatrix;

/**
 * A trained 3-class direction model. Probabilities are returned in {@link
 * dev.swiftbolt.market.Direction} order (p_bull, p_neutral, p_bear) and sum to 1; a class never
 * seen in training gets probability 0.
 *
 * <p>Implementations are immutable; whether {@link #predict} may be called concurrently is up to
 * the backend (Tribuo models may; treat them as not thread-safe to be safe).
 */
public interface DirectionModel {

  ModelKind kind();

  /** Class probabilities for the given rows of {@code matrix}, one {@code double[3]} per row. */
  double[][] predict(FeatureMatrix matrix, int[] rows);

  /** The model as bytes for the registry; {@link ModelCodec#decode} reads them back. */
  byte[] toBytes();
}
