package dev.swiftbolt.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's rules on a real PostgreSQL, with a clock the tests move (no sleeps). */
class JobQueueTest {

  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration MS = Duration.ofMillis(1);

  private static Database db;
  private static long aapl;
  private static long msft;
  private MutableClock clock;
  private JobQueue queue;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    aapl = insertSymbol("AAPL");
    msft = insertSymbol("MSFT");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static long insertSymbol(String code) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "INSERT INTO symbols (symbol, name, exchange) VALUES (:s, :s, 'NASDAQ')"
                            + " RETURNING id")
                    .bind("s", code)
                    .mapTo(Long.class)
                    .one());
  }

  @BeforeEach
  void emptyQueue() {
    db.jdbi().useHandle(h -> h.execute("DELETE FROM forecast_jobs"));
    clock = new MutableClock(T0);
    // Exact powers of two from 10 s: 10 s, 20 s, 40 s, …
    queue =
        new JobQueue(
            db.jdbi(),
            clock,
            new ExponentialBackoff(Duration.ofSeconds(10), Duration.ofHours(1), 0));
  }

  private Map<String, Object> row(long id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM forecast_jobs WHERE id = :id")
                    .bind("id", id)
                    .mapToMap()
                    .one());
  }

  private static Instant instant(Object timestamptz) {
    return timestamptz instanceof OffsetDateTime o
        ? o.toInstant()
        : ((java.sql.Timestamp) timestamptz).toInstant();
  }

  private long enqueue(NewJob job) {
    return queue.enqueue(job).orElseThrow();
  }

  @Test
  void a_second_active_job_for_the_same_type_symbol_and_timeframe_is_not_created() {
    NewJob backfill = NewJob.of("backfill").forSymbol(aapl).onTimeframe(Timeframe.D1);
    assertThat(queue.enqueue(backfill)).isPresent();
    assertThat(queue.enqueue(backfill)).isEmpty();
    assertThat(queue.enqueue(backfill.onTimeframe(Timeframe.W1))).as("other timeframe").isPresent();
    assertThat(queue.enqueue(backfill.forSymbol(msft))).as("other symbol").isPresent();
    assertThat(queue.enqueue(NewJob.of("train").forSymbol(aapl).onTimeframe(Timeframe.D1)))
        .as("other type")
        .isPresent();
  }

  @Test
  void once_the_active_job_succeeded_the_same_job_can_be_enqueued_again() {
    NewJob backfill = NewJob.of("backfill").forSymbol(aapl);
    enqueue(backfill);
    Job job = queue.claim("w1", 1, LEASE).get(0);
    assertThat(queue.enqueue(backfill)).as("while running").isEmpty();
    assertThat(queue.complete(job, List.of())).isTrue();
    assertThat(queue.enqueue(backfill)).isPresent();
  }

  @Test
  void concurrent_enqueues_of_the_same_job_create_exactly_one() throws Exception {
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Optional<Long>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return queue.enqueue(
                      NewJob.of("ingest").forSymbol(aapl).onTimeframe(Timeframe.M15));
                }));
      }
      long created = 0;
      for (Future<Optional<Long>> r : results) {
        created += r.get().isPresent() ? 1 : 0;
      }
      assertThat(created).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    long rows =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM forecast_jobs WHERE job_type = 'ingest'")
                        .mapTo(Long.class)
                        .one());
    assertThat(rows).isEqualTo(1);
  }

  @Test
  void a_claim_leases_the_job_to_the_worker_and_counts_the_attempt() {
    long id = enqueue(NewJob.of("noop"));
    List<Job> claimed = queue.claim("worker-a", 10, LEASE);
    assertThat(claimed).extracting(Job::id).containsExactly(id);
    Job job = claimed.get(0);
    assertThat(job.attempts()).isEqualTo(1);
    assertThat(job.lockedBy()).isEqualTo("worker-a");
    assertThat(job.lockedUntil()).isEqualTo(Instant.parse("2026-03-02T15:01:00Z"));
    Map<String, Object> row = row(id);
    assertThat(row.get("status")).isEqualTo("running");
    assertThat(instant(row.get("locked_until"))).isEqualTo(T0.plus(LEASE));
    assertThat(queue.claim("worker-b", 10, LEASE))
        .as("leased jobs are not claimed twice")
        .isEmpty();
  }

  @Test
  void user_work_is_claimed_before_scheduled_work_then_oldest_run_after_then_id() {
    long scheduledOld = enqueue(NewJob.of("noop").notBefore(T0.minusSeconds(60)));
    long scheduledNew = enqueue(NewJob.of("noop").notBefore(T0.minusSeconds(30)));
    long userLater = enqueue(NewJob.of("noop").withPriority(NewJob.USER_PRIORITY));
    long userSameTime = enqueue(NewJob.of("noop").withPriority(NewJob.USER_PRIORITY));
    assertThat(queue.claim("w", 1, LEASE)).extracting(Job::id).containsExactly(userLater);
    assertThat(queue.claim("w", 1, LEASE)).extracting(Job::id).containsExactly(userSameTime);
    assertThat(queue.claim("w", 1, LEASE)).extracting(Job::id).containsExactly(scheduledOld);
    assertThat(queue.claim("w", 1, LEASE)).extracting(Job::id).containsExactly(scheduledNew);
  }

  @Test
  void a_job_is_due_at_its_run_after_and_not_one_millisecond_before() {
    long id = enqueue(NewJob.of("noop").notBefore(T0.plusSeconds(30)));
    clock.set(T0.plusSeconds(30).minus(MS));
    assertThat(queue.claim("w", 1, LEASE)).isEmpty();
    clock.set(T0.plusSeconds(30));
    assertThat(queue.claim("w", 1, LEASE)).extracting(Job::id).containsExactly(id);
  }

  @Test
  void an_expired_lease_is_claimable_one_millisecond_after_it_ends_and_not_at_its_end() {
    long id = enqueue(NewJob.of("noop"));
    Job first = queue.claim("dead-worker", 1, LEASE).get(0);

    clock.set(T0.plus(LEASE));
    assertThat(queue.claim("rescuer", 1, LEASE))
        .as("lease ends at, not before, locked_until")
        .isEmpty();

    clock.set(T0.plus(LEASE).plus(MS));
    List<Job> again = queue.claim("rescuer", 1, LEASE);
    assertThat(again).extracting(Job::id).containsExactly(id);
    assertThat(again.get(0).attempts()).isEqualTo(2);
    assertThat(again.get(0).lockedBy()).isEqualTo("rescuer");

    assertThat(queue.complete(first, List.of())).as("the old lease cannot complete it").isFalse();
    assertThat(queue.fail(first, "late")).as("nor fail it").isEmpty();
    assertThat(queue.complete(again.get(0), List.of())).isTrue();
    assertThat(row(id).get("status")).isEqualTo("succeeded");
    assertThat(instant(row(id).get("finished_at"))).isEqualTo(T0.plus(LEASE).plus(MS));
  }

  @Test
  void extending_the_lease_moves_locked_until_and_keeps_the_job_from_other_workers() {
    enqueue(NewJob.of("noop"));
    Job job = queue.claim("w", 1, LEASE).get(0);
    clock.set(T0.plusSeconds(50));
    assertThat(queue.extendLeases("w", List.of(job), LEASE)).containsExactly(job.id());
    clock.set(T0.plusSeconds(61));
    assertThat(queue.claim("other", 1, LEASE)).as("lease now ends at 15:01:50").isEmpty();
    clock.set(T0.plusSeconds(110).plus(MS));
    assertThat(queue.claim("other", 1, LEASE)).hasSize(1);
    assertThat(queue.extendLeases("w", List.of(job), LEASE)).as("lost to other").isEmpty();
  }

  @Test
  void a_failed_job_waits_10_then_20_seconds_with_exact_backoff_and_keeps_its_error() {
    long id = enqueue(NewJob.of("noop"));
    Job first = queue.claim("w", 1, LEASE).get(0);
    assertThat(queue.fail(first, "provider 503"))
        .hasValueSatisfying(r -> assertThat(r.retryAt()).contains(T0.plusSeconds(10)));
    Map<String, Object> row = row(id);
    assertThat(row.get("status")).isEqualTo("queued");
    assertThat(row.get("last_error")).isEqualTo("provider 503");
    assertThat(row.get("locked_by")).isNull();

    clock.set(T0.plusSeconds(10).minus(MS));
    assertThat(queue.claim("w", 1, LEASE)).isEmpty();
    clock.set(T0.plusSeconds(10));
    Job second = queue.claim("w", 1, LEASE).get(0);
    assertThat(second.attempts()).isEqualTo(2);
    queue.fail(second, "provider 503 again");
    // second failure: 10 s × 2^(2−1) = 20 s after 15:00:10
    assertThat(instant(row(id).get("run_after"))).isEqualTo(T0.plusSeconds(10 + 20));
  }

  @Test
  void a_job_out_of_attempts_is_dead_kept_with_its_error_and_never_claimed_again() {
    long id = enqueue(NewJob.of("noop").withMaxAttempts(2));
    queue.fail(queue.claim("w", 1, LEASE).get(0), "first");
    clock.set(T0.plusSeconds(10));
    Job last = queue.claim("w", 1, LEASE).get(0);
    assertThat(last.isLastAttempt()).isTrue();
    assertThat(queue.fail(last, "second and last"))
        .hasValueSatisfying(r -> assertThat(r.dead()).isTrue());

    Map<String, Object> row = row(id);
    assertThat(row.get("status")).isEqualTo("dead");
    assertThat(row.get("attempts")).isEqualTo(2);
    assertThat(row.get("last_error")).isEqualTo("second and last");
    assertThat(instant(row.get("finished_at"))).isEqualTo(T0.plusSeconds(10));
    clock.set(T0.plus(Duration.ofDays(30)));
    assertThat(queue.claim("w", 10, LEASE)).isEmpty();
  }

  @Test
  void a_job_whose_worker_died_on_its_last_attempt_becomes_dead_when_its_lease_expires() {
    long id = enqueue(NewJob.of("noop").withMaxAttempts(1));
    queue.claim("crashed-worker", 1, LEASE);
    clock.set(T0.plus(LEASE).plus(MS));
    assertThat(queue.claim("rescuer", 1, LEASE)).isEmpty();
    Map<String, Object> row = row(id);
    assertThat(row.get("status")).isEqualTo("dead");
    assertThat(row.get("attempts")).isEqualTo(1);
    assertThat((String) row.get("last_error"))
        .contains("lease of the last attempt expired")
        .contains("crashed-worker");
  }

  @Test
  void a_released_job_is_due_again_at_once_without_spending_an_attempt() {
    long id = enqueue(NewJob.of("noop"));
    Job job = queue.claim("stopping", 1, LEASE).get(0);
    assertThat(queue.release(job)).isTrue();
    assertThat(row(id).get("attempts")).isEqualTo(0);
    assertThat(queue.claim("other", 1, LEASE)).extracting(Job::attempts).containsExactly(1);
  }

  @Test
  void follow_up_jobs_are_inserted_with_the_completion_and_not_when_the_lease_was_lost() {
    enqueue(NewJob.of("backfill").forSymbol(aapl));
    Job job = queue.claim("w", 1, LEASE).get(0);
    NewJob train = NewJob.of("train").forSymbol(aapl).onTimeframe(Timeframe.D1);
    assertThat(queue.complete(job, List.of(train))).isTrue();
    assertThat(queue.enqueue(train)).as("train was queued with the completion").isEmpty();

    enqueue(NewJob.of("backfill").forSymbol(msft));
    Job lost = queue.claim("slow", 1, LEASE).get(0);
    clock.set(T0.plus(LEASE).plus(MS));
    queue.claim("fast", 1, LEASE);
    assertThat(queue.complete(lost, List.of(train.forSymbol(msft)))).isFalse();
    assertThat(queue.enqueue(train.forSymbol(msft)))
        .as("no follow-up from a lost lease")
        .isPresent();
  }

  @Test
  void a_tracked_symbols_forecast_waits_for_the_training_its_backfill_queued_on_success() {
    db.jdbi().useHandle(h -> h.execute("DELETE FROM user_symbol_tracking"));
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO user_symbol_tracking (user_id, symbol_id) VALUES ('u2', ?)",
                    msft));
    clock.set(Instant.now().plusSeconds(1));
    Job backfill = queue.claim("w", 10, LEASE).get(0);
    assertThat(backfill.jobType()).isEqualTo("backfill");
    NewJob train =
        NewJob.of("train").forSymbol(msft).onTimeframe(Timeframe.D1).dependingOn("backfill");
    queue.complete(backfill, List.of(train));

    List<Job> next = queue.claim("w", 10, LEASE);
    assertThat(next)
        .as("the forecast waits for train")
        .extracting(Job::jobType)
        .containsExactly("train");
    queue.complete(next.get(0), List.of());
    assertThat(queue.claim("w", 10, LEASE)).extracting(Job::jobType).containsExactly("forecast");
  }

  @Test
  void a_forecast_waits_while_its_symbols_backfill_is_active() {
    db.jdbi().useHandle(h -> h.execute("DELETE FROM user_symbol_tracking"));
    // The tracking trigger queues backfill and forecast {"depends_on": ["backfill", "train"]}.
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO user_symbol_tracking (user_id, symbol_id) VALUES ('u1', ?)",
                    aapl));
    long otherForecast = enqueue(NewJob.of("forecast").forSymbol(msft).dependingOn("backfill"));
    clock.set(Instant.now().plusSeconds(1)); // the trigger's rows use the database's now()

    List<Job> first = queue.claim("w", 10, LEASE);
    assertThat(first)
        .extracting(Job::jobType, Job::symbol)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("backfill", Optional.of("AAPL")),
            org.assertj.core.groups.Tuple.tuple("forecast", Optional.of("MSFT")));
    assertThat(first.get(1).id()).isEqualTo(otherForecast);
    assertThat(queue.claim("w", 10, LEASE))
        .as("AAPL forecast waits for the running backfill")
        .isEmpty();

    queue.complete(first.get(0), List.of());
    List<Job> next = queue.claim("w", 10, LEASE);
    assertThat(next).extracting(Job::jobType).containsExactly("forecast");
    assertThat(next.get(0).dependsOn()).containsExactly("backfill", "train");
    assertThat(next.get(0).priority()).isEqualTo(NewJob.USER_PRIORITY);
  }
}
