package dev.swiftbolt.ml;

/** Reads model artifacts written by {@link DirectionModel#toBytes()}. */
public final class ModelCodec {
  private ModelCodec() {}

  /**
   * @throws IllegalArgumentException when the bytes are not an artifact of that kind
   */
  public static DirectionModel decode(ModelKind kind, byte[] bytes) {
    return switch (kind) {
      case MAJORITY -> MajorityModel.fromBytes(bytes);
      case XGBOOST, LOGISTIC -> TribuoDirectionModel.fromBytes(kind, bytes);
    };
  }
}
