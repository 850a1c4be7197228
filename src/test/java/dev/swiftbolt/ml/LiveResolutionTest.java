package dev.swiftbolt.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.validation.Direction;
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
        labeler.label(bars, dev.swiftbolt.validation.Timeframe.D1).direction(40).orElseThrow();
    double r = Math.log(bars.get(45).close() / at.close());
    assertThat(realized)
        .isEqualTo(
            Labeler.classify(
                r, labeler.label(bars, dev.swiftbolt.validation.Timeframe.D1).band(40)));
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

  @Test
  void with_nine_resolved_the_walk_forward_score_stands_in() {
    Score wf = Score.of(30, 60, 20);
    LiveScore live = LiveScore.of(outcomes(9, 9), Direction.NEUTRAL, wf);
    assertThat(live.source()).isEqualTo("walkforward_proxy");
    assertThat(live.score()).isEqualTo(wf);
  }

  @Test
  void with_ten_resolved_the_live_accuracy_is_used() {
    LiveScore live = LiveScore.of(outcomes(10, 7), Direction.BULLISH, Score.of(1, 2, 1));
    assertThat(live.source()).isEqualTo("live");
    assertThat(live.score().n()).isEqualTo(10);
    assertThat(live.score().accuracy()).isEqualTo(7 / 10.0);
  }

  @Test
  void only_the_thirty_most_recent_resolved_forecasts_count() {
    // 30 newest: all correct; 10 older: all wrong
    List<LiveScore.Outcome> newestFirst = new ArrayList<>(outcomes(30, 30));
    newestFirst.addAll(outcomes(10, 0));
    LiveScore live = LiveScore.of(newestFirst, Direction.BULLISH, Score.of(1, 2, 1));
    assertThat(live.score().n()).isEqualTo(30);
    assertThat(live.score().accuracy()).isEqualTo(1.0);
    // all realized BULLISH: the majority baseline predicting BULLISH is right 30 of 30
    assertThat(live.score().baselineAccuracy()).isEqualTo(1.0);
  }

  private static List<LiveScore.Outcome> outcomes(int n, int correct) {
    List<LiveScore.Outcome> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new LiveScore.Outcome(Direction.BULLISH, i < correct));
    }
    Collections.reverse(out);
    return out;
  }
}
