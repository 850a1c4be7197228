package dev.swiftbolt.pipelines;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.swiftbolt.jobs.Job;
import dev.swiftbolt.jobs.NewJob;
import dev.swiftbolt.validation.UnifiedPrediction;
import java.util.List;
import java.util.Optional;

/**
 * What runs after what, declared once. Tracking a symbol ends in a unified prediction with nobody
 * touching anything:
 *
 * <pre>
 *   tracking ──(trigger enqueue_jobs_for_tracked_symbol, V5)──► backfill   ("reason": "tracked")
 *                                                             └► forecast   ("reason": "tracked",
 *                                                                            waits for backfill, train)
 *   backfill (tracked) succeeded ──► train    ("reason": "tracked", same priority and user)
 *   forecast (tracked) succeeded ──► validate (same priority and user)
 *   validate with a retraining trigger ──► train due at the validator's next_retraining_date
 * </pre>
 *
 * <p>The first two arrows are the database's (the trigger runs in the tracking transaction); {@link
 * #QUEUED_BY_TRACKING} names them for readers and for the test that compares them with the
 * trigger's SQL. The handlers ask {@link #after(JobType, Job)} and {@link #afterValidation} what
 * follows instead of naming it themselves. No {@code evaluate} follows a tracked forecast: training
 * stores the evaluation it computed, and no live forecast can have resolved yet.
 */
public final class TrackedChain {

  /** The payload {@code reason} of the jobs that tracking queued. */
  public static final String TRACKED_REASON = "tracked";

  /** The jobs the tracking trigger queues, in the trigger's order. */
  public static final List<JobType> QUEUED_BY_TRACKING =
      List.of(JobType.BACKFILL, JobType.FORECAST);

  /** The job types the tracked {@code forecast} waits for. */
  public static final List<JobType> TRACKED_FORECAST_WAITS_FOR =
      List.of(JobType.BACKFILL, JobType.TRAIN);

  private TrackedChain() {}

  /** Whether {@code job} is part of a symbol's tracking chain (its payload reason is "tracked"). */
  public static boolean isTracked(Job job) {
    return job.payloadText("reason").filter(TRACKED_REASON::equals).isPresent();
  }

  /**
   * The job that follows {@code job} of type {@code type} once it succeeded, if any: the next link
   * of the tracking chain for a tracked job, nothing otherwise.
   */
  public static Optional<NewJob> after(JobType type, Job job) {
    if (!isTracked(job)) {
      return Optional.empty();
    }
    return switch (type) {
      case BACKFILL ->
          Optional.of(
              sameSymbolPriorityAndUser(
                  job,
                  JobType.TRAIN
                      .newJob()
                      .withPayload(
                          JsonNodeFactory.instance.objectNode().put("reason", TRACKED_REASON))));
      case FORECAST -> Optional.of(sameSymbolPriorityAndUser(job, JobType.VALIDATE.newJob()));
      default -> Optional.empty();
    };
  }

  /**
   * The job that follows a stored unified prediction: a {@code train} of the symbol due at the
   * validator's {@code next_retraining_date} when the validator set its retraining trigger.
   */
  public static Optional<NewJob> afterValidation(Job job, UnifiedPrediction prediction) {
    if (!prediction.retrainingTrigger()) {
      return Optional.empty();
    }
    return Optional.of(
        JobType.TRAIN
            .newJob()
            .forSymbol(job.symbolId().orElseThrow())
            .notBefore(prediction.nextRetrainingDate())
            .withPayload(
                JsonNodeFactory.instance
                    .objectNode()
                    .put("reason", "retraining: " + prediction.retrainingReason())));
  }

  private static NewJob sameSymbolPriorityAndUser(Job job, NewJob next) {
    NewJob forSymbol = next.forSymbol(job.symbolId().orElseThrow()).withPriority(job.priority());
    return job.userId().map(forSymbol::byUser).orElse(forSymbol);
  }
}
