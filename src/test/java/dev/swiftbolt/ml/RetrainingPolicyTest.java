package dev.swiftbolt.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrainingPolicyTest {
  private final RetrainingPolicy policy = RetrainingPolicy.defaults();

  @Test
  void a_trigger_at_three_sessions_in_a_row_retrains_once_and_defers_the_others() {
    // trained at session 0; triggers at D = 5, 6, 7 (sessions since 5, 6, 7 when unchanged)
    int lastRetrain = 0;
    int retrains = 0;
    int deferred = 0;
    for (int session = 5; session <= 7; session++) {
      RetrainingPolicy.Decision d =
          policy.decide(true, session - lastRetrain, Optional.of("critical drift"));
      if (d.retrain()) {
        retrains++;
        lastRetrain = session;
      } else if (d.deferred()) {
        deferred++;
        assertThat(d.reason()).contains("critical drift");
      }
    }
    assertThat(retrains).isEqualTo(1);
    assertThat(deferred).isEqualTo(2);
  }

  @Test
  void a_deferred_trigger_is_acted_on_when_the_cooldown_ends_if_it_still_holds() {
    assertThat(policy.decide(true, 4, Optional.of("drift")).deferred()).isTrue();
    assertThat(policy.decide(true, 4, Optional.of("drift")).sessionsToWait()).isEqualTo(1);
    assertThat(policy.decide(true, 5, Optional.of("drift")).retrain()).isTrue();
    assertThat(policy.decide(true, 5, Optional.empty()).action())
        .isEqualTo(RetrainingPolicy.Action.KEEP);
  }

  @Test
  void a_series_without_a_model_trains_at_once() {
    RetrainingPolicy.Decision d = policy.decide(false, 0, Optional.empty());
    assertThat(d.retrain()).isTrue();
    assertThat(d.reason()).contains(RetrainingPolicy.NO_MODEL);
  }

  @Test
  void cooldown_below_one_session_is_refused_naming_the_setting() {
    assertThatThrownBy(() -> new RetrainingPolicy(0))
        .hasMessageContaining("min_sessions_between_retrains");
  }
}
