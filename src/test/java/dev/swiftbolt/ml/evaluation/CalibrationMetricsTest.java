package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.swiftbolt.ml.models.ProbabilityCalibrator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationMetricsTest {
  private final double[][] p = {{0.7, 0.2, 0.1}, {0.3, 0.3, 0.4}, {0.25, 0.5, 0.25}};
  private final int[] y = {0, 1, 1};

  @Test
  void brier_is_the_mean_squared_distance_to_the_one_hot_truth() {
    double row1 = 0.3 * 0.3 + 0.2 * 0.2 + 0.1 * 0.1; // 0.14
    double row2 = 0.3 * 0.3 + 0.7 * 0.7 + 0.4 * 0.4; // 0.74
    double row3 = 0.25 * 0.25 + 0.5 * 0.5 + 0.25 * 0.25; // 0.375
    assertThat(CalibrationMetrics.brier(p, y)).isCloseTo((row1 + row2 + row3) / 3, within(1e-12));
  }

  @Test
  void ece_weighs_each_confidence_bin_gap_by_its_share_of_rows() {
    // bins: 0.7 → bin 7 (hit), 0.4 → bin 4 (miss: predicts bear), 0.5 → bin 5 (hit)
    double expected = (Math.abs(1 - 0.7) + Math.abs(0 - 0.4) + Math.abs(1 - 0.5)) / 3;
    assertThat(CalibrationMetrics.ece(p, y)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void ties_in_probability_predict_neutral() {
    assertThat(CalibrationMetrics.argmax(new double[] {0.4, 0.4, 0.2})).isEqualTo(1);
    assertThat(CalibrationMetrics.argmax(new double[] {0.45, 0.1, 0.45})).isEqualTo(0);
  }

  @Test
  void platt_scaling_reduces_the_ece_of_overconfident_probabilities() {
    SplittableRandom random = new SplittableRandom(11);
    int n = 3000;
    double[][] probs = new double[n][];
    int[] actual = new int[n];
    for (int i = 0; i < n; i++) {
      int predicted = random.nextInt(3);
      probs[i] = new double[] {0.05, 0.05, 0.05};
      probs[i][predicted] = 0.9;
      // claims 90 %, right only half the time
      actual[i] = random.nextDouble() < 0.5 ? predicted : (predicted + 1) % 3;
    }
    double before = CalibrationMetrics.ece(probs, actual);
    double after =
        CalibrationMetrics.ece(ProbabilityCalibrator.fitPlatt(probs, actual).apply(probs), actual);
    assertThat(before).isCloseTo(0.4, within(0.03));
    assertThat(after).isLessThan(0.05);
  }
}
