package dev.swiftbolt.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Job;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.MutableClock;
import dev.swiftbolt.jobs.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pipeline runs, the scheduler and the canonical stages on a real PostgreSQL. */
class PipelinesTest {

  /** Tue 10 Mar 2026 16:30 EDT, a scheduled instant of the daily refresh. */
  private static final Instant CLOSE_1630 = Instant.parse("2026-03-10T20:30:00Z");

  private static Database db;
  private static Database otherProcess;
  private MutableClock clock;

  @BeforeAll
  static void open() {
    ConnectionSettings settings = TestDatabase.newDatabase();
    db = Database.open(settings, Database.ConnectRetry.DEFAULT, new Database.PoolOptions(4, "a"));
    otherProcess =
        Database.open(settings, Database.ConnectRetry.DEFAULT, new Database.PoolOptions(4, "b"));
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO symbols (symbol, name, exchange, active) VALUES"
                        + " ('AAPL', 'Apple', 'NASDAQ', true), ('MSFT', 'Microsoft', 'NASDAQ', true),"
                        + " ('OLD', 'Delisted', 'NYSE', false)"));
  }

  @AfterAll
  static void close() {
    otherProcess.close();
    db.close();
  }

  @BeforeEach
  void clean() {
    db.jdbi().useHandle(h -> h.execute("DELETE FROM forecast_jobs; DELETE FROM pipeline_runs"));
    clock = new MutableClock(CLOSE_1630);
  }

  private PipelineCatalog catalog() {
    return PipelineCatalog.canonical(
        db.jdbi(),
        MarketSessions.WEEKDAYS,
        new TrainingHistoryDue(db.jdbi(), TrainingHistoryDue.DEFAULT_MAX_AGE));
  }

  private List<Map<String, Object>> jobs() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT j.job_type, s.symbol, j.timeframe, j.priority, j.payload::text AS payload"
                            + " FROM forecast_jobs j JOIN symbols s ON s.id = j.symbol_id ORDER BY j.id")
                    .mapToMap()
                    .list());
  }

  private static Pipeline counting(String name, AtomicInteger runs, Schedule schedule) {
    return new Pipeline(
        name,
        "counts its runs",
        Optional.of(schedule),
        List.of(
            new Pipeline.Stage(
                "count",
                ctx -> {
                  runs.incrementAndGet();
                  return StageCounts.of("runs", 1);
                })));
  }

  private void insertRunningRun(String key, Instant startedAt) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO pipeline_runs (pipeline, run_key, trigger, started_at)"
                            + " VALUES ('daily-data-refresh', :key, 'manual', :at)")
                    .bind("key", key)
                    .bind(
                        "at",
                        java.time.OffsetDateTime.ofInstant(startedAt, java.time.ZoneOffset.UTC))
                    .execute());
  }

  private String statusOf(String key) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT status || ':' || coalesce(error, '') FROM pipeline_runs WHERE run_key = :k")
                    .bind("k", key)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void a_run_left_running_past_30_minutes_is_marked_abandoned_and_one_just_inside_is_not() {
    insertRunningRun("dead", CLOSE_1630.minus(PipelineRunner.ABANDONED_AFTER).minusMillis(1));
    insertRunningRun("alive", CLOSE_1630.minus(PipelineRunner.ABANDONED_AFTER).plusMillis(1));

    new PipelineRunner(db.jdbi(), clock).runNow(catalog().get("daily-data-refresh"));

    assertThat(statusOf("dead")).startsWith("failed:abandoned: still running 30 minutes");
    assertThat(statusOf("alive")).isEqualTo("running:");
  }

  @Test
  void a_run_now_is_recorded_with_its_status_and_stage_counts() {
    PipelineRun run =
        new PipelineRunner(db.jdbi(), clock).runNow(catalog().get("daily-data-refresh"));
    assertThat(run.status()).isEqualTo("succeeded");
    assertThat(run.trigger()).isEqualTo("manual");
    assertThat(run.startedAt()).isEqualTo(CLOSE_1630);
    assertThat(run.finishedAt()).contains(CLOSE_1630);
    assertThat(run.stages()).hasSize(1);
    StageReport stage = run.stages().get(0);
    assertThat(stage.stage()).isEqualTo("enqueue-backfill");
    assertThat(stage.counts())
        .containsExactlyInAnyOrderEntriesOf(Map.of("enqueued", 2L, "already_active", 0L));
    assertThat(new PipelineRunner(db.jdbi(), clock).latest("daily-data-refresh")).contains(run);
  }

  @Test
  void the_daily_refresh_queues_a_d1_w1_backfill_per_active_symbol_once() {
    PipelineRunner runner = new PipelineRunner(db.jdbi(), clock);
    runner.runNow(catalog().get("daily-data-refresh"));
    List<Map<String, Object>> jobs = jobs();
    assertThat(jobs).extracting(j -> j.get("symbol")).containsExactly("AAPL", "MSFT");
    assertThat(jobs)
        .allSatisfy(
            j -> {
              assertThat(j.get("job_type")).isEqualTo(JobType.BACKFILL.wireName());
              assertThat(j.get("priority")).isEqualTo(100);
              assertThat((String) j.get("payload")).contains("\"timeframes\": [\"D1\", \"W1\"]");
            });
    PipelineRun again = runner.runNow(catalog().get("daily-data-refresh"));
    assertThat(again.stages().get(0).counts())
        .containsEntry("enqueued", 0L)
        .containsEntry("already_active", 2L);
  }

  @Test
  void ml_orchestration_queues_a_chain_the_queue_runs_in_order() {
    new PipelineRunner(db.jdbi(), clock).runNow(catalog().get("ml-orchestration"));
    JobQueue queue = new JobQueue(db.jdbi(), clock, RetryPolicy.defaultPolicy());
    List<String> order = new ArrayList<>();
    for (int step = 0; step < 4; step++) {
      List<Job> claimed = queue.claim("w", 10, Duration.ofMinutes(1));
      assertThat(claimed)
          .extracting(Job::symbol)
          .containsExactlyInAnyOrder(Optional.of("AAPL"), Optional.of("MSFT"));
      assertThat(claimed).extracting(Job::jobType).containsOnly(claimed.get(0).jobType());
      order.add(claimed.get(0).jobType());
      claimed.forEach(j -> queue.complete(j, List.of()));
    }
    assertThat(order)
        .containsExactly(
            JobType.FORECAST.wireName(),
            JobType.RESOLVE.wireName(),
            JobType.EVALUATE.wireName(),
            JobType.VALIDATE.wireName());
  }

  @Test
  void a_failing_stage_fails_the_run_with_its_message_and_skips_the_rest() {
    Pipeline p =
        new Pipeline(
            "broken",
            "fails in the middle",
            Optional.empty(),
            List.of(
                new Pipeline.Stage("first", ctx -> StageCounts.of("done", 1)),
                new Pipeline.Stage(
                    "second",
                    ctx -> {
                      throw new IllegalStateException("provider down");
                    }),
                new Pipeline.Stage("third", ctx -> StageCounts.of("done", 1))));
    PipelineRun run = new PipelineRunner(db.jdbi(), clock).runNow(p);
    assertThat(run.status()).isEqualTo("failed");
    assertThat(run.error()).contains("second: provider down");
    assertThat(run.stages())
        .extracting(StageReport::status)
        .containsExactly("succeeded", "failed", "skipped");
  }

  @Test
  void two_schedulers_on_one_database_fire_each_scheduled_run_exactly_once() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    TradingDaySchedule at1630 =
        new TradingDaySchedule(LocalTime.of(16, 30), MarketSessions.WEEKDAYS);
    clock.set(CLOSE_1630.minusSeconds(60));
    List<Pipeline> pipelines = List.of(counting("refresh", runs, at1630));
    Scheduler a =
        new Scheduler(
            new PipelineRunner(db.jdbi(), clock), pipelines, clock, Duration.ofMinutes(10));
    Scheduler b =
        new Scheduler(
            new PipelineRunner(otherProcess.jdbi(), clock),
            pipelines,
            clock,
            Duration.ofMinutes(10));
    assertThat(a.tick()).as("nothing due a minute before").isEmpty();

    clock.set(CLOSE_1630);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<PipelineRun>> fa =
          pool.submit(
              () -> {
                together.await();
                return a.tick();
              });
      Future<List<PipelineRun>> fb =
          pool.submit(
              () -> {
                together.await();
                return b.tick();
              });
      assertThat(fa.get().size() + fb.get().size()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    clock.set(CLOSE_1630.plusSeconds(30));
    assertThat(a.tick()).isEmpty();
    assertThat(b.tick()).isEmpty();
    assertThat(runs.get()).isEqualTo(1);
    String key =
        db.jdbi()
            .withHandle(
                h -> h.createQuery("SELECT run_key FROM pipeline_runs").mapTo(String.class).one());
    assertThat(key).isEqualTo("refresh@2026-03-10T20:30:00Z");

    clock.set(Instant.parse("2026-03-11T20:30:00Z"));
    assertThat(b.tick()).hasSize(1);
    assertThat(a.tick()).as("the next day's run, already fired by b").isEmpty();
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  void a_run_missed_by_less_than_the_grace_still_fires_and_an_older_one_does_not() {
    AtomicInteger runs = new AtomicInteger();
    TradingDaySchedule at1630 =
        new TradingDaySchedule(LocalTime.of(16, 30), MarketSessions.WEEKDAYS);
    List<Pipeline> pipelines = List.of(counting("refresh", runs, at1630));
    clock.set(CLOSE_1630.plus(Duration.ofMinutes(10)).plusMillis(1));
    Scheduler late =
        new Scheduler(
            new PipelineRunner(db.jdbi(), clock), pipelines, clock, Duration.ofMinutes(10));
    assertThat(late.tick()).as("10 min + 1 ms late").isEmpty();

    clock.set(CLOSE_1630.plus(Duration.ofMinutes(10)));
    Scheduler justInTime =
        new Scheduler(
            new PipelineRunner(db.jdbi(), clock), pipelines, clock, Duration.ofMinutes(10));
    assertThat(justInTime.tick()).hasSize(1);
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void retraining_is_due_when_the_last_training_finished_30_days_ago_or_more() {
    long aapl =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM symbols WHERE symbol = 'AAPL'")
                        .mapTo(Long.class)
                        .one());
    Instant thirtyDaysAgo = CLOSE_1630.minus(Duration.ofDays(30));
    TrainingHistoryDue due = new TrainingHistoryDue(db.jdbi(), Duration.ofDays(30));
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO forecast_jobs (job_type, symbol_id, status, finished_at) VALUES ('train', :id, 'succeeded', :at)")
                    .bind("id", aapl)
                    .bind("at", thirtyDaysAgo.plusMillis(1).atOffset(ZoneOffset.UTC))
                    .execute());
    assertThat(due.due(CLOSE_1630))
        .extracting(RetrainingDue.DueTraining::symbolId)
        .doesNotContain(aapl)
        .hasSize(1);

    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE forecast_jobs SET finished_at = :at")
                    .bind("at", thirtyDaysAgo.atOffset(ZoneOffset.UTC))
                    .execute());
    assertThat(due.due(CLOSE_1630))
        .extracting(RetrainingDue.DueTraining::symbolId)
        .contains(aapl)
        .hasSize(2);

    PipelineRun run = new PipelineRunner(db.jdbi(), clock).runNow(catalog().get("retraining"));
    assertThat(run.stages().get(0).counts()).containsEntry("enqueued", 2L);
    assertThat(jobs()).extracting(j -> j.get("job_type")).containsOnly(JobType.TRAIN.wireName());
  }

  @Test
  void the_catalogue_names_every_pipeline_when_asked_for_an_unknown_one() {
    PipelineCatalog catalog = catalog();
    assertThat(catalog.all()).hasSizeLessThanOrEqualTo(PipelineCatalog.MAX_PIPELINES);
    assertThat(catalog.all())
        .extracting(Pipeline::name)
        .containsExactly(
            "daily-data-refresh",
            "intraday-ingestion",
            "data-quality",
            "ml-orchestration",
            "retraining");
    assertThatThrownBy(() -> catalog.get("nightly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown pipeline 'nightly'; pipelines: daily-data-refresh, intraday-ingestion, data-quality, ml-orchestration, retraining");
    PipelineCatalog replaced =
        catalog.withStage(
            "data-quality", "enqueue-quality", ctx -> StageCounts.of("violations", 0));
    PipelineRun run = new PipelineRunner(db.jdbi(), clock).runNow(replaced.get("data-quality"));
    assertThat(run.stages().get(0).counts()).containsEntry("violations", 0L);
    assertThat(jobs()).isEmpty();
  }
}
