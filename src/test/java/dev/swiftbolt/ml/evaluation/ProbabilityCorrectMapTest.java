package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.swiftbolt.validation.ProbabilityCorrect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbabilityCorrectMapTest {

  private static final Instant T0 = Instant.parse("2026-06-01T20:00:00Z");

  private static List<ProbabilityCorrectMap.Outcome> outcomes(int n, String source) {
    // Confidence 0.2: 1 in 4 came true; confidence 0.6: 3 in 4.
    List<ProbabilityCorrectMap.Outcome> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean high = i % 2 == 0;
      boolean correct = high ? i % 8 != 0 : i % 8 == 1;
      out.add(
          new ProbabilityCorrectMap.Outcome(
              high ? 0.6 : 0.2, correct, T0.plusSeconds(60L * i), source));
    }
    return out;
  }

  @Test
  void below_one_hundred_outcomes_there_is_no_value_and_the_reason_says_how_many() {
    ProbabilityCorrect p = ProbabilityCorrectMap.estimate(outcomes(99, "live"), 0.6);
    assertThat(p.value()).isEmpty();
    assertThat(p.n()).isEqualTo(99);
    assertThat(p.reason())
        .hasValue("only 99 resolved outcomes before this prediction; at least 100 are needed");
    assertThat(p.source()).hasValue("live");
  }

  @Test
  void at_one_hundred_outcomes_the_value_is_the_blocks_hit_rate_with_its_wilson_interval() {
    ProbabilityCorrect p = ProbabilityCorrectMap.estimate(outcomes(100, "replay"), 0.6);
    // 50 outcomes at 0.6, of which i % 8 != 0 for even i: 37 or 38 came true.
    long hits =
        outcomes(100, "replay").stream().filter(o -> o.confidence() == 0.6 && o.correct()).count();
    assertThat(p.value().getAsDouble()).isCloseTo(hits / 50.0, within(1e-15));
    assertThat(p.n()).isEqualTo(100);
    // Wilson 95 %: (p + z²/2n ± z √(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = 1.959964, n = 50.
    double z = 1.959963984540054;
    double ph = hits / 50.0;
    double centre = (ph + z * z / 100) / (1 + z * z / 50);
    double half = z * Math.sqrt(ph * (1 - ph) / 50 + z * z / 10000) / (1 + z * z / 50);
    assertThat(p.ciLow().getAsDouble()).isCloseTo(centre - half, within(1e-9));
    assertThat(p.ciHigh().getAsDouble()).isCloseTo(centre + half, within(1e-9));
    assertThat(p.source()).hasValue("replay");
    assertThat(p.reason()).isEmpty();
  }

  @Test
  void only_outcomes_known_by_the_predictions_time_count_and_sources_are_named() {
    List<ProbabilityCorrectMap.Outcome> history = new ArrayList<>(outcomes(100, "replay"));
    history.addAll(outcomes(20, "live"));
    Instant at = T0.plusSeconds(60L * 99);
    ProbabilityCorrect p = ProbabilityCorrectMap.estimate(history, 0.2, at);
    assertThat(p.n()).isEqualTo(120);
    assertThat(p.source()).hasValue("live+replay");
    ProbabilityCorrect earlier = ProbabilityCorrectMap.estimate(history, 0.2, at.minusSeconds(1));
    assertThat(earlier.n()).isEqualTo(119);
  }
}
