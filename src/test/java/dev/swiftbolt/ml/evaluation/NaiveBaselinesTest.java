package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.ml.features.Labels;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NaiveBaselinesTest {
  private static final int BULLISH = 0;
  private static final int NEUTRAL = 1;
  private static final int BEARISH = 2;
  private static final int NONE = Labels.NONE;

  @Test
  void persistence_predicts_the_label_of_the_latest_bar_whose_horizon_had_ended() {
    //            bar: 0     1        2        3        4        5
    int[] labels = {NONE, BULLISH, BEARISH, NEUTRAL, BULLISH, NONE};
    // at bar 4 with h = 2 the labels of bars ≤ 2 are known: bar 2's BEARISH
    assertThat(NaiveBaselines.persistence(4, labels, 2, NEUTRAL)).isEqualTo(BEARISH);
    // h = 3: bar 1; h = 1: bar 3
    assertThat(NaiveBaselines.persistence(4, labels, 3, NEUTRAL)).isEqualTo(BULLISH);
    assertThat(NaiveBaselines.persistence(4, labels, 1, NEUTRAL)).isEqualTo(NEUTRAL);
    // at bar 2 with h = 2 only bar 0 had ended, unlabelled: nothing realised yet, the fallback
    assertThat(NaiveBaselines.persistence(2, labels, 2, BEARISH)).isEqualTo(BEARISH);
    // an unlabelled bar is skipped back over: at bar 6 (h = 1) bar 5 is unlabelled, bar 4 counts
    assertThat(NaiveBaselines.persistence(6, labels, 1, NEUTRAL)).isEqualTo(BULLISH);
  }

  /**
   * The training rows are mostly BULLISH; the test window has none, and persistence is wrong on
   * every test bar (h = 2 and the labels flip every two bars). The bar shown is chance, not the
   * majority's 0 %.
   */
  @Test
  void a_training_majority_absent_from_the_test_window_is_not_the_bar() {
    int[] training = new int[200];
    Arrays.fill(training, BULLISH);
    Arrays.fill(training, 150, 200, NEUTRAL);
    int[] labels = new int[240];
    Arrays.fill(labels, 0, 200, BULLISH);
    // bars 198, 199 end the training labels; test window 200..239: BEARISH, BEARISH, NEUTRAL,
    // NEUTRAL, …; at t the label of t − 2 is always the other one (bars 200, 201 read BULLISH)
    for (int t = 200; t < 240; t++) {
      labels[t] = (t / 2) % 2 == 0 ? BEARISH : NEUTRAL;
    }
    int[] test = IntStream.range(200, 240).toArray();

    NaiveBaselines.Hits hits = NaiveBaselines.score(training, test, labels, 2);
    assertThat(hits).isEqualTo(new NaiveBaselines.Hits(40, 0, 0));
    Score score = Score.of(14, 40, hits);
    assertThat(score.baselineAccuracy()).isGreaterThanOrEqualTo(1 / 3.0);
    assertThat(score.baselineName()).isEqualTo("chance").isNotEqualTo("majority");
    assertThat(score.baselines()).containsEntry("majority", 0.0).containsEntry("persistence", 0.0);
  }

  /**
   * A strongly trending series: runs of 20 BULLISH then 20 BEARISH bars, with a NEUTRAL training
   * majority. With h = 5 persistence misses only the first 5 bars of each run: 30 of 40.
   */
  @Test
  void on_a_trending_series_persistence_beats_the_majority() {
    int[] labels = new int[200];
    for (int t = 0; t < labels.length; t++) {
      labels[t] = (t / 20) % 2 == 0 ? BULLISH : BEARISH;
    }
    int[] training = new int[100];
    Arrays.fill(training, NEUTRAL);
    Arrays.fill(training, 0, 30, BULLISH);
    int[] test = IntStream.range(160, 200).toArray();

    NaiveBaselines.Hits hits = NaiveBaselines.score(training, test, labels, 5);
    // bars 160..179 BULLISH: persistence wrong at 160..164 (they read 155..159, BEARISH), same for
    // 180..184; the NEUTRAL majority is never right
    assertThat(hits).isEqualTo(new NaiveBaselines.Hits(40, 0, 30));
    Score score = Score.of(20, 40, hits);
    assertThat(score.baselineName()).isEqualTo("persistence");
    assertThat(score.baselineAccuracy()).isEqualTo(30 / 40.0);
  }

  @Test
  void pooled_hits_are_count_weighted() {
    NaiveBaselines.Hits pooled =
        new NaiveBaselines.Hits(10, 5, 2).plus(new NaiveBaselines.Hits(30, 6, 18));
    assertThat(pooled).isEqualTo(new NaiveBaselines.Hits(40, 11, 20));
    // 11/40 and 20/40, not the mean of 0.5 and 0.2 and of 0.2 and 0.6
    assertThat(pooled.accuracies())
        .containsEntry("majority", 0.275)
        .containsEntry("persistence", 0.5);
  }

  @Test
  void an_unlabelled_test_bar_or_a_horizon_below_one_is_refused() {
    int[] labels = {BULLISH, NONE, BEARISH};
    assertThatThrownBy(() -> NaiveBaselines.score(new int[] {0}, new int[] {1}, labels, 1))
        .hasMessageContaining("test bar 1 has no label");
    assertThatThrownBy(() -> NaiveBaselines.score(new int[] {0}, new int[] {2}, labels, 0))
        .hasMessageContaining("horizon must be at least 1");
  }
}
