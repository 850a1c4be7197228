package dev.swiftbolt.ml.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.swiftbolt.ml.SyntheticBars;
import dev.swiftbolt.ml.TribuoLogisticReference;
import dev.swiftbolt.ml.TribuoXGBoostReference;
import dev.swiftbolt.ml.features.LabelledMatrix;
import dev.swiftbolt.ml.features.Labels;
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

  /**
   * Decision 0008: the direct xgboost4j fit must give the probabilities the Tribuo backend gave for
   * the same rows, settings and seed. Three series whose training labels start with each class
   * (Tribuo numbers NEUTRAL and BEARISH in order of first appearance), scored on every row.
   */
  @Test
  void the_direct_xgboost_fit_gives_the_tribuo_backends_probabilities() {
    for (long seed = 1; seed <= 3; seed++) {
      LabelledMatrix m =
          SyntheticBars.dailyMatrix(SyntheticBars.autoregressive(seed, 1260, 0.1, 0.012));
      int[] all = labelledRows(m);
      for (int skip = 0; skip < 3; skip++) {
        int[] train = IntStream.of(all).skip(skip * 7L).toArray();
        int[] y = IntStream.of(train).map(m::labelOfRow).toArray();
        XGBoostSettings settings = XGBoostSettings.defaults();
        double[][] direct =
            new ModelTrainer(settings)
                .train(ModelKind.XGBOOST, m.features(), train, y)
                .predict(m.features(), all);
        double[][] tribuo =
            TribuoXGBoostReference.train(settings, m.features(), train, y)
                .predict(m.features(), all);
        for (int i = 0; i < all.length; i++) {
          assertThat(direct[i])
              .as("seed %d skip %d row %d", seed, skip, i)
              .containsExactly(tribuo[i], within(1e-6));
        }
      }
    }
  }

  /**
   * Decision 0008: the primitive logistic baseline must give the probabilities Tribuo's SGD
   * logistic regression (standardised by a TransformTrainer) gave for the same rows.
   */
  @Test
  void the_direct_logistic_fit_gives_the_tribuo_baselines_probabilities() {
    for (long seed = 1; seed <= 3; seed++) {
      LabelledMatrix m =
          SyntheticBars.dailyMatrix(SyntheticBars.autoregressive(seed, 1260, 0.1, 0.012));
      int[] all = labelledRows(m);
      for (int skip = 0; skip < 3; skip++) {
        int[] train = IntStream.of(all).skip(skip * 7L).toArray();
        int[] y = IntStream.of(train).map(m::labelOfRow).toArray();
        double[][] direct =
            new ModelTrainer(XGBoostSettings.defaults())
                .train(ModelKind.LOGISTIC, m.features(), train, y)
                .predict(m.features(), all);
        double[][] tribuo =
            TribuoLogisticReference.train(m.features(), train, y).predict(m.features(), all);
        for (int i = 0; i < all.length; i++) {
          assertThat(direct[i])
              .as("seed %d skip %d row %d", seed, skip, i)
              .containsExactly(tribuo[i], within(1e-6));
        }
      }
    }
  }

  @Test
  void xgboost_classes_are_numbered_as_tribuo_numbered_them() {
    // Tribuo 4.3.2 on label sequences B,N,Bear / Bear,N,B / N,Bear: BULLISH BEARISH NEUTRAL,
    // BULLISH NEUTRAL BEARISH, BEARISH NEUTRAL (checked against MutableDataset.getOutputIDInfo).
    assertThat(ClassOrder.tribuo(new int[] {0, 1, 2})).containsExactly(0, 2, 1);
    assertThat(ClassOrder.tribuo(new int[] {2, 1, 0, 1})).containsExactly(0, 1, 2);
    assertThat(ClassOrder.tribuo(new int[] {1, 2, 2})).containsExactly(2, 1);
    assertThat(ClassOrder.tribuo(new int[] {2, 0})).containsExactly(0, 2);
  }

  @Test
  void a_model_registered_by_the_tribuo_backend_is_still_read_and_predicts_the_same() {
    DirectionModel legacy =
        TribuoXGBoostReference.train(XGBoostSettings.defaults(), data.features(), rows, labels);
    DirectionModel read = ModelCodec.decode(ModelKind.XGBOOST, "tribuo-protobuf", legacy.toBytes());
    assertThat(read.predict(data.features(), rows))
        .isDeepEqualTo(legacy.predict(data.features(), rows));
    assertThat(ModelKind.ofAlgorithm("tribuo-xgboost")).isEqualTo(ModelKind.XGBOOST);
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

  private static int[] labelledRows(LabelledMatrix m) {
    return IntStream.range(0, m.features().rows())
        .filter(r -> m.labelOfRow(r) != Labels.NONE)
        .toArray();
  }

  private DirectionModel train(ModelKind kind) {
    return new ModelTrainer(XGBoostSettings.defaults()).train(kind, data.features(), rows, labels);
  }
}
