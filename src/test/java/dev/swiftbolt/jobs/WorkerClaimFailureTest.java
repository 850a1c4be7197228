package dev.swiftbolt.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worker whose claims fail is not idle: with the queue's table out of reach (renamed, as a
 * misconfigured pooler or a broken database would leave it), {@code runUntilIdle} gives up after
 * its retries and says so, and a started worker counts the failures until claiming works again.
 */
class WorkerClaimFailureTest {

  private static Database db;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static WorkerOptions options() {
    return WorkerOptions.defaults()
        .withConcurrency(1)
        .withIdlePoll(Duration.ofMillis(1), Duration.ofMillis(20))
        .withShutdownGrace(Duration.ofSeconds(2));
  }

  private static void queueReachable(boolean reachable) {
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    reachable
                        ? "ALTER TABLE forecast_jobs_away RENAME TO forecast_jobs"
                        : "ALTER TABLE forecast_jobs RENAME TO forecast_jobs_away"));
  }

  @Test
  void run_until_idle_gives_up_after_its_claim_attempts_and_reports_it() {
    JobQueue queue = new JobQueue(db.jdbi(), Clock.systemUTC(), attempts -> Duration.ZERO);
    queue.enqueue(NewJob.of("noop"));
    queueReachable(false);
    WorkerSummary summary;
    try {
      summary =
          new Worker(
                  queue,
                  JobHandlers.builder().register("noop", JobHandlers.NOOP).build(),
                  options())
              .runUntilIdle();
    } finally {
      queueReachable(true);
    }
    assertThat(summary.gaveUpClaiming()).isTrue();
    assertThat(summary.claimFailures()).isEqualTo(Worker.CLAIM_ATTEMPTS_UNTIL_IDLE);
    assertThat(summary.claimed()).isZero();

    WorkerSummary healthy =
        new Worker(
                queue, JobHandlers.builder().register("noop", JobHandlers.NOOP).build(), options())
            .runUntilIdle();
    assertThat(healthy.gaveUpClaiming()).isFalse();
    assertThat(healthy.claimFailures()).isZero();
    assertThat(healthy.succeeded()).isEqualTo(1);
  }

  @Test
  void a_started_worker_counts_failed_claims_and_recovers_when_claiming_works_again() {
    JobQueue queue = new JobQueue(db.jdbi(), Clock.systemUTC(), attempts -> Duration.ZERO);
    queueReachable(false);
    Worker worker =
        new Worker(
            queue, JobHandlers.builder().register("noop", JobHandlers.NOOP).build(), options());
    try {
      worker.start();
      Eventually.await(
          "three claims failed in a row",
          Duration.ofSeconds(20),
          () -> worker.consecutiveClaimFailures() >= 3);
      assertThat(worker.summary().claimFailures()).isGreaterThanOrEqualTo(3);
    } finally {
      queueReachable(true);
    }
    long id = queue.enqueue(NewJob.of("noop")).orElseThrow();
    Eventually.await(
        "claiming works again and the job runs",
        Duration.ofSeconds(20),
        () -> worker.consecutiveClaimFailures() == 0 && worker.summary().succeeded() == 1);
    WorkerSummary summary = worker.stop();
    assertThat(summary.gaveUpClaiming()).isFalse();
    assertThat(id).isPositive();
  }
}
