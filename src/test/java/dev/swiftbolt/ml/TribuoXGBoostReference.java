package dev.swiftbolt.ml;

import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;

/**
 * The XGBoost fit as SwiftBolt did it through Tribuo 4.3.2 before decision 0006 (per-example {@code
 * ArrayExample}s in a {@code MutableDataset}, Tribuo's CSR conversion, the same native parameter
 * map): the oracle that the direct path must reproduce.
 */
final class TribuoXGBoostReference {
  private TribuoXGBoostReference() {}

  static DirectionModel train(
      XGBoostSettings settings, FeatureMatrix matrix, int[] rows, int[] labelCodes) {
    var trainer =
        new XGBoostClassificationTrainer(
            settings.trees(), new ModelTrainer(settings).xgboostParameters());
    return new TribuoDirectionModel(
        ModelKind.XGBOOST, trainer.train(TribuoData.dataset(matrix, rows, labelCodes)));
  }
}
