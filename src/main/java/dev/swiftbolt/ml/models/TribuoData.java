package dev.swiftbolt.ml.models;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.ml.features.FeatureMatrix;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Conversion of feature-matrix rows and labels to Tribuo datasets. */
public final class TribuoData {
  static final LabelFactory FACTORY = new LabelFactory();
  static final Label UNKNOWN = FACTORY.getUnknownOutput();
  private static final Label[] LABELS = {
    new Label(Direction.BULLISH.name()),
    new Label(Direction.NEUTRAL.name()),
    new Label(Direction.BEARISH.name())
  };

  private TribuoData() {}

  public static MutableDataset<Label> dataset(FeatureMatrix matrix, int[] rows, int[] labelCodes) {
    MutableDataset<Label> dataset =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("swiftbolt feature matrix", FACTORY), FACTORY);
    String[] names = matrix.names().toArray(new String[0]);
    for (int i = 0; i < rows.length; i++) {
      dataset.add(new ArrayExample<>(LABELS[labelCodes[i]], names, matrix.row(rows[i])));
    }
    return dataset;
  }
}
