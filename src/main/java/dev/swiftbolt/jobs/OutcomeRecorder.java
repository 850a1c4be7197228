package dev.swiftbolt.jobs;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one worker's job outcomes to the queue and counts them. Transient database failures (a
 * restart, a dropped connection) are retried for about half a minute with resilience4j; an outcome
 * that still cannot be written is logged, and its job runs again once its lease expires.
 * Thread-safe.
 */
final class OutcomeRecorder {

  private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

  private final JobQueue queue;
  private final WorkerCounters counts;
  private final Retry retry;

  OutcomeRecorder(JobQueue queue, WorkerCounters counts) {
    this.queue = queue;
    this.counts = counts;
    // 0.2, 0.4, 0.8, 1.6, 3.2, then 5 s: about 36 s over 12 attempts.
    this.retry =
        Retry.of(
            "record-job-outcome",
            RetryConfig.custom()
                .maxAttempts(12)
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(
                        Duration.ofMillis(200), 2.0, Duration.ofSeconds(5)))
                .retryOnException(TransientFailures::isTransient)
                .build());
  }

  Retry retry() {
    return retry;
  }

  /** Records a success (with its follow-ups, in one transaction) or a failure. */
  void record(Job job, JobContext context, JobOutcome outcome) {
    try {
      if (outcome.succeeded()) {
        boolean done = retrying(() -> queue.complete(job, context.followUps()));
        (done ? counts.succeeded : counts.lostLeases).increment();
      } else {
        recordFailure(job, outcome.error().orElseThrow());
      }
    } catch (RuntimeException e) {
      if (outcome.succeeded() && !TransientFailures.isTransient(e)) {
        // e.g. a follow-up job the database refuses: the job did not complete cleanly.
        recordFailure(job, "recording success failed: " + describe(e));
      } else {
        log.error(
            "Job {} ({}): outcome not recorded, it will run again after its lease: {}",
            job.id(),
            job.jobType(),
            e.toString());
      }
    }
  }

  void recordFailure(Job job, String error) {
    try {
      Optional<JobQueue.FailureResult> result = retrying(() -> queue.fail(job, error));
      if (result.isEmpty()) {
        counts.lostLeases.increment();
      } else if (result.get().dead()) {
        counts.dead.increment();
        log.warn(
            "Job {} ({}) is dead after {} attempts: {}",
            job.id(),
            job.jobType(),
            job.attempts(),
            error);
      } else {
        counts.retried.increment();
        log.info(
            "Job {} ({}) failed, retry at {}: {}",
            job.id(),
            job.jobType(),
            result.get().retryAt().orElseThrow(),
            error);
      }
    } catch (RuntimeException e) {
      log.error("Job {} ({}): failure not recorded: {}", job.id(), job.jobType(), e.toString());
    }
  }

  /** Gives the job back to the queue; if that fails, it is claimable after its lease anyway. */
  void release(Job job) {
    try {
      if (queue.release(job)) {
        counts.released.increment();
      }
    } catch (RuntimeException e) {
      log.warn("Job {} not released ({}); it is claimable after its lease", job.id(), e.toString());
    }
  }

  /** Extends one job's lease now; false when the worker no longer holds it. */
  boolean extendLease(String workerId, Job job, Duration lease) {
    return retrying(() -> queue.extendLeases(workerId, List.of(job), lease)).contains(job.id());
  }

  private <T> T retrying(Supplier<T> call) {
    return Retry.decorateSupplier(retry, call).get();
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getName()
        : e.getClass().getSimpleName() + ": " + message;
  }
}
