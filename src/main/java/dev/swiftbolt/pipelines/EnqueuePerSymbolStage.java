package dev.swiftbolt.pipelines;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.NewJob;
import dev.swiftbolt.market.Timeframe;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Enqueues one job of a type for every active symbol, in one transaction, at scheduled priority;
 * symbols that already have such an active job are counted as {@code already_active}. The work
 * itself is done by that job type's handler on the workers.
 *
 * <p>The payload gets {@code pipeline} and {@code run_id}, and {@code depends_on} when given, so a
 * job waits while the symbol's jobs of those types are queued or running.
 *
 * @param timeframe empty: every timeframe
 * @param dependsOn job types the enqueued jobs wait for; empty: none
 */
public record EnqueuePerSymbolStage(
    Jdbi jdbi,
    JobType jobType,
    Optional<Timeframe> timeframe,
    ObjectNode payload,
    List<JobType> dependsOn)
    implements PipelineStage {

  public EnqueuePerSymbolStage {
    Objects.requireNonNull(jdbi, "jdbi");
    Objects.requireNonNull(jobType, "jobType");
    Objects.requireNonNull(timeframe, "timeframe");
    payload = payload == null ? JsonNodeFactory.instance.objectNode() : payload.deepCopy();
    dependsOn = List.copyOf(dependsOn);
  }

  /** A stage enqueueing {@code jobType} for every timeframe with an empty payload. */
  public static EnqueuePerSymbolStage of(Jdbi jdbi, JobType jobType) {
    return new EnqueuePerSymbolStage(jdbi, jobType, Optional.empty(), null, List.of());
  }

  /** This stage with its jobs waiting for the symbol's active jobs of these types. */
  public EnqueuePerSymbolStage after(JobType... otherJobTypes) {
    return new EnqueuePerSymbolStage(jdbi, jobType, timeframe, payload, List.of(otherJobTypes));
  }

  public EnqueuePerSymbolStage on(Timeframe tf) {
    return new EnqueuePerSymbolStage(jdbi, jobType, Optional.of(tf), payload, dependsOn);
  }

  public EnqueuePerSymbolStage withPayload(ObjectNode p) {
    return new EnqueuePerSymbolStage(jdbi, jobType, timeframe, p, dependsOn);
  }

  @Override
  public StageCounts run(PipelineContext context) {
    ObjectNode p = payload.deepCopy();
    p.put("pipeline", context.pipeline());
    p.put("run_id", context.runId());
    NewJob template = jobType.newJob().withPayload(p);
    if (timeframe.isPresent()) {
      template = template.onTimeframe(timeframe.get());
    }
    if (!dependsOn.isEmpty()) {
      template =
          template.dependingOn(
              dependsOn.get(0).wireName(),
              dependsOn.stream().skip(1).map(JobType::wireName).toArray(String[]::new));
    }
    NewJob job = template;
    return jdbi.inTransaction(
        h -> {
          List<Long> symbols =
              h.createQuery(
                      """
                      SELECT id
                        FROM symbols
                       WHERE active
                       ORDER BY symbol
                      """)
                  .mapTo(Long.class)
                  .list();
          long enqueued = 0;
          for (long symbolId : symbols) {
            if (JobQueue.enqueue(h, job.forSymbol(symbolId), context.clock().instant())
                .isPresent()) {
              enqueued++;
            }
          }
          return StageCounts.of("enqueued", enqueued, "already_active", symbols.size() - enqueued);
        });
  }
}
