package dev.swiftbolt.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * The PostgreSQL job queue on {@code forecast_jobs}: enqueue, claim, complete, fail, release and
 * lease extension. Thread-safe; every method is one short transaction.
 *
 * <p>Claiming uses {@code FOR UPDATE SKIP LOCKED}, so any number of workers in any number of
 * processes can claim concurrently without blocking each other or claiming the same job twice. A
 * claimed job is leased to its worker until {@code locked_until}; a running job whose lease has
 * passed is claimable again (its worker is presumed dead). Every state change after the claim is
 * guarded by the lease (job id, worker id and attempt number), so a worker that lost its lease
 * cannot overwrite what the job's new owner records.
 *
 * <p>"Now" comes from the injected clock and is passed into SQL as a parameter; the database's own
 * {@code now()} is never used, so tests move time instead of sleeping.
 */
public final class JobQueue {

  /** Longest {@code last_error} kept, in characters. */
  static final int MAX_ERROR_LENGTH = 4000;

  private static final String ENQUEUE =
      """
      INSERT INTO forecast_jobs (job_type, symbol_id, timeframe, user_id, priority, max_attempts,
                                 run_after, payload, created_at, updated_at)
      VALUES (:type, :symbolId, :timeframe, :userId, :priority, :maxAttempts, :runAfter,
              CAST(:payload AS jsonb), :now, :now)
      ON CONFLICT DO NOTHING
      RETURNING id
      """;

  /*
   * Due = queued with run_after passed, or running with its lease passed. A job whose payload says
   * depends_on: T (or [T1, T2, …]) waits while a job of such a type for the same symbol is active. A reclaimed job that
   * has used all its attempts (its worker died on the last one) becomes dead instead of running.
   */
  private static final String CLAIM =
      """
      WITH due AS (
        SELECT j.id
          FROM forecast_jobs j
         WHERE j.status IN ('queued', 'running')
           AND CASE WHEN j.status = 'queued' THEN j.run_after <= :now
                    ELSE j.locked_until < :now END
           AND (j.payload->'depends_on' IS NULL OR NOT EXISTS (
                 SELECT 1
                   FROM forecast_jobs d
                  WHERE d.symbol_id = j.symbol_id
                    AND d.id <> j.id
                    AND d.status IN ('queued', 'running')
                    AND d.job_type IN (
                          SELECT jsonb_array_elements_text(
                                   CASE jsonb_typeof(j.payload->'depends_on')
                                     WHEN 'array' THEN j.payload->'depends_on'
                                     ELSE jsonb_build_array(j.payload->'depends_on') END))))
         ORDER BY j.priority, j.run_after, j.id
         LIMIT :limit
           FOR UPDATE OF j SKIP LOCKED
      )
      UPDATE forecast_jobs j
         SET status = CASE WHEN j.status = 'running' AND j.attempts >= j.max_attempts
                           THEN 'dead' ELSE 'running' END,
             last_error = CASE WHEN j.status = 'running' AND j.attempts >= j.max_attempts
                               THEN 'lease of the last attempt expired (worker '
                                    || coalesce(j.locked_by, '?') || ' stopped heartbeating)'
                               ELSE j.last_error END,
             finished_at = CASE WHEN j.status = 'running' AND j.attempts >= j.max_attempts
                                THEN :now ELSE NULL END,
             attempts = CASE WHEN j.status = 'running' AND j.attempts >= j.max_attempts
                             THEN j.attempts ELSE j.attempts + 1 END,
             locked_by = :worker,
             locked_until = :lockedUntil,
             updated_at = :now
        FROM due
       WHERE j.id = due.id
      RETURNING j.id, j.job_type, j.symbol_id,
                (SELECT s.symbol FROM symbols s WHERE s.id = j.symbol_id) AS symbol,
                j.timeframe, j.user_id, j.priority, j.attempts, j.max_attempts,
                j.payload::text AS payload, j.locked_by, j.locked_until, j.status,
                j.last_error
      """;

  /* Every state change after the claim holds only while this worker still holds the lease. */
  private static final String SUCCEED =
      """
      UPDATE forecast_jobs
         SET status = 'succeeded', finished_at = :now, locked_until = NULL, updated_at = :now
       WHERE id = :id AND status = 'running' AND locked_by = :worker AND attempts = :attempts
      """;

  private static final String SUCCEED_ALL =
      """
      UPDATE forecast_jobs j
         SET status = 'succeeded', finished_at = :now, locked_until = NULL, updated_at = :now
        FROM unnest(:ids, :attempts) AS l(id, attempts)
       WHERE j.id = l.id AND j.attempts = l.attempts
         AND j.status = 'running' AND j.locked_by = :worker
      RETURNING j.id
      """;

  private static final String DIE =
      """
      UPDATE forecast_jobs
         SET status = 'dead', last_error = :error, finished_at = :now, locked_until = NULL,
             updated_at = :now
       WHERE id = :id AND status = 'running' AND locked_by = :worker AND attempts = :attempts
      """;

