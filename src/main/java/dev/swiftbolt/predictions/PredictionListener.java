package dev.swiftbolt.predictions;

import dev.swiftbolt.validation.UnifiedPrediction;
import org.jdbi.v3.core.Handle;

/**
 * Told of each unified prediction {@link UnifiedPredictionRepository} stores, inside the storing
 * transaction: what it writes on {@code handle} commits with the prediction or not at all (an
 * outbox). Packages above this one implement it (alerts); this package never knows them.
 *
 * <p>Implementations must be thread-safe; an exception rolls the prediction back.
 */
@FunctionalInterface
public interface PredictionListener {

  /** Listens to nothing. */
  PredictionListener NONE = (handle, id, prediction) -> {};

  /**
   * Called after the row {@code id} holding {@code prediction} is inserted, before the commit.
   *
   * @param handle the storing transaction's handle; never commit or close it
   */
  void stored(Handle handle, long id, UnifiedPrediction prediction);
}
