package dev.swiftbolt.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.LiveScore;
import dev.swiftbolt.ml.evaluation.NaiveBaselines;
import dev.swiftbolt.ml.evaluation.Score;
import dev.swiftbolt.validation.UnifiedPrediction;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationScores;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The daily step's retraining policy and the validator inputs it assembles. */
class DailyStepTest {

  private static final Instant CLOSE = Instant.parse("2026-03-10T20:00:00Z");

  private static Score score(int correct, int n) {
    return Score.of(correct, n, new NaiveBaselines.Hits(n, n / 2, n / 2));
  }

  @Test
  void a_series_without_a_previous_prediction_is_retrained() {
    assertThat(DailyStep.retrainingDue(Optional.empty(), CLOSE)).isTrue();
  }

  @Test
  void retraining_is_due_at_the_next_retraining_date_and_not_one_second_before() {
    UnifiedPrediction calm =
        new UnifiedValidator()
            .validate(
                "AAPL",
                Direction.BULLISH,
                ValidationScores.of(
                    0.6, 0.6, 0.6, Map.of(), CLOSE.minus(Duration.ofDays(1)), CLOSE));
    assertThat(calm.retrainingTrigger()).isFalse();
    Instant next = calm.nextRetrainingDate();

    assertThat(DailyStep.retrainingDue(Optional.of(calm), next)).isTrue();
    assertThat(DailyStep.retrainingDue(Optional.of(calm), next.minusSeconds(1))).isFalse();
  }

  @Test
  void a_retraining_trigger_makes_the_next_session_retrain_whatever_the_date() {
    UnifiedPrediction drifting =
        new UnifiedValidator()
            .validate(
                "AAPL",
                Direction.BULLISH,
                ValidationScores.of(
                    0.9, 0.9, 0.1, Map.of(), CLOSE.minus(Duration.ofDays(1)), CLOSE));
    assertThat(drifting.retrainingTrigger()).isTrue();

    assertThat(DailyStep.retrainingDue(Optional.of(drifting), CLOSE.minusSeconds(1))).isTrue();
  }

  @Test
  void a_walk_forward_standing_in_for_the_live_score_gives_no_live_sample_size() {
    ValidationScores proxy =
        DailyStep.validatorInputs(
            score(60, 100),
            score(55, 100),
            new LiveScore(score(55, 100), LiveScore.SOURCE_PROXY),
            Map.of(Timeframe.D1, 0.4),
            CLOSE.minus(Duration.ofDays(3)),
            2,
            CLOSE);

    assertThat(proxy.backtestingScore()).isEqualTo(0.60);
    assertThat(proxy.walkforwardScore()).isEqualTo(0.55);
    assertThat(proxy.liveScore()).isEqualTo(0.55);
    assertThat(proxy.backtestingN()).isEqualTo(OptionalInt.of(100));
    assertThat(proxy.liveN()).isEmpty();
    assertThat(proxy.persistentDriftDays()).isEqualTo(2);
    assertThat(proxy.lastRetrainingDate()).isEqualTo(CLOSE.minus(Duration.ofDays(3)));
  }

  @Test
  void resolved_forecasts_give_their_sample_size_and_a_retraining_after_now_counts_as_now() {
    ValidationScores live =
        DailyStep.validatorInputs(
            score(60, 100),
            score(55, 100),
            new LiveScore(score(9, 12), "own_source"),
            Map.of(),
            CLOSE.plusSeconds(1),
            0,
            CLOSE);

    assertThat(live.liveScore()).isEqualTo(9.0 / 12);
    assertThat(live.liveN()).isEqualTo(OptionalInt.of(12));
    assertThat(live.lastRetrainingDate()).isEqualTo(CLOSE);
  }
}
