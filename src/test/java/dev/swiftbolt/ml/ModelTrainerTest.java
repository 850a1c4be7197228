package dev.swiftbolt.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {
  private final LabelledMatrix data =
      SyntheticBars.dailyMatrix(SyntheticBars.autoregressive(9, 800, 0.3, 0.01));
  private final int[] rows =
      IntStream.range(0, data.features().rows())
          .filter(r -> data.labelOfRow(r) != Labels.NONE)
          .toArray();
  private final int[] labels = IntStream.of(rows).map(data::labelOfRow).toArray();

  @Test
  void same_input_gives_the_same_model_for_every_kind() {
    for (ModelKind kind : ModelKind.values()) {
      double[][] first = train(kind).predict(data.features(), rows);
      double[][] second = train(kind).predict(data.features(), rows);
      assertThat(second).as(kind.name()).isDeepEqualTo(first);
    }
  }

  @Test
  void a_model_read_back_from_its_bytes_predicts_identically() {
    for (ModelKind kind : ModelKind.values()) {
      DirectionModel model = train(kind);
      DirectionModel copy = ModelCodec.decode(kind, model.toBytes());
      assertThat(copy.predict(data.features(), rows))
          .as(kind.name())
          .isDeepEqualTo(model.predict(data.features(), rows));
    }
  }

  @Test
  void probabilities_are_three_per_row_and_sum_to_one() {
    for (double[] p : train(ModelKind.XGBOOST).predict(data.features(), rows)) {
      assertThat(p).hasSize(3);
      assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-9));
    }
  }

  @Test
  void the_majority_baseline_predicts_the_training_class_frequencies() {
    int[] counts = new int[3];
    for (int label : labels) {
      counts[label]++;
    }
    double[] p = train(ModelKind.MAJORITY).predict(data.features(), new int[] {0})[0];
    assertThat(p[0]).isEqualTo((double) counts[0] / labels.length);
    assertThat(p[1]).isEqualTo((double) counts[1] / labels.length);
    assertThat(p[2]).isEqualTo((double) counts[2] / labels.length);
  }

  private DirectionModel train(ModelKind kind) {
    return new ModelTrainer(XGBoostSettings.defaults()).train(kind, data.features(), rows, labels);
  }
}
