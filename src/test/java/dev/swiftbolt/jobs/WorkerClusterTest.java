package dev.swiftbolt.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In the style of db-scheduler's ClusterTests: many jobs, several workers competing for them, each
 * with its own connection pool as separate processes would have; every job must run exactly once.
 */
class WorkerClusterTest {

  private static final int JOBS = 10_000;
  private static final int WORKERS = 4;

  private static final List<Database> pools = new ArrayList<>();

  @BeforeAll
  static void open() {
    ConnectionSettings settings = TestDatabase.newDatabase();
    for (int i = 0; i <= WORKERS; i++) {
      pools.add(
          Database.open(
              settings, Database.ConnectRetry.DEFAULT, new Database.PoolOptions(4, "pool-" + i)));
    }
  }

  @AfterAll
  static void close() {
    pools.forEach(Database::close);
  }

  @Test
  void ten_thousand_jobs_and_four_competing_workers_every_job_succeeds_exactly_once()
      throws Exception {
    Database admin = pools.get(0);
    admin
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO forecast_jobs (job_type, payload)"
                        + " SELECT 'noop', jsonb_build_object('n', n) FROM generate_series(1, ?) n",
                    JOBS));

    Map<Long, AtomicInteger> executions = new ConcurrentHashMap<>();
    JobHandler counting =
        (job, ctx) -> {
          executions.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
          return JobOutcome.success();
        };
    JobHandlers handlers = JobHandlers.builder().register("noop", counting).build();

    ExecutorService starter = Executors.newFixedThreadPool(WORKERS);
    List<Future<WorkerSummary>> summaries = new ArrayList<>();
    for (int i = 1; i <= WORKERS; i++) {
      JobQueue queue =
          new JobQueue(pools.get(i).jdbi(), Clock.systemUTC(), RetryPolicy.defaultPolicy());
      WorkerOptions options =
          WorkerOptions.defaults()
              .withWorkerId("worker-" + i)
              .withConcurrency(2)
              .withBatchSize(16)
              .withIdlePoll(Duration.ofMillis(5), Duration.ofMillis(50));
      Worker worker = new Worker(queue, handlers, options);
      summaries.add(starter.submit(worker::runUntilIdle));
    }
    long succeededByWorkers = 0;
    List<Long> perWorker = new ArrayList<>();
    for (Future<WorkerSummary> f : summaries) {
      WorkerSummary s = f.get();
      succeededByWorkers += s.succeeded();
      perWorker.add(s.succeeded());
      assertThat(s.lostLeases()).isZero();
      assertThat(s.retried() + s.dead()).isZero();
    }
    starter.shutdown();

    assertThat(executions).as("every job ran").hasSize(JOBS);
    assertThat(executions.values())
        .as("no job ran twice")
        .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    assertThat(succeededByWorkers).isEqualTo(JOBS);
    assertThat(perWorker).as("every worker took part").allSatisfy(n -> assertThat(n).isPositive());

    Map<String, Long> byStatus = new java.util.TreeMap<>();
    admin
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT status, count(*) AS n FROM forecast_jobs GROUP BY status")
                    .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                    .list())
        .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
    assertThat(byStatus)
        .as("none lost, none left running")
        .containsExactly(Map.entry("succeeded", (long) JOBS));
    long distinctRunners =
        admin
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(DISTINCT locked_by) FROM forecast_jobs WHERE attempts = 1")
                        .mapTo(Long.class)
                        .one());
    assertThat(distinctRunners).isEqualTo(WORKERS);
  }
}
