package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IsotonicFitTest {

  @Test
  void pool_adjacent_violators_on_a_hand_worked_example() {
    // Outcomes 1, 0, 0, 1, 1 at 0.1 … 0.5. 0.1 (1/1) then 0.2 (0/1) violate: pool to 1/2; then
    // 0.3 (0/1) violates 1/2: pool to 1/3; 0.4 (1/1) is above 1/3; 0.5 (1/1) equals it: pooled
    // to 2/2. Blocks: [0.1, 0.3] at 1/3 and [0.4, 0.5] at 1.
    IsotonicFit fit =
        IsotonicFit.fit(
            new double[] {0.3, 0.1, 0.5, 0.2, 0.4}, new boolean[] {false, true, true, false, true});
    assertThat(fit.blocks())
        .containsExactly(
            new IsotonicFit.Block(0.1, 0.3, 1, 3), new IsotonicFit.Block(0.4, 0.5, 2, 2));
    assertThat(fit.valueAt(0.1)).isEqualTo(1.0 / 3);
    assertThat(fit.valueAt(0.35)).isEqualTo(1.0 / 3);
    assertThat(fit.valueAt(0.4)).isEqualTo(1.0);
    assertThat(fit.valueAt(0.05)).as("below the first score").isEqualTo(1.0 / 3);
    assertThat(fit.valueAt(0.9)).as("above the last score").isEqualTo(1.0);
  }

  @Test
  void constant_outcomes_give_a_constant_map() {
    double[] scores = {0.9, 0.1, 0.5, 0.3, 0.7};
    IsotonicFit allTrue = IsotonicFit.fit(scores, new boolean[] {true, true, true, true, true});
    IsotonicFit allFalse =
        IsotonicFit.fit(scores, new boolean[] {false, false, false, false, false});
    assertThat(allTrue.blocks()).containsExactly(new IsotonicFit.Block(0.1, 0.9, 5, 5));
    assertThat(allFalse.blocks()).containsExactly(new IsotonicFit.Block(0.1, 0.9, 0, 5));
    assertThat(allTrue.valueAt(0.0)).isEqualTo(1.0);
    assertThat(allFalse.valueAt(1.0)).isEqualTo(0.0);
  }

  @Test
  void equal_confidences_share_one_value_whatever_their_order() {
    // 0.2: 1 of 3; 0.6: 1 of 1 — increasing, two blocks.
    IsotonicFit tiesThenRise =
        IsotonicFit.fit(
            new double[] {0.2, 0.6, 0.2, 0.2}, new boolean[] {false, true, true, false});
    assertThat(tiesThenRise.blocks())
        .containsExactly(
            new IsotonicFit.Block(0.2, 0.2, 1, 3), new IsotonicFit.Block(0.6, 0.6, 1, 1));
    // 0.2: 2 of 2 then 0.6: 1 of 2 violate: one block of 3 of 4.
    IsotonicFit tiesThenFall =
        IsotonicFit.fit(new double[] {0.6, 0.2, 0.6, 0.2}, new boolean[] {false, true, true, true});
    assertThat(tiesThenFall.blocks()).containsExactly(new IsotonicFit.Block(0.2, 0.6, 3, 4));
  }

  @Test
  void the_map_is_monotone_on_noisy_outcomes() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    double[] scores = new double[2000];
    boolean[] outcomes = new boolean[2000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextDouble();
      outcomes[i] = random.nextDouble() < 0.2 + 0.5 * scores[i];
    }
    IsotonicFit fit = IsotonicFit.fit(scores, outcomes);
    for (int i = 1; i < fit.blocks().size(); i++) {
      assertThat(fit.blocks().get(i).value()).isGreaterThan(fit.blocks().get(i - 1).value());
    }
  }

  @Test
  void empty_or_mismatched_input_is_refused() {
    assertThatThrownBy(() -> IsotonicFit.fit(new double[0], new boolean[0]))
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> IsotonicFit.fit(new double[] {0.1}, new boolean[] {true, false}))
        .hasMessageContaining("differ in length");
  }
}
