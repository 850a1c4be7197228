package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattFitTest {

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1);
    return w;
  }

  @Test
  void two_confidences_are_fitted_to_their_own_hit_rates_by_hand() {
    // Two distinct scores and two parameters: the likelihood is maximised where the map meets each
    // score's hit rate, 1 of 4 at 0.2 and 3 of 4 at 0.6 (ties at each score).
    double[] scores = {0.2, 0.2, 0.2, 0.2, 0.6, 0.6, 0.6, 0.6};
    boolean[] outcomes = {true, false, false, false, true, true, true, false};
    PlattFit fit = PlattFit.fit(scores, outcomes, ones(8));
    // logit 0.25 = −ln 3, logit 0.75 = ln 3; logit 0.2 = −ln 4, logit 0.6 = ln 1.5.
    double b = 2 * Math.log(3) / (Math.log(1.5) + Math.log(4));
    double a = -Math.log(3) + b * Math.log(4);
    assertThat(fit.slope()).isCloseTo(b, within(1e-9));
    assertThat(fit.intercept()).isCloseTo(a, within(1e-9));
    assertThat(fit.valueAt(0.2)).isCloseTo(0.25, within(1e-12));
    assertThat(fit.valueAt(0.6)).isCloseTo(0.75, within(1e-12));
    // Between them the map follows the logistic curve: at 0.4, logit = ln(2/3).
    assertThat(fit.valueAt(0.4))
        .isCloseTo(1 / (1 + Math.exp(-(a + b * Math.log(2.0 / 3)))), within(1e-12));
  }

  @Test
  void weights_count_as_repeated_outcomes() {
    // At 0.2 one hit of weight 1 and one miss of weight 3: 1/4; at 0.6 one hit of weight 3 and one
    // miss of weight 1: 3/4, the same map as four equal-weight outcomes at each score.
    PlattFit fit =
        PlattFit.fit(
            new double[] {0.2, 0.2, 0.6, 0.6},
            new boolean[] {true, false, true, false},
            new double[] {1, 3, 3, 1});
    assertThat(fit.valueAt(0.2)).isCloseTo(0.25, within(1e-12));
    assertThat(fit.valueAt(0.6)).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void the_map_never_decreases() {
    Random random = new Random(20);
    for (int trial = 0; trial < 20; trial++) {
      int n = 200;
      double[] scores = new double[n];
      boolean[] outcomes = new boolean[n];
      double[] weights = new double[n];
      // Every other trial the event is less likely at higher scores.
      boolean falling = trial % 2 == 1;
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextDouble();
        double rate = falling ? 0.8 - 0.6 * scores[i] : 0.2 + 0.6 * scores[i];
        outcomes[i] = random.nextDouble() < rate;
        weights[i] = 0.1 + random.nextDouble();
      }
      PlattFit fit = PlattFit.fit(scores, outcomes, weights);
      assertThat(fit.slope()).isGreaterThanOrEqualTo(0);
      double previous = -1;
      for (int k = 0; k <= 100; k++) {
        double value = fit.valueAt(k / 100.0);
        assertThat(value).isGreaterThanOrEqualTo(previous);
        previous = value;
      }
    }
  }

  @Test
  void a_history_where_higher_scores_came_true_less_often_gives_its_weighted_hit_rate_everywhere() {
    PlattFit fit =
        PlattFit.fit(
            new double[] {0.2, 0.2, 0.8, 0.8},
            new boolean[] {true, true, false, true},
            new double[] {1, 1, 1, 2});
    // Weighted hit rate: (1 + 1 + 2) / 5.
    assertThat(fit.slope()).isZero();
    assertThat(fit.valueAt(0.05)).isEqualTo(0.8);
    assertThat(fit.valueAt(0.95)).isEqualTo(0.8);
  }

  @Test
  void a_constant_outcome_history_gives_a_constant_map() {
    double[] scores = {0.1, 0.3, 0.5, 0.9};
    PlattFit allTrue = PlattFit.fit(scores, new boolean[] {true, true, true, true}, ones(4));
    PlattFit allFalse = PlattFit.fit(scores, new boolean[] {false, false, false, false}, ones(4));
    for (double s : new double[] {0, 0.1, 0.42, 1}) {
      assertThat(allTrue.valueAt(s)).isEqualTo(1.0);
      assertThat(allFalse.valueAt(s)).isEqualTo(0.0);
    }
  }

  @Test
  void one_confidence_for_every_outcome_gives_its_weighted_hit_rate() {
    PlattFit fit =
        PlattFit.fit(
            new double[] {0.4, 0.4, 0.4},
            new boolean[] {true, false, false},
            new double[] {2, 1, 1});
    assertThat(fit.valueAt(0.4)).isCloseTo(0.5, within(1e-12));
    assertThat(fit.valueAt(0.9)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void scores_at_zero_and_one_are_clamped_before_the_logit() {
    assertThat(PlattFit.logit(0)).isCloseTo(Math.log(0.001 / 0.999), within(1e-15));
    assertThat(PlattFit.logit(1)).isCloseTo(Math.log(0.999 / 0.001), within(1e-15));
    PlattFit fit =
        PlattFit.fit(new double[] {0, 0, 1, 1}, new boolean[] {false, true, true, true}, ones(4));
    // Every outcome at 1 came true: the fit runs towards rate 1 there and stops finite.
    assertThat(fit.valueAt(0)).isCloseTo(0.5, within(1e-6));
    assertThat(fit.valueAt(1)).isGreaterThan(0.999).isLessThanOrEqualTo(1.0);
  }

  @Test
  void bad_input_is_refused_with_what_is_wrong() {
    assertThatThrownBy(() -> PlattFit.fit(new double[0], new boolean[0], new double[0]))
        .hasMessage("a Platt fit needs at least one outcome");
    assertThatThrownBy(() -> PlattFit.fit(new double[] {0.5}, new boolean[] {true}, new double[2]))
        .hasMessage("scores, outcomes and weights differ in length: 1, 1 and 2");
    assertThatThrownBy(
            () -> PlattFit.fit(new double[] {Double.NaN}, new boolean[] {true}, new double[] {1}))
        .hasMessage("score 0 is not finite: NaN");
    assertThatThrownBy(() -> PlattFit.fit(new double[] {0.5}, new boolean[] {true}, new double[1]))
        .hasMessage("weight 0 is not positive: 0.0");
  }
}
