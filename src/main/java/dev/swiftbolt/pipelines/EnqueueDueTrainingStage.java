package dev.swiftbolt.pipelines;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.NewJob;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Enqueues a {@code train} job for every model {@link RetrainingDue} names, with the reason in the
 * payload, after the symbol's backfill if one is active.
 */
public record EnqueueDueTrainingStage(Jdbi jdbi, RetrainingDue due) implements PipelineStage {

  public EnqueueDueTrainingStage {
    Objects.requireNonNull(jdbi, "jdbi");
    Objects.requireNonNull(due, "due");
  }

  @Override
  public StageCounts run(PipelineContext context) {
    Instant now = context.clock().instant();
    List<RetrainingDue.DueTraining> models = due.due(now);
    return jdbi.inTransaction(
        h -> {
          long enqueued = 0;
          for (RetrainingDue.DueTraining model : models) {
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            payload.put("reason", model.reason());
            payload.put("pipeline", context.pipeline());
            payload.put("run_id", context.runId());
            NewJob job =
                JobType.TRAIN
                    .newJob()
                    .forSymbol(model.symbolId())
                    .withPayload(payload)
                    .dependingOn(JobType.BACKFILL.wireName());
            if (model.timeframe().isPresent()) {
              job = job.onTimeframe(model.timeframe().get());
            }
            if (JobQueue.enqueue(h, job, now).isPresent()) {
              enqueued++;
            }
          }
          return StageCounts.of("enqueued", enqueued, "already_active", models.size() - enqueued);
        });
  }
}
