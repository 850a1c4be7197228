package dev.swiftbolt.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped and started again while two workers drain the queue: the workers ride out the
 * outage (claims and completions retried, the pools reconnect) and every job succeeds.
 */
class PostgresRestartTest {

  private static final int JOBS = 2_000;

  @TempDir Path dataDirectory;

  private EmbeddedPostgres start(int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void after_a_postgres_restart_mid_run_the_workers_reconnect_and_the_queue_drains()
      throws Exception {
    int port = freePort();
    EmbeddedPostgres postgres = start(port);
    ConnectionSettings settings =
        new ConnectionSettings(
            "jdbc:postgresql://localhost:" + port + "/postgres",
            "localhost",
            port,
            "postgres",
            null,
            new Properties());
    List<Database> pools = new ArrayList<>();
    List<Worker> workers = new ArrayList<>();
    Map<Long, AtomicInteger> executions = new ConcurrentHashMap<>();
    try {
      for (int i = 0; i < 3; i++) {
        pools.add(
            Database.open(
                settings, Database.ConnectRetry.DEFAULT, new Database.PoolOptions(3, "p" + i)));
      }
      Database admin = pools.get(0);
      admin
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "INSERT INTO forecast_jobs (job_type) SELECT 'tick' FROM generate_series(1, ?)",
                      JOBS));
      JobHandlers handlers =
          JobHandlers.builder()
              .register(
                  "tick",
                  (job, ctx) -> {
                    executions
                        .computeIfAbsent(job.id(), k -> new AtomicInteger())
                        .incrementAndGet();
                    Thread.sleep(2); // about 1.5 s of work for two workers of two threads
                    return JobOutcome.success();
                  })
              .build();
      for (int i = 1; i <= 2; i++) {
        Worker worker =
            new Worker(
                new JobQueue(pools.get(i).jdbi(), Clock.systemUTC(), attempts -> Duration.ZERO),
                handlers,
                WorkerOptions.defaults()
                    .withWorkerId("w" + i)
                    .withConcurrency(2)
                    .withLease(Duration.ofSeconds(30))
                    .withIdlePoll(Duration.ofMillis(20), Duration.ofMillis(200)));
        workers.add(worker);
        worker.start();
      }
      Eventually.await(
          "a fifth of the jobs ran", Duration.ofSeconds(60), () -> executions.size() >= JOBS / 5);

      postgres.close();
      // both workers notice the outage: their claims fail, several times in a row
      Eventually.await(
          "both workers' claims fail during the outage",
          Duration.ofSeconds(30),
          () -> workers.stream().allMatch(w -> w.consecutiveClaimFailures() >= 3));
      long ranDuringOutage = executions.size();
      postgres = start(port);

      Eventually.await(
          "the queue drained after the restart",
          Duration.ofSeconds(90),
          () -> {
            try {
              return count(admin, "SELECT count(*) FROM forecast_jobs WHERE status = 'succeeded'")
                  == JOBS;
            } catch (RuntimeException e) {
              return false;
            }
          });
      assertThat(ranDuringOutage).isLessThan(JOBS);
      assertThat(count(admin, "SELECT count(*) FROM forecast_jobs WHERE status <> 'succeeded'"))
          .isZero();
      assertThat(executions).as("every job ran").hasSize(JOBS);
    } finally {
      workers.forEach(Worker::stop);
      pools.forEach(Database::close);
      postgres.close();
    }
  }
}
