package dev.swiftbolt.pipelines;

/**
 * One step of a pipeline, e.g. "enqueue a backfill for every active symbol". Stages of one run run
 * in order on one thread; a stage that throws fails the run and the stages after it are skipped.
 * Stages are re-run by the next scheduled run, so they must be idempotent (enqueueing is: one
 * active job per type, symbol and timeframe).
 */
@FunctionalInterface
public interface PipelineStage {

  /**
   * Runs the stage.
   *
   * @return counts worth recording in the run's stats, e.g. {@code enqueued=8}
   * @throws Exception any failure; its message is recorded with the run
   */
  StageCounts run(PipelineContext context) throws Exception;
}
