package dev.swiftbolt.ml;

import dev.swiftbolt.ml.features.FeatureMatrix;
import dev.swiftbolt.ml.models.DirectionModel;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.TribuoData;
import dev.swiftbolt.ml.models.TribuoDirectionModel;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * The logistic baseline as SwiftBolt fitted it through Tribuo 4.3.2 before decision 0008 (SGD
 * logistic regression inside a mean/SD-standardising {@code TransformTrainer}): the oracle that
 * {@link LogisticDirectionModel} must reproduce.
 */
public final class TribuoLogisticReference {
  /** Tribuo logs every SGD epoch at INFO; kept referenced so the level sticks. */
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  static {
    TRIBUO_LOG.setLevel(Level.WARNING);
  }

  private TribuoLogisticReference() {}

  public static DirectionModel train(FeatureMatrix matrix, int[] rows, int[] labelCodes) {
    var trainer =
        new TransformTrainer<>(
            new LogisticRegressionTrainer(),
            new TransformationMap(List.of(new MeanStdDevTransformation())));
    return new TribuoDirectionModel(
        ModelKind.LOGISTIC, trainer.train(TribuoData.dataset(matrix, rows, labelCodes)));
  }
}
