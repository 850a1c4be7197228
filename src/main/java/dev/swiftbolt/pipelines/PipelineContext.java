package dev.swiftbolt.pipelines;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The run a stage belongs to.
 *
 * @param runId the {@code pipeline_runs} row
 * @param pipeline the pipeline's name
 * @param runAt the scheduled instant of a scheduled run, the start of a manual one
 * @param trigger {@code schedule} or {@code manual}
 * @param clock where stages read "now"
 */
public record PipelineContext(
    long runId, String pipeline, Instant runAt, String trigger, Clock clock) {

  public PipelineContext {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(runAt, "runAt");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(clock, "clock");
  }
}
