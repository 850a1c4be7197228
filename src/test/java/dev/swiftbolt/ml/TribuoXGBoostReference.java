package dev.swiftbolt.ml;

import dev.swiftbolt.ml.features.FeatureMatrix;
import dev.swiftbolt.ml.models.DirectionModel;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.ModelTrainer;
import dev.swiftbolt.ml.models.TribuoData;
import dev.swiftbolt.ml.models.TribuoDirectionModel;
import dev.swiftbolt.ml.models.XGBoostSettings;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;

/**
 * The XGBoost fit as SwiftBolt did it through Tribuo 4.3.2 before decision 0008 (per-example {@code
 * ArrayExample}s in a {@code MutableDataset}, Tribuo's CSR conversion, the same native parameter
 * map): the oracle that the direct path must reproduce.
 */
public final class TribuoXGBoostReference {
  private TribuoXGBoostReference() {}

  public static DirectionModel train(
      XGBoostSettings settings, FeatureMatrix matrix, int[] rows, int[] labelCodes) {
    var trainer =
        new XGBoostClassificationTrainer(
            settings.trees(), new ModelTrainer(settings).xgboostParameters());
    return new TribuoDirectionModel(
        ModelKind.XGBOOST, trainer.train(TribuoData.dataset(matrix, rows, labelCodes)));
  }
}
