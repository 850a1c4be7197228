package dev.swiftbolt.jobs;

import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * No-op jobs per second through {@link Worker} with 1, 2 and 4 competing workers (each its own
 * connection pool, as separate processes), next to bare {@code SELECT … FOR UPDATE SKIP LOCKED} +
 * {@code UPDATE} loops on the same database in the same run: one job per transaction, and 64 per
 * transaction. Not a unit test (excluded from surefire); run its main():
 *
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.swiftbolt.jobs.QueueBenchmark [jobs [durable]]
 * </pre>
 */
public final class QueueBenchmark {

  private QueueBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    boolean durable = args.length > 1 && args[1].equals("durable");
    ConnectionSettings settings =
        durable ? TestDatabase.durableServer() : TestDatabase.newDatabase();
    List<Database> pools = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      pools.add(
          Database.open(
              settings, Database.ConnectRetry.DEFAULT, new Database.PoolOptions(4, "bench-" + i)));
    }
    Database admin = pools.get(0);
    String sync =
        admin
            .jdbi()
            .withHandle(h -> h.createQuery("SHOW synchronous_commit").mapTo(String.class).one());
    String fsync =
        admin.jdbi().withHandle(h -> h.createQuery("SHOW fsync").mapTo(String.class).one());
    System.out.printf(
        "%d no-op jobs per measurement, %d cores, PostgreSQL embedded (synchronous_commit=%s,"
            + " fsync=%s)%n",
        jobs, Runtime.getRuntime().availableProcessors(), sync, fsync);

    // Warm-up: JIT and caches.
    runWorkers(pools, 4, jobs / 4);
    bareLoop(admin, settings, 4, jobs / 4, 1);

    System.out.printf(
        "%-8s %14s %16s %16s %10s%n",
        "workers", "Worker jobs/s", "bare 1/tx jobs/s", "bare 64/tx jobs/s", "ratio(1/tx)");
    for (int n : new int[] {1, 2, 4}) {
      double worker = runWorkers(pools, n, jobs);
      double bare = bareLoop(admin, settings, n, jobs, 1);
      double bareBatch = bareLoop(admin, settings, n, jobs, 64);
      System.out.printf(
          "%-8d %14.0f %16.0f %16.0f %10.2f%n", n, worker, bare, bareBatch, worker / bare);
    }
    pools.forEach(Database::close);
    System.exit(0);
  }

  private static void fill(Database admin, int jobs) {
    admin.jdbi().useHandle(h -> h.execute("TRUNCATE forecast_jobs"));
    admin
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO forecast_jobs (job_type, run_after)"
                        + " SELECT 'noop', now() - interval '1 second' FROM generate_series(1, ?)",
                    jobs));
    admin.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE forecast_jobs"));
  }

  /** Jobs per second of {@code n} workers (each 2 threads, batches of 64) draining the queue. */
  private static double runWorkers(List<Database> pools, int n, int jobs) throws Exception {
    fill(pools.get(0), jobs);
    ExecutorService starter = Executors.newFixedThreadPool(n);
    List<Future<WorkerSummary>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 1; i <= n; i++) {
      Worker worker =
          new Worker(
              new JobQueue(pools.get(i).jdbi(), Clock.systemUTC(), RetryPolicy.defaultPolicy()),
              JobHandlers.noopOnly(),
              WorkerOptions.defaults()
                  .withWorkerId("bench-" + i)
                  .withConcurrency(2)
                  .withBatchSize(64)
                  .withIdlePoll(Duration.ofMillis(5), Duration.ofMillis(20)));
      results.add(starter.submit(worker::runUntilIdle));
    }
    long succeeded = 0;
    for (Future<WorkerSummary> f : results) {
      succeeded += f.get().succeeded();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    starter.shutdown();
    if (succeeded != jobs) {
      throw new IllegalStateException("workers succeeded " + succeeded + " of " + jobs);
    }
    return jobs / seconds;
  }

  /**
   * {@code n} threads, one connection each: claim {@code batch} queued jobs with FOR UPDATE SKIP
   * LOCKED, mark them succeeded, commit; until none is left.
   */
  private static double bareLoop(
      Database admin, ConnectionSettings settings, int n, int jobs, int batch) throws Exception {
    fill(admin, jobs);
    LongAdder done = new LongAdder();
    ExecutorService threads = Executors.newFixedThreadPool(n);
    List<Future<?>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      results.add(
          threads.submit(
              () -> {
                try (Connection c = connect(settings)) {
                  c.setAutoCommit(false);
                  try (PreparedStatement claim =
                          c.prepareStatement(
                              "SELECT id FROM forecast_jobs WHERE status = 'queued'"
                                  + " AND run_after <= now() ORDER BY priority, run_after, id"
                                  + " LIMIT ? FOR UPDATE SKIP LOCKED");
                      PreparedStatement finish =
                          c.prepareStatement(
                              "UPDATE forecast_jobs SET status = 'succeeded', finished_at = now()"
                                  + " WHERE id = ANY(?)")) {
                    while (true) {
                      claim.setInt(1, batch);
                      List<Long> ids = new ArrayList<>();
                      try (ResultSet rs = claim.executeQuery()) {
                        while (rs.next()) {
                          ids.add(rs.getLong(1));
                        }
                      }
                      if (ids.isEmpty()) {
                        c.commit();
                        return null;
                      }
                      finish.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                      finish.executeUpdate();
                      c.commit();
                      done.add(ids.size());
                    }
                  }
                }
              }));
    }
    for (Future<?> f : results) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    threads.shutdown();
    if (done.sum() != jobs) {
      throw new IllegalStateException("bare loop finished " + done.sum() + " of " + jobs);
    }
    return jobs / seconds;
  }

  private static Connection connect(ConnectionSettings settings) throws SQLException {
    Properties p = settings.properties();
    p.setProperty("user", settings.user());
    return DriverManager.getConnection(settings.jdbcUrl(), p);
  }
}
