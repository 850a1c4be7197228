package dev.swiftbolt.ml.registry;

import dev.swiftbolt.market.Timeframe;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Told of each model {@link ModelRegistry#register} stores, inside the registering transaction:
 * what it writes on {@code handle} commits with the model or not at all. Packages above ml
 * implement it (alerts). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ModelListener {

  /** Listens to nothing. */
  ModelListener NONE = (handle, modelId, symbolId, timeframe, replaced) -> {};

  /**
   * Called after model {@code modelId} became the active model of its series.
   *
   * @param replaced the id of the model it replaced (a retraining), empty for a series' first model
   */
  void registered(
      Handle handle, long modelId, long symbolId, Timeframe timeframe, Optional<Long> replaced);
}
