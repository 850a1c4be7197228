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
  void at_one_hundred_outcomes_the_value_is_the_fitted_hit_rate_with_its_wilson_interval() {
    ProbabilityCorrect p = ProbabilityCorrectMap.estimate(outcomes(100, "replay"), 0.6);
    // 50 outcomes at 0.6, of which i % 8 != 0 for even i: 37 or 38 came true. All are known the
    // same day (weight 1) and there are two confidences, so the Platt map meets both hit rates.
    long hits =
        outcomes(100, "replay").stream().filter(o -> o.confidence() == 0.6 && o.correct()).count();
    assertThat(p.value().getAsDouble()).isCloseTo(hits / 50.0, within(1e-12));
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

  @Test
  void an_outcome_weighs_half_as_much_every_forty_sessions_counting_only_trading_days() {
    // A prediction on Monday 2026-07-06 after the close; Friday 2026-07-03 is the Independence Day
    // holiday, so an outcome known on Thursday 07-02 is one session old, one known on 06-30 three.
    Instant at = Instant.parse("2026-07-06T21:00:00Z");
    List<ProbabilityCorrectMap.Outcome> known =
        List.of(
            new ProbabilityCorrectMap.Outcome(0.5, true, at.minusSeconds(3600), "live"),
            new ProbabilityCorrectMap.Outcome(
                0.5, true, Instant.parse("2026-07-02T20:00:00Z"), "live"),
            new ProbabilityCorrectMap.Outcome(
                0.5, true, Instant.parse("2026-06-30T20:00:00Z"), "live"));
    double[] w = ProbabilityCorrectMap.weights(known, at);
    assertThat(w[0]).isEqualTo(1.0);
    assertThat(w[1]).isCloseTo(Math.pow(0.5, 1 / 40.0), within(1e-15));
    assertThat(w[2]).isCloseTo(Math.pow(0.5, 3 / 40.0), within(1e-15));
  }

  @Test
  void recent_outcomes_count_for_more_than_old_ones() {
    // 50 misses known on 2026-07-02 and 50 hits known on 2026-07-06, all at confidence 0.5: the
    // weighted hit rate is 50 / (50 + 50 · 0.5^(1/40)), its interval Wilson's over the Kish
    // effective count (Σw)² / Σw² of the bucket.
    Instant at = Instant.parse("2026-07-06T21:00:00Z");
    List<ProbabilityCorrectMap.Outcome> known = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      known.add(
          new ProbabilityCorrectMap.Outcome(
              0.5, false, Instant.parse("2026-07-02T20:00:00Z"), "replay"));
      known.add(new ProbabilityCorrectMap.Outcome(0.5, true, at.minusSeconds(60), "replay"));
    }
    ProbabilityCorrect p = ProbabilityCorrectMap.estimate(known, 0.5, at);
    double old = Math.pow(0.5, 1 / 40.0);
    double rate = 1 / (1 + old);
    assertThat(p.value().getAsDouble()).isCloseTo(rate, within(1e-12));
    double effective = Math.pow(50 + 50 * old, 2) / (50 + 50 * old * old);
    double z = 1.959963984540054;
    double centre = (rate + z * z / (2 * effective)) / (1 + z * z / effective);
    double half =
        z
            * Math.sqrt(rate * (1 - rate) / effective + z * z / (4 * effective * effective))
            / (1 + z * z / effective);
    assertThat(p.ciLow().getAsDouble()).isCloseTo(centre - half, within(1e-12));
    assertThat(p.ciHigh().getAsDouble()).isCloseTo(centre + half, within(1e-12));
  }

  @Test
  void a_confidence_in_a_bucket_without_outcomes_has_the_widest_interval() {
    ProbabilityCorrect p = ProbabilityCorrectMap.estimate(outcomes(100, "live"), 0.95);
    assertThat(p.value()).isPresent();
    assertThat(p.ciLow().getAsDouble()).isZero();
    assertThat(p.ciHigh().getAsDouble()).isEqualTo(1.0);
  }
}
