package dev.swiftbolt.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.market.Direction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictionEventsTest {

  private static PredictionState state(long id, Direction d, double confidence, boolean drift) {
    return new PredictionState(id, d, confidence, drift, drift ? 0.6 : 0.1);
  }

  private static List<String> kinds(List<AlertEvent> events) {
    return events.stream().map(e -> e.kind().wire()).toList();
  }

  @Test
  void the_first_prediction_after_tracking_is_ready_with_direction_and_confidence() {
    List<AlertEvent> events =
        PredictionEvents.between(
            "NVDA", Optional.empty(), state(7, Direction.BULLISH, 0.31, false), 0.5, true, 1000);
    assertThat(kinds(events)).containsExactly("prediction.ready");
    assertThat(events.get(0).body()).isEqualTo("NVDA is ready: BULLISH, unified confidence 31 %.");
    assertThat(events.get(0).dedupeKey()).isEqualTo("prediction.ready:NVDA:1000");
  }

  @Test
  void the_same_state_again_is_no_event() {
    PredictionState s = state(7, Direction.BULLISH, 0.6, false);
    assertThat(
            PredictionEvents.between(
                "NVDA", Optional.of(s), state(8, Direction.BULLISH, 0.6, false), 0.5, false, 0))
        .isEmpty();
  }

  @Test
  void a_flip_is_a_direction_change_naming_both_directions() {
    List<AlertEvent> events =
        PredictionEvents.between(
            "NVDA",
            Optional.of(state(7, Direction.BULLISH, 0.6, false)),
            state(8, Direction.BEARISH, 0.6, false),
            0.5,
            false,
            0);
    assertThat(kinds(events)).containsExactly("direction.changed");
    assertThat(events.get(0).data().get("previous_direction").asText()).isEqualTo("BULLISH");
    assertThat(events.get(0).data().get("direction").asText()).isEqualTo("BEARISH");
    assertThat(events.get(0).state()).isEqualTo("BEARISH");
  }

  @Test
  void confidence_at_the_threshold_has_crossed_it_upward_and_just_below_it_downward() {
    PredictionState below = state(1, Direction.BULLISH, 0.4999, false);
    PredictionState at = state(2, Direction.BULLISH, 0.50, false);
    List<AlertEvent> up = PredictionEvents.between("X", Optional.of(below), at, 0.5, false, 0);
    assertThat(kinds(up)).containsExactly("confidence.crossed");
    assertThat(up.get(0).state()).isEqualTo("up");
    List<AlertEvent> down = PredictionEvents.between("X", Optional.of(at), below, 0.5, false, 0);
    assertThat(down.get(0).state()).isEqualTo("down");
    assertThat(
            PredictionEvents.between(
                "X", Optional.of(at), state(3, Direction.BULLISH, 0.9, false), 0.5, false, 0))
        .isEmpty();
  }

  @Test
  void drift_turning_on_and_off_are_two_kinds() {
    PredictionState calm = state(1, Direction.BULLISH, 0.6, false);
    PredictionState drifting = state(2, Direction.BULLISH, 0.6, true);
    assertThat(kinds(PredictionEvents.between("X", Optional.of(calm), drifting, 0.5, false, 0)))
        .containsExactly("drift.detected");
    assertThat(kinds(PredictionEvents.between("X", Optional.of(drifting), calm, 0.5, false, 0)))
        .containsExactly("drift.cleared");
  }
}
