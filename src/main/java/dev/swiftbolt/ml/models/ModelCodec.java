package dev.swiftbolt.ml.models;

/**
 * Reads model artifacts written by {@link DirectionModel#toBytes()}, by their registry format
 * ({@link NewModel#artifactFormat}): none of the formats is Java serialisation, so reading an
 * artifact from the database cannot execute code.
 */
public final class ModelCodec {
  private ModelCodec() {}

  /**
   * Decodes an artifact in the format models of {@code kind} are written in today.
   *
   * @throws IllegalArgumentException when the bytes are not an artifact of that kind
   */
  public static DirectionModel decode(ModelKind kind, byte[] bytes) {
    return decode(kind, NewModel.artifactFormat(kind), bytes);
  }

  /**
   * Decodes an artifact stored with {@code format}: {@code xgboost-ubj} (XGBoost's own model),
   * {@code standardised-logistic-f64-v1} (logistic baseline), {@code tribuo-protobuf} (Tribuo's
   * {@code Model.serialize()}: models fitted through Tribuo before decision 0008) or {@code
   * class-frequencies-f64x3} (majority).
   *
   * @throws IllegalArgumentException when the format is unknown or the bytes are not an artifact of
   *     that format and kind
   * @throws IllegalStateException when the format is {@value NewModel#NO_ARTIFACT}: the model
   *     issues a naive forecaster and has no fitted model to decode
   */
  public static DirectionModel decode(ModelKind kind, String format, byte[] bytes) {
    return switch (format) {
      case NewModel.NO_ARTIFACT ->
          throw new IllegalStateException(
              "this model issues a naive forecaster and was registered without a fitted "
                  + kind.algorithm()
                  + " artifact: its forecasts come from its metrics");
      case MajorityModel.FORMAT -> MajorityModel.fromBytes(bytes);
      case XGBoostDirectionModel.FORMAT -> XGBoostDirectionModel.fromBytes(bytes);
      case LogisticDirectionModel.FORMAT -> LogisticDirectionModel.fromBytes(bytes);
      case TribuoDirectionModel.FORMAT -> TribuoDirectionModel.fromBytes(kind, bytes);
      default ->
          throw new IllegalArgumentException(
              "unknown model artifact format '%s'".formatted(format));
    };
  }
}
