package dev.swiftbolt.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker end to end on a real PostgreSQL with the system clock. */
class WorkerTest {

  private static Database db;
  private JobQueue queue;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void emptyQueue() {
    db.jdbi().useHandle(h -> h.execute("DELETE FROM forecast_jobs"));
    queue = new JobQueue(db.jdbi(), Clock.systemUTC(), attempts -> Duration.ZERO);
  }

  private static WorkerOptions options() {
    return WorkerOptions.defaults()
        .withConcurrency(2)
        .withIdlePoll(Duration.ofMillis(10), Duration.ofMillis(50))
        .withShutdownGrace(Duration.ofSeconds(5));
  }

  private Instant leaseEnd(long id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT locked_until FROM forecast_jobs WHERE id = :id")
                    .bind("id", id)
                    .mapTo(Instant.class)
                    .one());
  }

  private Instant databaseNow() {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT clock_timestamp()").mapTo(Instant.class).one());
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

  @Test
  void run_until_idle_runs_every_due_job_and_its_follow_ups_then_returns_counts() {
    for (int i = 0; i < 20; i++) {
      queue.enqueue(NewJob.of("noop"));
    }
    queue.enqueue(NewJob.of("chain"));
    JobHandlers handlers =
        JobHandlers.builder()
            .register("noop", JobHandlers.NOOP)
            .register(
                "chain",
                (job, ctx) -> {
                  ctx.enqueue(NewJob.of("noop").withPayload(job.payload().deepCopy()));
                  return JobOutcome.success();
                })
            .build();
    WorkerSummary summary = new Worker(queue, handlers, options()).runUntilIdle();
    assertThat(summary.succeeded()).isEqualTo(20 + 1 + 1);
    assertThat(summary.claimed()).isEqualTo(22);
    assertThat(summary.dead()).isZero();
    long left =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM forecast_jobs WHERE status <> 'succeeded'")
                        .mapTo(Long.class)
                        .one());
    assertThat(left).isZero();
  }

  @Test
  void a_job_type_without_handler_fails_naming_the_type_and_ends_dead() {
    long id = queue.enqueue(NewJob.of("mystery").withMaxAttempts(3)).orElseThrow();
    WorkerSummary summary = new Worker(queue, JobHandlers.noopOnly(), options()).runUntilIdle();
    assertThat(summary.retried()).as(summary.toString()).isEqualTo(2);
    assertThat(summary.dead()).isEqualTo(1);
    assertThat(summary.succeeded()).isZero();
    Map<String, Object> row = row(id);
    assertThat(row.get("status")).isEqualTo("dead");
    assertThat(row.get("attempts")).isEqualTo(3);
    assertThat(row.get("last_error"))
        .isEqualTo("no handler for job type 'mystery' in this worker (it handles: noop)");
  }

  @Test
  void a_throwing_handler_is_retried_and_its_exception_becomes_last_error() {
    long id = queue.enqueue(NewJob.of("flaky")).orElseThrow();
    AtomicInteger calls = new AtomicInteger();
    JobHandlers handlers =
        JobHandlers.builder()
            .register(
                "flaky",
                (job, ctx) -> {
                  if (calls.incrementAndGet() < 3) {
                    throw new IllegalStateException("provider timeout " + calls.get());
                  }
                  return JobOutcome.success();
                })
            .build();
    WorkerSummary summary = new Worker(queue, handlers, options()).runUntilIdle();
    assertThat(calls.get()).isEqualTo(3);
    assertThat(summary.retried()).as(summary.toString()).isEqualTo(2);
    assertThat(summary.succeeded()).isEqualTo(1);
    assertThat(row(id).get("status")).isEqualTo("succeeded");
    assertThat(row(id).get("last_error")).isEqualTo("IllegalStateException: provider timeout 2");
  }

  @Test
  void stopping_releases_a_job_that_does_not_finish_within_the_grace_period() throws Exception {
    long id = queue.enqueue(NewJob.of("slow")).orElseThrow();
    CountDownLatch started = new CountDownLatch(1);
    JobHandlers handlers =
        JobHandlers.builder()
            .register(
                "slow",
                (job, ctx) -> {
                  started.countDown();
                  new CountDownLatch(1).await(); // until the stop interrupts it
                  return JobOutcome.success();
                })
            .build();
    Worker worker =
        new Worker(queue, handlers, options().withShutdownGrace(Duration.ofMillis(200)));
    worker.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    WorkerSummary summary = worker.stop();
    assertThat(summary.released()).isEqualTo(1);
    Map<String, Object> row = row(id);
    assertThat(row.get("status")).isEqualTo("queued");
    assertThat(row.get("attempts")).isEqualTo(0);
    assertThat(row.get("locked_by")).isNull();
  }

  @Test
  void stopping_lets_a_running_job_finish_within_the_grace_period() throws Exception {
    long id = queue.enqueue(NewJob.of("short")).orElseThrow();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    JobHandlers handlers =
        JobHandlers.builder()
            .register(
                "short",
                (job, ctx) -> {
                  started.countDown();
                  finish.await();
                  return JobOutcome.success();
                })
            .build();
    Worker worker = new Worker(queue, handlers, options());
    worker.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    // the job finishes only once the stop has begun: it runs inside the grace period
    CompletableFuture<WorkerSummary> stopped = CompletableFuture.supplyAsync(worker::stop);
    Eventually.await(
        "the stop has begun", Duration.ofSeconds(10), () -> worker.stopping() && !stopped.isDone());
    finish.countDown();
    WorkerSummary summary = stopped.get(10, TimeUnit.SECONDS);
    assertThat(summary.succeeded()).isEqualTo(1);
    assertThat(summary.released()).isZero();
    assertThat(worker.graceRanOut()).isFalse();
    assertThat(row(id).get("status")).isEqualTo("succeeded");
  }

  @Test
  void the_heartbeat_keeps_a_job_longer_than_its_lease_from_a_second_worker() {
    queue.enqueue(NewJob.of("long"));
    Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
    JobHandlers handlers =
        JobHandlers.builder()
            .register(
                "long",
                (job, ctx) -> {
                  runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
                  Instant claimedUntil = leaseEnd(job.id());
                  // run until the database's clock is a second past the lease the claim took,
                  // so that only heartbeats can have kept the job from the other worker
                  Eventually.await(
                      "the first lease has run out",
                      Duration.ofSeconds(20),
                      () -> databaseNow().isAfter(claimedUntil.plusSeconds(1)));
                  return JobOutcome.success();
                })
            .build();
    WorkerOptions shortLease = options().withLease(Duration.ofSeconds(2));
    Worker first = new Worker(queue, handlers, shortLease.withWorkerId("first"));
    Worker second = new Worker(queue, handlers, shortLease.withWorkerId("second"));
    first.start();
    second.start();
    try {
      Eventually.await(
          "the long job succeeded",
          Duration.ofSeconds(20),
          () -> first.summary().succeeded() + second.summary().succeeded() == 1);
    } finally {
      first.stop();
      second.stop();
    }
    assertThat(runs.values()).extracting(AtomicInteger::get).containsExactly(1);
    assertThat(first.summary().lostLeases() + second.summary().lostLeases()).isZero();
    assertThat(first.summary().claimed() + second.summary().claimed()).isEqualTo(1);
  }

  @Test
  void the_job_context_enqueues_nothing_when_the_job_fails() {
    queue.enqueue(NewJob.of("fails").withMaxAttempts(1));
    JobHandlers handlers =
        JobHandlers.builder()
            .register(
                "fails",
                (job, ctx) -> {
                  ctx.enqueue(NewJob.of("noop"));
                  return JobOutcome.failure("bad input");
                })
            .build();
    WorkerSummary summary = new Worker(queue, handlers, options()).runUntilIdle();
    assertThat(summary.dead()).isEqualTo(1);
    List<String> types =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT job_type FROM forecast_jobs").mapTo(String.class).list());
    assertThat(types).containsExactly("fails");
  }
}
