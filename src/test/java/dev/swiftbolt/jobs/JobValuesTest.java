package dev.swiftbolt.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.swiftbolt.market.Timeframe;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Jobs as values: validation, payload helpers, the detached context handlers are tested with. */
class JobValuesTest {

  private static Job job(String payloadJson) throws Exception {
    return new Job(
        7,
        "backfill",
        Optional.of(1L),
        Optional.of("AAPL"),
        Optional.empty(),
        Optional.empty(),
        0,
        1,
        5,
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(payloadJson),
        "w",
        Instant.parse("2026-03-02T15:01:00Z"));
  }

  @Test
  void a_job_type_outside_the_tables_rule_is_refused_with_the_rule() {
    assertThatThrownBy(() -> NewJob.of("Backfill!"))
        .hasMessage("job_type 'Backfill!' must match ^[a-z][a-z0-9_-]{0,39}$");
    assertThatThrownBy(() -> NewJob.of("noop").withPriority(-1)).hasMessageContaining("priority");
    assertThatThrownBy(() -> NewJob.of("noop").withMaxAttempts(0))
        .hasMessageContaining("max_attempts must be at least 1");
  }

  @Test
  void depends_on_is_a_text_for_one_type_and_a_list_for_several() throws Exception {
    assertThat(NewJob.of("forecast").dependingOn("backfill").payload().get("depends_on").asText())
        .isEqualTo("backfill");
    assertThat(NewJob.of("forecast").dependingOn("backfill", "train").payload().toString())
        .isEqualTo("{\"depends_on\":[\"backfill\",\"train\"]}");
    assertThat(job("{\"depends_on\": \"backfill\"}").dependsOn()).containsExactly("backfill");
    assertThat(job("{\"depends_on\": [\"backfill\", \"train\"]}").dependsOn())
        .containsExactly("backfill", "train");
    assertThat(job("{}").dependsOn()).isEmpty();
  }

  @Test
  void payload_helpers_read_texts_and_lists_and_the_payload_is_a_copy() throws Exception {
    Job j = job("{\"timeframes\": [\"D1\", \"W1\"], \"reason\": \"tracked\"}");
    assertThat(j.payloadTexts("timeframes")).containsExactly("D1", "W1");
    assertThat(j.payloadText("reason")).contains("tracked");
    assertThat(j.payloadText("missing")).isEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) j.payload()).put("reason", "changed");
    assertThat(j.payloadText("reason")).contains("tracked");
  }

  @Test
  void a_detached_context_collects_follow_ups_and_keeps_its_lease() throws Exception {
    JobContext ctx = JobContext.detached(job("{}"), Clock.systemUTC());
    NewJob train =
        NewJob.of("train")
            .forSymbol(1)
            .onTimeframe(Timeframe.D1)
            .withPayload(JsonNodeFactory.instance.objectNode().put("reason", "backfilled"));
    ctx.enqueue(train);
    assertThat(ctx.followUps()).containsExactly(train);
    assertThat(ctx.extendLease()).isTrue();
    assertThat(ctx.stopRequested()).isFalse();
  }

  @Test
  void an_outcome_has_an_error_exactly_when_it_failed() {
    assertThat(JobOutcome.success().error()).isEmpty();
    assertThat(JobOutcome.failure("").error()).contains("failed (no message)");
    assertThatThrownBy(() -> new JobOutcome(true, Optional.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
