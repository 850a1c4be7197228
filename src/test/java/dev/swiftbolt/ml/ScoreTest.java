package dev.swiftbolt.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreTest {
  @Test
  void sixty_of_a_hundred_has_the_textbook_wilson_interval() {
    Score s = Score.of(60, 100, 40);
    // z = 1.959964; centre = (0.6 + z²/200) / (1 + z²/100) = 0.596307
    // half = z·sqrt(0.6·0.4/100 + z²/40000) / (1 + z²/100) = 0.094298
    assertThat(s.accuracy()).isEqualTo(0.6);
    assertThat(s.ciLow()).isCloseTo(0.596307 - 0.094298, within(1e-5));
    assertThat(s.ciHigh()).isCloseTo(0.596307 + 0.094298, within(1e-5));
    assertThat(s.baselineAccuracy()).isEqualTo(0.4);
    assertThat(s.n()).isEqualTo(100);
  }

  @Test
  void no_rows_is_an_uninformative_score() {
    assertThat(Score.of(0, 0, 0)).isEqualTo(new Score(0, 0, 0, 1, 0));
  }

  @Test
  void counts_above_n_are_refused() {
    assertThatThrownBy(() -> Score.of(11, 10, 0)).hasMessageContaining("counts");
  }
}