  private static final String RETRY =
      """
      UPDATE forecast_jobs
         SET status = 'queued', last_error = :error, run_after = :retryAt, locked_by = NULL,
             locked_until = NULL, updated_at = :now
       WHERE id = :id AND status = 'running' AND locked_by = :worker AND attempts = :attempts
      """;

  private static final String RELEASE =
      """
      UPDATE forecast_jobs
         SET status = 'queued', attempts = attempts - 1, locked_by = NULL, locked_until = NULL,
             updated_at = :now
       WHERE id = :id AND status = 'running' AND locked_by = :worker AND attempts = :attempts
      """;

  private static final String EXTEND_LEASES =
      """
      UPDATE forecast_jobs j
         SET locked_until = :until, updated_at = :now
        FROM unnest(:ids, :attempts) AS l(id, attempts)
       WHERE j.id = l.id AND j.attempts = l.attempts
         AND j.status = 'running' AND j.locked_by = :worker
      RETURNING j.id
      """;

  private final Jdbi jdbi;
  private final Clock clock;
  private final RetryPolicy retryPolicy;
  private final JobDeathListener deaths;

  public JobQueue(Jdbi jdbi, Clock clock, RetryPolicy retryPolicy) {
    this(jdbi, clock, retryPolicy, JobDeathListener.NONE);
  }

  /** A queue that tells {@code deaths} of each job that ends dead, in the same transaction. */
  public JobQueue(Jdbi jdbi, Clock clock, RetryPolicy retryPolicy, JobDeathListener deaths) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    this.deaths = Objects.requireNonNull(deaths, "deaths");
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Enqueues {@code job} unless an active job with the same (type, symbol, timeframe) exists.
   *
   * @return the new job's id, or empty when an active duplicate made this a no-op
   */
  public Optional<Long> enqueue(NewJob job) {
    return jdbi.withHandle(h -> enqueue(h, job, clock.instant()));
  }

