package dev.swiftbolt.jobs;

/**
 * Does the work of one job type. Delivery is at least once — a job whose worker died is run again
 * once its lease expires — so a handler must be idempotent: running it twice leaves the same state
 * as running it once (upserts, not inserts).
 *
 * <p>Called on a worker thread; one handler instance serves many jobs concurrently, so it must be
 * thread-safe. Long work should call {@link JobContext#extendLease()} now and then (the worker also
 * extends leases on its own heartbeat) and stop early when {@link JobContext#stopRequested()} or
 * the thread is interrupted.
 */
@FunctionalInterface
public interface JobHandler {

  /**
   * Runs {@code job}.
   *
   * @return {@link JobOutcome#success()} or {@link JobOutcome#failure(String)}
   * @throws Exception any exception is a failure whose message becomes the job's {@code last_error}
   */
  JobOutcome handle(Job job, JobContext context) throws Exception;
}
