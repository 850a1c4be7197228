package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChampionRuleTest {
  private static final int BULL = 0;
  private static final int NEUTRAL = 1;
  private static final int BEAR = 2;

  @Test
  void p_value_is_the_upper_binomial_tail_of_the_disagreements_by_hand() {
    // b = 7 model-only hits, c = 2 naive-only hits: P(X >= 7 | n = 9, 1/2)
    // = (C(9,7) + C(9,8) + C(9,9)) / 2^9 = (36 + 9 + 1) / 512
    assertThat(ChampionRule.pValue(7, 2)).isCloseTo((36 + 9 + 1) / 512.0, within(1e-12));
    // b = 2, c = 1: P(X >= 2 | n = 3) = (3 + 1) / 8
    assertThat(ChampionRule.pValue(2, 1)).isCloseTo(4 / 8.0, within(1e-12));
    assertThat(ChampionRule.pValue(0, 0)).isEqualTo(1.0);
    assertThat(ChampionRule.pValue(0, 4)).isEqualTo(1.0);
  }

  @Test
  void model_is_chosen_when_it_beats_the_strongest_naive_at_p_below_ten_percent() {
    // 12 rows, all realised BULL. Majority always NEUTRAL (0 hits); persistence right on rows 0-2
    // (3 hits) is the strongest naive. The model is right on rows 0-7 (8 hits): disagreements are
    // rows 3-7 (model only, b = 5), c = 0 → p = 1/2^5 = 0.03125.
    int[] actual = new int[12];
    int[] model = new int[12];
    int[] majority = new int[12];
    int[] persistence = new int[12];
    for (int i = 0; i < 12; i++) {
      actual[i] = BULL;
      majority[i] = NEUTRAL;
      model[i] = i < 8 ? BULL : BEAR;
      persistence[i] = i < 3 ? BULL : BEAR;
    }
    Selection s = ChampionRule.select(new CandidateRows(actual, model, majority, persistence));
    assertThat(s.bestNaive()).isEqualTo(Forecaster.PERSISTENCE);
    assertThat(s.bestNaiveAccuracy()).isCloseTo(3 / 12.0, within(1e-12));
    assertThat(s.modelAccuracy()).isCloseTo(8 / 12.0, within(1e-12));
    assertThat(s.n()).isEqualTo(12);
    assertThat(s.disagreements()).isEqualTo(5);
    assertThat(s.pValue()).isCloseTo(1 / 32.0, within(1e-12));
    assertThat(s.forecaster()).isEqualTo(Forecaster.XGBOOST);
  }

  @Test
  void strongest_naive_is_issued_when_the_model_does_not_beat_it_significantly() {
    int[] actual = {BULL, BULL, BULL, BULL, NEUTRAL, NEUTRAL};
    int[] model = {BULL, BULL, BULL, BEAR, BULL, NEUTRAL};
    int[] majority = {BULL, BULL, NEUTRAL, BULL, NEUTRAL, NEUTRAL};
    int[] persistence = {BEAR, BEAR, BEAR, BEAR, BEAR, BEAR};
    // model hits rows 0, 1, 2, 5 (4); majority hits rows 0, 1, 3, 4, 5 (5), persistence none.
    // model right and majority wrong: row 2, b = 1; majority right and model wrong: rows 3, 4, c =
    // 2
    Selection s = ChampionRule.select(new CandidateRows(actual, model, majority, persistence));
    assertThat(s.bestNaive()).isEqualTo(Forecaster.MAJORITY);
    assertThat(s.disagreements()).isEqualTo(3);
    // P(X >= 1 | n = 3) = 1 - 1/8
    assertThat(s.pValue()).isCloseTo(7 / 8.0, within(1e-12));
    assertThat(s.forecaster()).isEqualTo(Forecaster.MAJORITY);
    assertThat(s.explanation()).isEqualTo("majority — the model did not beat it, p = 0.88");
  }

  @Test
  void a_tie_between_the_naive_predictors_goes_to_majority() {
    int[] actual = {BULL, BEAR};
    int[] same = {BULL, BULL};
    int[] other = {BEAR, BEAR};
    Selection s = ChampionRule.select(new CandidateRows(actual, same, same, other));
    assertThat(s.bestNaive()).isEqualTo(Forecaster.MAJORITY);
  }

  @Test
  void naive_probabilities_are_confusion_frequencies_of_the_realised_class_given_the_issued() {
    int[] actual = {BULL, BEAR, BEAR, NEUTRAL, BULL};
    int[] persistence = {BULL, BULL, BULL, BULL, BEAR};
    int[] unused = new int[5];
    CandidateRows rows = new CandidateRows(actual, unused, unused, persistence);
    // issued BULL on rows 0-3: realised BULL 1, NEUTRAL 1, BEAR 2
    assertThat(rows.probabilities(Forecaster.PERSISTENCE, BULL)).containsExactly(0.25, 0.25, 0.5);
    // issued BEAR once, realised BULL
    assertThat(rows.probabilities(Forecaster.PERSISTENCE, BEAR)).containsExactly(1.0, 0.0, 0.0);
    // never issued NEUTRAL: the realised classes over all rows
    assertThat(rows.probabilities(Forecaster.PERSISTENCE, NEUTRAL)).containsExactly(0.4, 0.2, 0.4);
  }

  @Test
  void challenger_replaces_the_champion_within_one_standard_error_and_not_beyond() {
    // champion 30/50 = 0.6 out of sample, SE = sqrt(0.6 * 0.4 / 50) = 0.069282
    assertThat(ChallengerRule.decide(0.531, 30, 50).promoted()).isTrue();
    ChallengerRule.Verdict rejected = ChallengerRule.decide(0.530, 30, 50);
    assertThat(rejected.promoted()).isFalse();
    assertThat(rejected.championAccuracy()).isCloseTo(0.6, within(1e-12));
    assertThat(rejected.challengerAccuracy()).isEqualTo(0.530);
    assertThat(rejected.reason()).startsWith("rejected: walk-forward 0.530 vs champion's");
  }

  @Test
  void challenger_replaces_a_champion_with_fewer_than_twenty_resolved_forecasts() {
    assertThat(ChallengerRule.decide(0.1, 19, 19).promoted()).isTrue();
    assertThat(ChallengerRule.decide(0.1, 20, 20).promoted()).isFalse();
  }
}
