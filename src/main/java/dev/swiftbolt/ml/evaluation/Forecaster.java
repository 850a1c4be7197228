package dev.swiftbolt.ml.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Who issues a series' forecasts: the trained model ({@code xgboost}) or one of the naive
 * predictors of {@link NaiveBaselines} ({@code persistence}, {@code majority}). The name is the
 * {@code forecaster} field of forecasts, models, evaluations and predictions.
 */
public enum Forecaster {
  XGBOOST("xgboost"),
  PERSISTENCE("persistence"),
  MAJORITY("majority");

  private final String id;

  Forecaster(String id) {
    this.id = id;
  }

  /** The stored and printed name. */
  @JsonValue
  public String id() {
    return id;
  }

  /** Whether this is one of the naive predictors. */
  public boolean naive() {
    return this != XGBOOST;
  }

  /**
   * @throws IllegalArgumentException naming the accepted names
   */
  public static Forecaster parse(String id) {
    return Arrays.stream(values())
        .filter(f -> f.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown forecaster %s; expected xgboost, persistence or majority"
                        .formatted(id)));
  }
}
