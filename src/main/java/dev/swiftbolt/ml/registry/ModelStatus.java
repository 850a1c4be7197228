package dev.swiftbolt.ml.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * A registered model's standing in its series: the {@code champion} issues its forecasts (the
 * active model), a {@code rejected} challenger lost to the champion when it was trained, a {@code
 * retired} model was a champion until a challenger replaced it.
 */
public enum ModelStatus {
  CHAMPION("champion"),
  REJECTED("rejected"),
  RETIRED("retired");

  private final String id;

  ModelStatus(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /**
   * @throws IllegalArgumentException for another name
   */
  public static ModelStatus parse(String id) {
    return Arrays.stream(values())
        .filter(s -> s.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown model status %s; expected champion, rejected or retired"
                        .formatted(id)));
  }
}
