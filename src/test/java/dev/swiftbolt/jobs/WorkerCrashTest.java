package dev.swiftbolt.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process killed with SIGKILL in the middle of a job: the job stays leased until the lease
 * runs out, then another worker claims it and completes it, once.
 */
class WorkerCrashTest {

  /**
   * Long enough that the child's heartbeat (every lease/3) keeps its claim on a heavily loaded
   * machine: with 2 s, a heartbeat late by 700 ms under load let the child lose and re-claim its
   * own job before the kill, and the job ended with 3 attempts instead of 2.
   */
  private static final Duration LEASE = Duration.ofSeconds(6);

  private static ConnectionSettings settings;
  private static Database db;

  @TempDir static Path logs;

  @BeforeAll
  static void open() {
    settings = TestDatabase.newDatabase();
    db = Database.open(settings, Database.ConnectRetry.DEFAULT, Database.PoolOptions.DEFAULT);
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "CREATE TABLE crash_log (job_id BIGINT, worker TEXT, event TEXT,"
                        + " at TIMESTAMPTZ DEFAULT clock_timestamp())"));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private Map<String, Object> job(long id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM forecast_jobs WHERE id = :id")
                    .bind("id", id)
                    .mapToMap()
                    .one());
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

  private long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void a_job_of_a_worker_killed_with_sigkill_is_reclaimed_after_its_lease_and_completed_once()
      throws Exception {
    JobQueue queue = new JobQueue(db.jdbi(), Clock.systemUTC(), RetryPolicy.defaultPolicy());
    long id = queue.enqueue(NewJob.of("sleepy")).orElseThrow();

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                WorkerProcessMain.class.getName(),
                settings.jdbcUrl(),
                Long.toString(LEASE.toMillis()),
                "doomed")
            .redirectErrorStream(true)
            .redirectOutput(new File(logs.toFile(), "child.log"))
            .start();
    try {
      Eventually.await(
          "the child worker started the job",
          Duration.ofSeconds(90),
          () -> count("SELECT count(*) FROM crash_log WHERE event = 'started'") == 1);
      // Wait for the child's first heartbeat (observed as a later lease end), so the lease that
      // must run out is one the heartbeat extended, not the claim's own.
      Instant claimedUntil = leaseEnd(id);
      Eventually.await(
          "the child's heartbeat extended its lease",
          Duration.ofSeconds(30),
          () -> leaseEnd(id).isAfter(claimedUntil));
      assertThat(job(id)).containsEntry("status", "running").containsEntry("locked_by", "doomed");
    } finally {
      child.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no release
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    Object leaseEnd = job(id).get("locked_until");

    assertThat(queue.claim("too-early", 1, LEASE))
        .as("the dead worker's lease has not expired yet")
        .isEmpty();

    JobHandlers rescuerHandlers =
        JobHandlers.builder()
            .register(
                "sleepy",
                (job, ctx) -> {
                  db.jdbi()
                      .useHandle(
                          h ->
                              h.execute(
                                  "INSERT INTO crash_log (job_id, worker, event) VALUES (?, 'rescuer', 'started')",
                                  job.id()));
                  return JobOutcome.success();
                })
            .build();
    Worker rescuer =
        new Worker(
            queue,
            rescuerHandlers,
            WorkerOptions.defaults()
                .withWorkerId("rescuer")
                .withConcurrency(1)
                .withLease(LEASE)
                .withIdlePoll(Duration.ofMillis(20), Duration.ofMillis(100)));
    rescuer.start();
    try {
      Eventually.await(
          "the job is completed by the rescuer",
          Duration.ofSeconds(30),
          () -> "succeeded".equals(job(id).get("status")));
    } finally {
      rescuer.stop();
    }

    Map<String, Object> row = job(id);
    assertThat(row).containsEntry("locked_by", "rescuer").containsEntry("attempts", 2);
    boolean rescuedAfterLease =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT bool_and(at > :leaseEnd) FROM crash_log WHERE worker = 'rescuer'")
                        .bind("leaseEnd", leaseEnd)
                        .mapTo(Boolean.class)
                        .one());
    assertThat(rescuedAfterLease).as("reclaimed only after the dead worker's lease ended").isTrue();
    List<String> runs =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT worker FROM crash_log ORDER BY at")
                        .mapTo(String.class)
                        .list());
    assertThat(runs).containsExactly("doomed", "rescuer");
    assertThat(rescuer.summary().succeeded()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM forecast_jobs WHERE status = 'succeeded'")).isEqualTo(1);
  }
}
