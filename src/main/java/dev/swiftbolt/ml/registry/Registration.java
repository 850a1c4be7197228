package dev.swiftbolt.ml.registry;

import dev.swiftbolt.ml.evaluation.Forecaster;
import java.util.Objects;
import java.util.Optional;

/**
 * How a model enters the registry: the forecaster its series issues with it, the champion rule's
 * evidence ({@code selection} JSON), and whether it becomes the champion or is registered as a
 * rejected challenger, with the reason (the challenger rule's figures).
 */
public record Registration(
    Forecaster forecaster,
    Optional<String> selectionJson,
    ModelStatus status,
    Optional<String> reason) {

  public Registration {
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(selectionJson, "selectionJson");
    Objects.requireNonNull(reason, "reason");
    if (status == ModelStatus.RETIRED) {
      throw new IllegalArgumentException("a model is registered as champion or rejected");
    }
  }

  /** A champion issuing the model itself, without evidence (how models were registered before). */
  public static final Registration MODEL_CHAMPION =
      new Registration(
          Forecaster.XGBOOST, Optional.empty(), ModelStatus.CHAMPION, Optional.empty());
}
