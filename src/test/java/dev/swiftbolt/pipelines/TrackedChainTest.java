package dev.swiftbolt.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Job;
import dev.swiftbolt.jobs.NewJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tracked chain: the trigger of the migrations against the Java type, and each link. */
class TrackedChainTest {

  /** A VALUES row of the trigger's INSERT: {@code ('backfill', NEW.symbol_id, ...}. */
  private static final Pattern QUEUED_TYPE =
      Pattern.compile("\\(\\s*'([a-z0-9_-]+)'\\s*,\\s*NEW\\.symbol_id", Pattern.CASE_INSENSITIVE);

  private static final Pattern DEPENDS_ON = Pattern.compile("\"depends_on\"\\s*:\\s*\\[([^]]*)]");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  private static Database db;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static String triggerFunctionSource() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT p.prosrc
                          FROM pg_trigger t
                          JOIN pg_proc p ON p.oid = t.tgfoid
                         WHERE t.tgname = 'user_symbol_tracking_enqueue'
                        """)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void the_tracking_trigger_queues_only_job_types_the_java_type_knows() {
    String sql = triggerFunctionSource();
    List<String> queued = new ArrayList<>();
    Matcher m = QUEUED_TYPE.matcher(sql);
    while (m.find()) {
      queued.add(m.group(1));
    }
    List<String> awaited = new ArrayList<>();
    Matcher d = DEPENDS_ON.matcher(sql);
    while (d.find()) {
      Matcher q = QUOTED.matcher(d.group(1));
      while (q.find()) {
        awaited.add(q.group(1));
      }
    }

    assertThat(queued).as("job types in the trigger's VALUES, in:%n%s", sql).isNotEmpty();
    assertThat(queued)
        .allSatisfy(t -> assertThat(JobType.fromWireName(t)).as("job type '%s'", t).isPresent());
    assertThat(awaited)
        .allSatisfy(t -> assertThat(JobType.fromWireName(t)).as("depends_on '%s'", t).isPresent());
    assertThat(queued)
        .containsExactlyElementsOf(
            TrackedChain.QUEUED_BY_TRACKING.stream().map(JobType::wireName).toList());
    assertThat(awaited)
        .containsExactlyElementsOf(
            TrackedChain.TRACKED_FORECAST_WAITS_FOR.stream().map(JobType::wireName).toList());
  }

  @Test
  void the_pattern_finds_a_type_the_java_type_does_not_know() {
    // The oracle above would pass vacuously if the pattern missed rows; a hand-written trigger
    // body with an unknown type shows that it does not.
    Matcher m =
        QUEUED_TYPE.matcher(
            "VALUES ('backfill', NEW.symbol_id, NULL), ('alert', NEW.symbol_id, NULL)");
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    assertThat(found).containsExactly("backfill", "alert");
    assertThat(JobType.fromWireName("alert")).isEmpty();
  }

  @Test
  void a_tracked_backfill_is_followed_by_the_symbols_training_at_the_same_priority_for_the_user() {
    Optional<NewJob> next = TrackedChain.after(JobType.BACKFILL, job("backfill", tracked()));

    assertThat(next).isPresent();
    assertThat(next.get().jobType()).isEqualTo("train");
    assertThat(next.get().symbolId()).contains(7L);
    assertThat(next.get().priority()).isEqualTo(NewJob.USER_PRIORITY);
    assertThat(next.get().userId()).contains("alice");
    assertThat(next.get().payload().get("reason").asText()).isEqualTo("tracked");
  }

  @Test
  void a_tracked_forecast_is_followed_by_validate_and_a_scheduled_one_by_nothing() {
    Optional<NewJob> next = TrackedChain.after(JobType.FORECAST, job("forecast", tracked()));

    assertThat(next).map(NewJob::jobType).contains("validate");
    assertThat(next.get().payload().size()).isZero();
    assertThat(TrackedChain.after(JobType.FORECAST, job("forecast", scheduled()))).isEmpty();
    assertThat(TrackedChain.after(JobType.BACKFILL, job("backfill", scheduled()))).isEmpty();
    assertThat(TrackedChain.after(JobType.TRAIN, job("train", tracked()))).isEmpty();
  }

  private static ObjectNode tracked() {
    return JsonNodeFactory.instance.objectNode().put("reason", "tracked");
  }

  private static ObjectNode scheduled() {
    return JsonNodeFactory.instance.objectNode().put("pipeline", "ml-orchestration");
  }

  private static Job job(String type, ObjectNode payload) {
    return new Job(
        1,
        type,
        Optional.of(7L),
        Optional.of("AAPL"),
        Optional.empty(),
        Optional.of("alice"),
        NewJob.USER_PRIORITY,
        1,
        5,
        payload,
        "worker-1",
        Instant.parse("2026-03-10T20:30:00Z"));
  }
}
