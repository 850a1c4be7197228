package dev.swiftbolt.cli;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.jobs.JobHandlers;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.RetryPolicy;
import dev.swiftbolt.pipelines.MarketSessions;
import dev.swiftbolt.pipelines.PipelineCatalog;
import dev.swiftbolt.pipelines.TrainingHistoryDue;
import java.time.Clock;

/**
 * The one place where feature packages plug into the queue and the pipelines: the job handlers a
 * worker runs (by job type) and the canonical pipelines with their stages. {@code worker}, {@code
 * serve} and {@code pipeline} all build theirs here, so every process agrees.
 */
final class JobWiring {

  private JobWiring() {}

  /** The queue on {@code db} with the default retry policy. */
  static JobQueue queue(Database db, Clock clock) {
    return new JobQueue(db.jdbi(), clock, RetryPolicy.defaultPolicy());
  }

  /**
   * The job handlers by job type. A job whose type is missing here fails with an error naming the
   * type, and ends dead; it is never silently dropped.
   */
  static JobHandlers handlers(Database db, Clock clock) {
    return JobHandlers.builder().register(JobHandlers.NOOP_TYPE, JobHandlers.NOOP).build();
  }

  /** The canonical pipelines. */
  static PipelineCatalog pipelines(Database db) {
    return PipelineCatalog.canonical(
        db.jdbi(),
        MarketSessions.WEEKDAYS,
        new TrainingHistoryDue(db.jdbi(), TrainingHistoryDue.DEFAULT_MAX_AGE));
  }
}
