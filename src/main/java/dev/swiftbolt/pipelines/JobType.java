package dev.swiftbolt.pipelines;

import dev.swiftbolt.jobs.JobHandlers;
import dev.swiftbolt.jobs.NewJob;
import java.util.Arrays;
import java.util.Optional;

/**
 * The job types SwiftBolt's workers run, by the name stored in {@code forecast_jobs.job_type}.
 * Handlers ({@link JobWiring}), pipelines ({@link PipelineCatalog}), the tracked chain ({@link
 * TrackedChain}) and the tracking trigger of the migrations all name these and only these.
 *
 * <p>The queue ({@code jobs}) stays a mechanism that accepts any well-formed type name, so it does
 * not depend on this list; the names here are the ones production wires.
 */
public enum JobType {
  /** Does nothing; proves a worker claims and completes (the queue's own type). */
  NOOP(JobHandlers.NOOP_TYPE),
  /** Daily bars since the newest stored bar (or the history of a newly tracked symbol). */
  BACKFILL("backfill"),
  /** Intraday bars of the current session. */
  INGEST("ingest"),
  /** Data-quality rules over the symbol's stored bars. */
  QUALITY("quality"),
  /** Trains and registers the symbol's models. */
  TRAIN("train"),
  /** Stores the active models' forecasts at the latest bar. */
  FORECAST("forecast"),
  /** Resolves stored forecasts whose horizon bar has closed. */
  RESOLVE("resolve"),
  /** Evaluates the active models (backtest, walk-forward, live window). */
  EVALUATE("evaluate"),
  /** Asks the unified validator and stores the symbol's unified prediction. */
  VALIDATE("validate");

  private final String wireName;

  JobType(String wireName) {
    this.wireName = wireName;
  }

  /** The name stored in {@code forecast_jobs.job_type} and matched by the workers. */
  public String wireName() {
    return wireName;
  }

  /** A scheduled-priority job of this type (see {@link NewJob#of(String)}). */
  public NewJob newJob() {
    return NewJob.of(wireName);
  }

  /** The type stored as {@code wireName}; empty for a name no handler is wired for. */
  public static Optional<JobType> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }
}
