package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTest {
  @Test
  void sixty_of_a_hundred_has_the_textbook_wilson_interval() {
    Score s = Score.of(60, 100, new NaiveBaselines.Hits(100, 40, 30));
    // z = 1.959964; centre = (0.6 + z²/200) / (1 + z²/100) = 0.596307
    // half = z·sqrt(0.6·0.4/100 + z²/40000) / (1 + z²/100) = 0.094298
    assertThat(s.accuracy()).isEqualTo(0.6);
    assertThat(s.ciLow()).isCloseTo(0.596307 - 0.094298, within(1e-5));
    assertThat(s.ciHigh()).isCloseTo(0.596307 + 0.094298, within(1e-5));
    assertThat(s.baselineAccuracy()).isEqualTo(0.4);
    assertThat(s.baselineName()).isEqualTo("majority");
    assertThat(s.baselines()).containsExactly(entry("majority", 0.4), entry("persistence", 0.3));
    assertThat(s.n()).isEqualTo(100);
  }

  @Test
  void the_baseline_is_the_strongest_naive_predictor() {
    Score s = Score.of(50, 100, new NaiveBaselines.Hits(100, 30, 45));
    assertThat(s.baselineAccuracy()).isEqualTo(0.45);
    assertThat(s.baselineName()).isEqualTo("persistence");
  }

  @Test
  void a_tie_is_named_after_the_majority() {
    assertThat(Score.of(50, 100, new NaiveBaselines.Hits(100, 40, 40)).baselineName())
        .isEqualTo("majority");
  }

  @Test
  void the_baseline_is_never_below_chance() {
    // 24 % and 20 %: both naive predictors are worse than a guess among three classes
    Score s = Score.of(50, 100, new NaiveBaselines.Hits(100, 24, 20));
    assertThat(s.baselineAccuracy()).isEqualTo(1 / 3.0);
    assertThat(s.baselineName()).isEqualTo("chance");
    assertThat(s.baselines()).containsExactly(entry("majority", 0.24), entry("persistence", 0.2));
    // just at chance, the predictor that reaches it is named: 1/3 of 3 rows
    assertThat(Score.of(1, 3, new NaiveBaselines.Hits(3, 1, 0)).baselineName())
        .isEqualTo("majority");
  }

  @Test
  void no_rows_is_an_uninformative_score_against_chance() {
    assertThat(Score.of(0, 0, NaiveBaselines.Hits.NONE))
        .isEqualTo(
            new Score(0, 0, 0, 1, 1 / 3.0, "chance", Map.of("majority", 0.0, "persistence", 0.0)));
  }

  @Test
  void counts_above_n_and_baselines_over_other_rows_are_refused() {
    assertThatThrownBy(() -> Score.of(11, 10, new NaiveBaselines.Hits(10, 0, 0)))
        .hasMessageContaining("counts");
    assertThatThrownBy(() -> Score.of(5, 10, new NaiveBaselines.Hits(9, 0, 0)))
        .hasMessageContaining("baseline rows=9");
    assertThatThrownBy(() -> new NaiveBaselines.Hits(10, 11, 0)).hasMessageContaining("hits");
  }

  @Test
  void a_baseline_that_is_not_the_strongest_or_below_chance_is_refused() {
    Map<String, Double> both = Map.of("majority", 0.3, "persistence", 0.4);
    assertThatThrownBy(() -> new Score(0.5, 10, 0.2, 0.8, 0.3, "majority", both))
        .hasMessageContaining("largest");
    assertThatThrownBy(() -> new Score(0.5, 10, 0.2, 0.8, 0.3, "majority", Map.of("majority", 0.3)))
        .hasMessageContaining("1/3");
    assertThatThrownBy(() -> new Score(0.5, 10, 0.2, 0.8, 0.4, "oracle", both))
        .hasMessageContaining("baseline_name must be majority, persistence or chance");
    assertThatThrownBy(() -> new Score(0.5, 10, 0.2, 0.8, 0.4, "persistence", Map.of()))
        .hasMessageContaining("baselines must name");
  }
}
