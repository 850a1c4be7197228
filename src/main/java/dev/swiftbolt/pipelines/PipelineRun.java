package dev.swiftbolt.pipelines;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of {@code pipeline_runs}.
 *
 * @param status {@code running}, {@code succeeded} or {@code failed}
 * @param trigger {@code schedule} or {@code manual}
 * @param scheduledFor the schedule's instant for scheduled runs
 * @param stages the stage reports (the row's {@code stats})
 */
public record PipelineRun(
    long id,
    String pipeline,
    String runKey,
    String trigger,
    Optional<Instant> scheduledFor,
    Instant startedAt,
    Optional<Instant> finishedAt,
    String status,
    List<StageReport> stages,
    Optional<String> error) {

  public PipelineRun {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(runKey, "runKey");
    Objects.requireNonNull(scheduledFor, "scheduledFor");
    Objects.requireNonNull(finishedAt, "finishedAt");
    stages = List.copyOf(stages);
    Objects.requireNonNull(error, "error");
  }

  public boolean succeeded() {
    return status.equals("succeeded");
  }
}
