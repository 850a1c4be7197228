package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.SyntheticBars;
import dev.swiftbolt.ml.features.LabelConfig;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.ml.features.LabelledMatrix;
import dev.swiftbolt.ml.features.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveResolutionTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final Labeler labeler = new Labeler(LabelConfig.defaults());
  private final List<Bar> bars = SyntheticBars.randomWalk(8, 60);
  private final Bar at = bars.get(40);

  @Test
  void a_forecast_is_unresolved_while_the_horizon_bar_is_missing() {
    // bar 40 + 5 = bar 45; bars 0..44 exist
    LiveResolution resolution = new LiveResolution(bars.subList(0, 45), labeler);
    assertThat(resolution.resolve(new LiveResolution.Pending(at.ts(), 5, Direction.BULLISH), NOW))
        .isEmpty();
  }

  @Test
  void a_forecast_resolves_once_the_horizon_bar_exists_with_the_training_label_rule() {
    LiveResolution resolution = new LiveResolution(bars.subList(0, 46), labeler);
    Direction realized =
        labeler.label(bars, dev.swiftbolt.market.Timeframe.D1).direction(40).orElseThrow();
    double r = Math.log(bars.get(45).close() / at.close());
    assertThat(realized)
        .isEqualTo(
            Labeler.classify(r, labeler.label(bars, dev.swiftbolt.market.Timeframe.D1).band(40)));
    for (Direction predicted : Direction.values()) {
      LiveResolution.Resolved resolved =
          resolution.resolve(new LiveResolution.Pending(at.ts(), 5, predicted), NOW).orElseThrow();
      assertThat(resolved.realized()).isEqualTo(realized);
      assertThat(resolved.correct()).isEqualTo(predicted == realized);
      assertThat(resolved.resolvedAt()).isEqualTo(NOW);
    }
  }

  @Test
  void a_forecast_at_an_unknown_bar_does_not_resolve() {
    LiveResolution resolution = new LiveResolution(bars, labeler);
    Instant between = at.ts().plusSeconds(60);
    assertThat(resolution.resolve(new LiveResolution.Pending(between, 5, Direction.NEUTRAL), NOW))
        .isEmpty();
  }

  /** A random-walk series whose bars the live outcomes below are made at. */
  private final LabelledMatrix series = SyntheticBars.dailyMatrix(SyntheticBars.randomWalk(8, 300));

  private static final int[] ALL_BULLISH = {0, 0, 0};

  private static Score wf(int correct, int n) {
    return Score.of(correct, n, new NaiveBaselines.Hits(n, 0, 0));
  }

  @Test
  void with_nine_resolved_the_walk_forward_score_stands_in() {
    Score wf = Score.of(30, 60, new NaiveBaselines.Hits(60, 20, 25));
    LiveScore live = LiveScore.of(outcomes(9, 9), new int[] {1}, series, wf);
    assertThat(live.source()).isEqualTo("walkforward_proxy");
    assertThat(live.score()).isEqualTo(wf);
  }

  @Test
  void with_ten_resolved_the_live_accuracy_is_used() {
    LiveScore live = LiveScore.of(outcomes(10, 7), ALL_BULLISH, series, wf(1, 2));
    assertThat(live.source()).isEqualTo("live");
    assertThat(live.score().n()).isEqualTo(10);
    assertThat(live.score().accuracy()).isEqualTo(7 / 10.0);
  }

  @Test
  void only_the_thirty_most_recent_resolved_forecasts_count() {
    // 30 newest: all correct; 10 older: all wrong
    List<LiveScore.Outcome> newestFirst = new ArrayList<>(outcomes(30, 30));
    newestFirst.addAll(outcomes(10, 0));
    LiveScore live = LiveScore.of(newestFirst, ALL_BULLISH, series, wf(1, 2));
    assertThat(live.score().n()).isEqualTo(30);
    assertThat(live.score().accuracy()).isEqualTo(1.0);
    // all realized BULLISH: the majority baseline predicting BULLISH is right 30 of 30
    assertThat(live.score().baselineAccuracy()).isEqualTo(1.0);
    assertThat(live.score().baselineName()).isEqualTo("majority");
  }

  @Test
  void the_live_persistence_baseline_predicts_the_direction_realised_h_bars_before_each_forecast() {
    // forecasts at bars 100..129 realise their own label; persistence at bar t predicts the label
    // of bar t − 5 (the latest whose 5-bar horizon had ended), all of them labelled here
    Labels labels = series.labels();
    List<LiveScore.Outcome> newestFirst = new ArrayList<>();
    int persistenceHits = 0;
    int neutral = 0;
    for (int t = 129; t >= 100; t--) {
      Direction realized = labels.direction(t).orElseThrow();
      newestFirst.add(new LiveScore.Outcome(series.barTime(t), realized, false));
      persistenceHits += labels.direction(t - 5).orElseThrow() == realized ? 1 : 0;
      neutral += realized == Direction.NEUTRAL ? 1 : 0;
    }
    LiveScore live = LiveScore.of(newestFirst, new int[] {1}, series, wf(1, 2));
    assertThat(live.score().baselines())
        .containsExactly(
            entry("majority", neutral / 30.0), entry("persistence", persistenceHits / 30.0));
    assertThat(live.score().baselineAccuracy())
        .isEqualTo(Math.max(1 / 3.0, Math.max(neutral, persistenceHits) / 30.0));
  }

  private List<LiveScore.Outcome> outcomes(int n, int correct) {
    List<LiveScore.Outcome> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new LiveScore.Outcome(series.barTime(100 + i), Direction.BULLISH, i < correct));
    }
    Collections.reverse(out);
    return out;
  }
}
