package dev.swiftbolt.cli;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import dev.swiftbolt.pipelines.PipelineRunner;
import dev.swiftbolt.pipelines.Scheduler;
import java.time.Clock;
import java.time.Duration;

/**
 * What {@code serve} runs beside the API: a worker pool and the pipeline scheduler, both on the
 * handlers and pipelines of {@link JobWiring}. Close it before the database: the scheduler stops
 * first, then the worker stops claiming and finishes or releases its jobs.
 */
final class BackgroundJobs implements AutoCloseable {

  /** How often the scheduler looks for due runs. */
  static final Duration SCHEDULER_TICK = Duration.ofSeconds(15);

  private final Worker worker;
  private final Scheduler scheduler;

  private BackgroundJobs(Worker worker, Scheduler scheduler) {
    this.worker = worker;
    this.scheduler = scheduler;
  }

  /**
   * Starts a worker of {@code concurrency} threads and the scheduler on {@code db}.
   *
   * @throws IllegalArgumentException when {@code concurrency} is below 1
   */
  static BackgroundJobs start(Database db, int concurrency, Clock clock) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("--workers must be at least 1: " + concurrency);
    }
    Worker worker =
        new Worker(
            JobWiring.queue(db, clock),
            JobWiring.handlers(db, clock),
            WorkerOptions.defaults().withConcurrency(concurrency));
    Scheduler scheduler =
        new Scheduler(
            new PipelineRunner(db.jdbi(), clock),
            JobWiring.pipelines(db).all(),
            clock,
            Scheduler.DEFAULT_MISFIRE_GRACE);
    worker.start();
    scheduler.start(SCHEDULER_TICK);
    return new BackgroundJobs(worker, scheduler);
  }

  Worker worker() {
    return worker;
  }

  @Override
  public void close() {
    scheduler.close();
    worker.stop();
  }
}
