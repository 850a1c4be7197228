package dev.swiftbolt.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.config.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs pipelines and records every run in {@code pipeline_runs}: a row is inserted before the first
 * stage (status running) and completed with the stage reports, status and error after the last.
 *
 * <p>A scheduled run's {@code run_key} is the pipeline's name and the scheduled instant; the row is
 * inserted with {@code ON CONFLICT (run_key) DO NOTHING}, so when several processes fire the same
 * scheduled run, exactly one inserts the row and runs the stages. Thread-safe.
 */
public final class PipelineRunner {

  private static final Logger log = LoggerFactory.getLogger(PipelineRunner.class);
  private static final TypeReference<List<StageReport>> REPORTS = new TypeReference<>() {};

  private final Jdbi jdbi;
  private final Clock clock;

  public PipelineRunner(Jdbi jdbi, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The key of the scheduled run of {@code pipeline} at {@code at}. */
  public static String scheduledRunKey(String pipeline, Instant at) {
    return pipeline + "@" + at;
  }

  /** Runs {@code pipeline} now and returns the recorded run (failed runs included). */
  public PipelineRun runNow(Pipeline pipeline) {
    Instant now = clock.instant();
    String key =
        pipeline.name() + "@manual@" + now + "#" + UUID.randomUUID().toString().substring(0, 8);
    long id = insert(pipeline, key, "manual", Optional.empty(), now).orElseThrow();
    return executeLogged(pipeline, id, now, "manual");
  }

  /**
   * Runs the occurrence of {@code pipeline} scheduled at {@code scheduledFor}, unless it has
   * already been started (by this or another process).
   *
   * @return the run, or empty when another scheduler already has it
   */
  public Optional<PipelineRun> runScheduled(Pipeline pipeline, Instant scheduledFor) {
    Optional<Long> id =
        insert(
            pipeline,
            scheduledRunKey(pipeline.name(), scheduledFor),
            "schedule",
            Optional.of(scheduledFor),
            clock.instant());
    return id.map(runId -> executeLogged(pipeline, runId, scheduledFor, "schedule"));
  }

  /**
   * A run still {@code running} this long after it started was abandoned: its process stopped
   * before recording the outcome. Stages only enqueue jobs and take seconds, so 30 minutes is far
   * beyond any live run.
   */
  public static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

  /**
   * Marks the pipeline's runs that are still {@code running} after {@link #ABANDONED_AFTER} as
   * failed, saying so, so that {@code pipeline list} never shows a dead run as running forever.
   *
   * @return how many runs were marked
   */
  public int failAbandonedRuns(String pipeline) {
    Instant now = clock.instant();
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE pipeline_runs
                       SET status = 'failed',
                           finished_at = :now,
                           error = 'abandoned: still running ' || :minutes || ' minutes after it \
                    started; the process running it stopped before recording an outcome'
                     WHERE pipeline = :pipeline AND status = 'running' AND started_at < :cutoff
                    """)
                .bind("now", utc(now))
                .bind("minutes", String.valueOf(ABANDONED_AFTER.toMinutes()))
                .bind("pipeline", pipeline)
                .bind("cutoff", utc(now.minus(ABANDONED_AFTER)))
                .execute());
  }

  private Optional<Long> insert(
      Pipeline pipeline, String key, String trigger, Optional<Instant> scheduledFor, Instant now) {
    failAbandonedRuns(pipeline.name());
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    INSERT INTO pipeline_runs (pipeline, run_key, trigger, scheduled_for,
                                               started_at, status)
                    VALUES (:pipeline, :key, :trigger, :scheduledFor, :now, 'running')
                    ON CONFLICT (run_key) DO NOTHING
                    RETURNING id
                    """)
                .bind("pipeline", pipeline.name())
                .bind("key", key)
                .bind("trigger", trigger)
                .bind("scheduledFor", scheduledFor.map(PipelineRunner::utc).orElse(null))
                .bind("now", utc(now))
                .mapTo(Long.class)
                .findOne());
  }

  /** {@link #execute} with the run's id and pipeline in the log's MDC (JSON logs carry them). */
  private PipelineRun executeLogged(Pipeline pipeline, long runId, Instant runAt, String trigger) {
    try (var run = MDC.putCloseable("pipeline_run", Long.toString(runId));
        var name = MDC.putCloseable("pipeline", pipeline.name())) {
      return execute(pipeline, runId, runAt, trigger);
    }
  }

  private PipelineRun execute(Pipeline pipeline, long runId, Instant runAt, String trigger) {
    PipelineContext context = new PipelineContext(runId, pipeline.name(), runAt, trigger, clock);
    List<StageReport> reports = new ArrayList<>();
    Optional<String> error = Optional.empty();
    for (Pipeline.Stage stage : pipeline.stages()) {
      if (error.isPresent()) {
        reports.add(new StageReport(stage.name(), "skipped", Map.of(), 0, Optional.empty()));
        continue;
      }
      long start = System.nanoTime();
      try {
        StageCounts counts = stage.body().run(context);
        reports.add(
            new StageReport(
                stage.name(),
                "succeeded",
                counts == null ? Map.of() : counts.counts(),
                elapsedMillis(start),
                Optional.empty()));
      } catch (Exception e) {
        String message = stage.name() + ": " + describe(e);
        log.warn("Pipeline {} run {} failed in {}", pipeline.name(), runId, message, e);
        error = Optional.of(message);
        reports.add(
            new StageReport(
                stage.name(), "failed", Map.of(), elapsedMillis(start), Optional.of(describe(e))));
      }
    }
    String status = error.isEmpty() ? "succeeded" : "failed";
    Optional<String> runError = error;
    Instant finished = clock.instant();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE pipeline_runs
                       SET status = :status, finished_at = :finished,
                           stats = CAST(:stats AS jsonb), error = :error
                     WHERE id = :id
                    """)
                .bind("status", status)
                .bind("finished", utc(finished))
                .bind("stats", statsJson(reports))
                .bind("error", runError.orElse(null))
                .bind("id", runId)
                .execute());
    return find(runId).orElseThrow();
  }

  /** A recorded run by id. */
  public Optional<PipelineRun> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM pipeline_runs WHERE id = :id
                    """)
                .bind("id", id)
                .map(PipelineRunner::map)
                .findOne());
  }

  /** The latest run of a pipeline, if it ever ran. */
  public Optional<PipelineRun> latest(String pipeline) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT *
                      FROM pipeline_runs
                     WHERE pipeline = :p
                     ORDER BY started_at DESC, id DESC
                     LIMIT 1
                    """)
                .bind("p", pipeline)
                .map(PipelineRunner::map)
                .findOne());
  }

  private static String statsJson(List<StageReport> reports) {
    try {
      return Json.mapper().writeValueAsString(Map.of("stages", reports));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stage reports are not serialisable", e);
    }
  }

  private static PipelineRun map(ResultSet rs, StatementContext ctx) throws SQLException {
    List<StageReport> stages;
    try {
      JsonNode stats = Json.mapper().readTree(rs.getString("stats"));
      JsonNode list = stats.get("stages");
      stages = list == null ? List.of() : Json.mapper().convertValue(list, REPORTS);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SQLException("pipeline run " + rs.getLong("id") + " has unreadable stats", e);
    }
    return new PipelineRun(
        rs.getLong("id"),
        rs.getString("pipeline"),
        rs.getString("run_key"),
        rs.getString("trigger"),
        instant(rs, "scheduled_for"),
        instant(rs, "started_at").orElseThrow(),
        instant(rs, "finished_at"),
        rs.getString("status"),
        stages,
        Optional.ofNullable(rs.getString("error")));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
  }
}
