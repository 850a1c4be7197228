package dev.swiftbolt.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void signs_the_standard_webhooks_specification_example() {
    // The example of the Standard Webhooks specification's reference libraries.
    assertThat(
            WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void a_new_secret_is_whsec_and_32_random_bytes() {
    String a = WebhookSignature.newSecret();
    assertThat(a).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(32);
    assertThat(WebhookSignature.newSecret()).isNotEqualTo(a);
  }

  @Test
  void the_retry_schedule_waits_5s_5min_30min_2h_5h_10h_10h_then_gives_up() {
    Instant t = Instant.parse("2026-12-01T00:00:00Z");
    assertThat(RetrySchedule.next(1, t, Optional.empty())).contains(t.plusSeconds(5));
    assertThat(RetrySchedule.next(2, t, Optional.empty())).contains(t.plus(Duration.ofMinutes(5)));
    assertThat(RetrySchedule.next(7, t, Optional.empty())).contains(t.plus(Duration.ofHours(10)));
    assertThat(RetrySchedule.next(8, t, Optional.empty())).isEmpty();
    assertThat(RetrySchedule.next(1, t, Optional.of("4"))).contains(t.plusSeconds(5));
    assertThat(RetrySchedule.next(1, t, Optional.of("6"))).contains(t.plusSeconds(6));
    assertThat(RetrySchedule.next(1, t, Optional.of("Tue, 01 Dec 2026 00:01:00 GMT")))
        .contains(t.plusSeconds(60));
    assertThat(RetrySchedule.next(1, t, Optional.of("999999")))
        .contains(t.plus(Duration.ofHours(10)));
    assertThat(RetrySchedule.next(1, t, Optional.of("soon"))).contains(t.plusSeconds(5));
  }
}
