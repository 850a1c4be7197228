package dev.swiftbolt.jobs;

import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/**
 * A worker process for {@link WorkerCrashTest}: runs "sleepy" jobs that log their start in {@code
 * crash_log} and then sleep for ten minutes, so the test can kill the process mid-job.
 *
 * <p>Arguments: JDBC URL (user postgres, no password), lease in milliseconds, worker id.
 */
public final class WorkerProcessMain {

  private WorkerProcessMain() {}

  public static void main(String[] args) throws Exception {
    String jdbcUrl = args[0];
    Duration lease = Duration.ofMillis(Long.parseLong(args[1]));
    String workerId = args[2];
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    ConnectionSettings settings =
        new ConnectionSettings(
            jdbcUrl, uri.getHost(), uri.getPort(), "postgres", null, new Properties());
    Database db =
        Database.open(
            settings, Database.ConnectRetry.DEFAULT, new Database.PoolOptions(3, "child"));
    JobHandlers handlers =
        JobHandlers.builder()
            .register(
                "sleepy",
                (job, ctx) -> {
                  db.jdbi()
                      .useHandle(
                          h ->
                              h.execute(
                                  "INSERT INTO crash_log (job_id, worker, event) VALUES (?, ?, 'started')",
                                  job.id(),
                                  workerId));
                  Thread.sleep(600_000);
                  return JobOutcome.success();
                })
            .build();
    Worker worker =
        new Worker(
            new JobQueue(db.jdbi(), Clock.systemUTC(), RetryPolicy.defaultPolicy()),
            handlers,
            WorkerOptions.defaults().withWorkerId(workerId).withConcurrency(1).withLease(lease));
    worker.start();
    Thread.sleep(Long.MAX_VALUE);
  }
}