  /** {@link #enqueue(NewJob)} on the caller's handle, inside the caller's transaction. */
  public static Optional<Long> enqueue(Handle handle, NewJob job, Instant now) {
    String payload;
    try {
      payload = Json.mapper().writeValueAsString(job.payload());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("job payload is not serialisable: " + e.getMessage(), e);
    }
    return handle
        .createQuery(ENQUEUE)
        .bind("type", job.jobType())
        .bind("symbolId", job.symbolId().orElse(null))
        .bind("timeframe", job.timeframe().map(Timeframe::name).orElse(null))
        .bind("userId", job.userId().orElse(null))
        .bind("priority", job.priority())
        .bind("maxAttempts", job.maxAttempts())
        .bind("runAfter", utc(job.runAfter().orElse(now)))
        .bind("payload", payload)
        .bind("now", utc(now))
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * Claims up to {@code limit} due jobs for {@code workerId}, highest priority (lowest number)
   * first, then oldest {@code run_after}, then lowest id; each becomes running, leased until now +
   * {@code lease}, with its attempts incremented. Jobs locked by a concurrent claim are skipped,
   * never waited for.
   *
   * @return the claimed jobs, in claim order; empty when none is due
   */
  public List<Job> claim(String workerId, int limit, Duration lease) {
    if (limit < 1) {
      throw new IllegalArgumentException("claim limit must be at least 1: " + limit);
    }
    requirePositive(lease);
    Instant now = clock.instant();
    List<ClaimedRow> rows =
        jdbi.inTransaction(
            h -> {
              List<ClaimedRow> claimed =
                  h.createQuery(CLAIM)
                      .bind("now", utc(now))
                      .bind("lockedUntil", utc(now.plus(lease)))
                      .bind("worker", workerId)
                      .bind("limit", limit)
                      .map(JobQueue::mapClaimed)
                      .list();
              for (ClaimedRow row : claimed) {
                if (row.status().equals("dead")) {
                  deaths.died(h, row.job(), row.lastError(), now);
                }
              }
              return claimed;
            });
    return rows.stream()
        .filter(r -> r.status().equals("running"))
        .map(ClaimedRow::job)
        .sorted(
            // RETURNING has no defined order: most urgent first, then by id.
            Comparator.comparingInt(Job::priority).thenComparingLong(Job::id))
        .toList();
  }

  /**
   * Marks {@code job} succeeded and inserts {@code followUps} in the same transaction.
   *
   * @return false when this worker no longer holds the job's lease (nothing is written)
   */
  public boolean complete(Job job, Collection<NewJob> followUps) {
    Instant now = clock.instant();
    return jdbi.inTransaction(
        h -> {
          int updated = guarded(h, SUCCEED, job).bind("now", utc(now)).execute();
          if (updated == 0) {
            return false;
          }
          for (NewJob followUp : followUps) {
            enqueue(h, followUp, now);
          }
          return true;
        });
  }

  /**
   * Marks many jobs of one worker succeeded in one statement (jobs without follow-ups). This is
   * what lets a worker finish thousands of short jobs per second: one round trip per batch, not per
   * job.
   *
   * @return the ids this worker still held and has now marked succeeded
   */
  public List<Long> completeAll(String workerId, Collection<Job> jobs) {
    if (jobs.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    return jdbi.withHandle(
        h ->
            h.createQuery(SUCCEED_ALL)
                .bind("now", utc(now))
                .bindArray("ids", Long.class, jobs.stream().map(Job::id).toList())
                .bindArray("attempts", Integer.class, jobs.stream().map(Job::attempts).toList())
                .bind("worker", workerId)
                .mapTo(Long.class)
                .list());
  }

  /**
   * Records a failed attempt: the job is queued again after the retry policy's delay, or dead when
   * it has used all its attempts. Either way {@code last_error} keeps {@code error}.
   *
   * @return the job's new state, or empty when this worker no longer holds its lease
   */
  public Optional<FailureResult> fail(Job job, String error) {
    Instant now = clock.instant();
    String message = truncate(error);
    if (job.attempts() >= job.maxAttempts()) {
      int updated =
          jdbi.inTransaction(
              h -> {
                int dead =
                    guarded(h, DIE, job).bind("error", message).bind("now", utc(now)).execute();
                if (dead > 0) {
                  deaths.died(h, job, message, now);
                }
                return dead;
              });
      return updated == 0 ? Optional.empty() : Optional.of(FailureResult.died());
    }
    Instant retryAt = now.plus(retryPolicy.delayAfter(job.attempts()));
    int updated =
        jdbi.withHandle(
            h ->
                guarded(h, RETRY, job)
                    .bind("error", message)
                    .bind("retryAt", utc(retryAt))
                    .bind("now", utc(now))
                    .execute());
    return updated == 0 ? Optional.empty() : Optional.of(FailureResult.retryAt(retryAt));
  }

  /**
   * Gives a claimed job back without counting the attempt (a worker shutting down): it is queued
   * again, due at once.
   *
   * @return false when this worker no longer holds the job's lease
   */
  public boolean release(Job job) {
    Instant now = clock.instant();
    return jdbi.withHandle(h -> guarded(h, RELEASE, job).bind("now", utc(now)).execute()) > 0;
  }

  /**
   * Extends the leases of {@code jobs} (all claimed by {@code workerId}) to now + {@code lease}.
   *
   * @return the ids whose lease this worker still held and has now extended
   */
  public List<Long> extendLeases(String workerId, Collection<Job> jobs, Duration lease) {
    requirePositive(lease);
    if (jobs.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Long> ids = jobs.stream().map(Job::id).toList();
    List<Integer> attempts = jobs.stream().map(Job::attempts).toList();
    return jdbi.withHandle(
        h ->
            h.createQuery(EXTEND_LEASES)
                .bind("until", utc(now.plus(lease)))
                .bind("now", utc(now))
                .bindArray("ids", Long.class, ids)
                .bindArray("attempts", Integer.class, attempts)
                .bind("worker", workerId)
                .mapTo(Long.class)
                .list());
  }

  /** {@code statement} bound to {@code job}'s lease: its id, its worker and its attempt. */
  private static Update guarded(Handle h, String statement, Job job) {
    return h.createUpdate(statement)
        .bind("id", job.id())
        .bind("worker", job.lockedBy())
        .bind("attempts", job.attempts());
  }

  /** What happened to a failed job. */
  public record FailureResult(boolean dead, Optional<Instant> retryAt) {
    static FailureResult died() {
      return new FailureResult(true, Optional.empty());
    }

    static FailureResult retryAt(Instant at) {
      return new FailureResult(false, Optional.of(at));
    }
  }

  private record ClaimedRow(Job job, String status, String lastError) {}

  private static ClaimedRow mapClaimed(ResultSet rs, StatementContext ctx) throws SQLException {
    long symbolId = rs.getLong("symbol_id");
    Optional<Long> symbol = rs.wasNull() ? Optional.empty() : Optional.of(symbolId);
    JsonNode payload;
    try {
      payload = Json.mapper().readTree(rs.getString("payload"));
    } catch (JsonProcessingException e) {
      throw new SQLException("job " + rs.getLong("id") + " has an unreadable payload", e);
    }
    Job job =
        new Job(
            rs.getLong("id"),
            rs.getString("job_type"),
            symbol,
            Optional.ofNullable(rs.getString("symbol")),
            Optional.ofNullable(rs.getString("timeframe")).map(Timeframe::parse),
            Optional.ofNullable(rs.getString("user_id")),
            rs.getInt("priority"),
            Math.max(1, rs.getInt("attempts")),
            rs.getInt("max_attempts"),
            payload,
            rs.getString("locked_by"),
            rs.getObject("locked_until", OffsetDateTime.class).toInstant());
    return new ClaimedRow(job, rs.getString("status"), rs.getString("last_error"));
  }

  static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String error) {
    String e = error == null || error.isBlank() ? "failed (no message)" : error;
    return e.length() <= MAX_ERROR_LENGTH ? e : e.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }

  private static void requirePositive(Duration lease) {
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive: " + lease);
    }
  }
}
