package dev.swiftbolt.pipelines;

import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@code serve} runs beside the API: a worker pool and the pipeline scheduler, both on the
 * handlers and pipelines of {@link JobWiring}. Close it before the database: the scheduler stops
 * first, then the worker stops claiming and finishes or releases its jobs.
 */
public final class BackgroundJobs implements AutoCloseable {

  /** How often the scheduler looks for due runs. */
  static final Duration SCHEDULER_TICK = Duration.ofSeconds(15);

  private final Optional<Worker> worker;
  private final Scheduler scheduler;

  private BackgroundJobs(Optional<Worker> worker, Scheduler scheduler) {
    this.worker = worker;
    this.scheduler = scheduler;
  }

  /**
   * Starts the scheduler and, unless {@code concurrency} is 0 (jobs are left to separate {@code
   * worker} processes), a worker of {@code concurrency} threads on {@code db}.
   *
   * @throws IllegalArgumentException when {@code concurrency} is negative
   */
  public static BackgroundJobs start(
      Database db, SwiftBoltConfig config, int concurrency, Clock clock) {
    if (concurrency < 0) {
      throw new IllegalArgumentException("--workers must not be negative: " + concurrency);
    }
    Optional<Worker> worker =
        concurrency == 0
            ? Optional.empty()
            : Optional.of(
                new Worker(
                    JobWiring.queue(db, clock),
                    JobWiring.handlers(db, config, clock),
                    WorkerOptions.defaults().withConcurrency(concurrency)));
    Scheduler scheduler =
        new Scheduler(
            new PipelineRunner(db.jdbi(), clock),
            JobWiring.pipelines(db, config, clock).all(),
            clock,
            Scheduler.DEFAULT_MISFIRE_GRACE);
    worker.ifPresent(Worker::start);
    scheduler.start(SCHEDULER_TICK);
    return new BackgroundJobs(worker, scheduler);
  }

  /** The worker pool; empty with 0 workers. */
  public Optional<Worker> worker() {
    return worker;
  }

  @Override
  public void close() {
    scheduler.close();
    worker.ifPresent(Worker::stop);
  }
}
