package dev.swiftbolt.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job to enqueue. Build one with {@link #of(String)} and the {@code with…} methods; every value
 * is checked here, so a bad job never reaches the database.
 *
 * <p>Only one job per (type, symbol, timeframe) can be active (queued or running); enqueueing a
 * second one is a no-op (see {@link JobQueue#enqueue}).
 *
 * @param timeframe empty means every timeframe
 * @param runAfter not before this instant; empty means now (the queue's clock)
 * @param priority lower runs first: {@link #USER_PRIORITY} before {@link #SCHEDULED_PRIORITY}
 */
public record NewJob(
    String jobType,
    Optional<Long> symbolId,
    Optional<Timeframe> timeframe,
    Optional<String> userId,
    int priority,
    int maxAttempts,
    Optional<Instant> runAfter,
    ObjectNode payload) {

  /** Priority of work a user asked for (tracking a symbol, a button): claimed first. */
  public static final int USER_PRIORITY = 0;

  /** Priority of work a schedule created. */
  public static final int SCHEDULED_PRIORITY = 100;

  /** Attempts before a failing job is declared dead (the table's default). */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** The job types the table accepts. */
  public static final Pattern JOB_TYPE = Pattern.compile("^[a-z][a-z0-9_-]{0,39}$");

  public NewJob {
    Objects.requireNonNull(jobType, "jobType");
    if (!JOB_TYPE.matcher(jobType).matches()) {
      throw new IllegalArgumentException(
          "job_type '" + jobType + "' must match " + JOB_TYPE.pattern());
    }
    Objects.requireNonNull(symbolId, "symbolId");
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(runAfter, "runAfter");
    if (priority < 0) {
      throw new IllegalArgumentException("priority must be at least 0: " + priority);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max_attempts must be at least 1: " + maxAttempts);
    }
    payload = payload == null ? JsonNodeFactory.instance.objectNode() : payload.deepCopy();
  }

  @Override
  public ObjectNode payload() {
    return payload.deepCopy();
  }

  /** A scheduled-priority job of this type for no symbol, every timeframe, empty payload. */
  public static NewJob of(String jobType) {
    return new NewJob(
        jobType,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        SCHEDULED_PRIORITY,
        DEFAULT_MAX_ATTEMPTS,
        Optional.empty(),
        null);
  }

  public NewJob forSymbol(long id) {
    return new NewJob(
        jobType, Optional.of(id), timeframe, userId, priority, maxAttempts, runAfter, payload);
  }

  public NewJob onTimeframe(Timeframe tf) {
    return new NewJob(
        jobType, symbolId, Optional.of(tf), userId, priority, maxAttempts, runAfter, payload);
  }

  public NewJob byUser(String user) {
    return new NewJob(
        jobType, symbolId, timeframe, Optional.of(user), priority, maxAttempts, runAfter, payload);
  }

  public NewJob withPriority(int p) {
    return new NewJob(jobType, symbolId, timeframe, userId, p, maxAttempts, runAfter, payload);
  }

  public NewJob withMaxAttempts(int max) {
    return new NewJob(jobType, symbolId, timeframe, userId, priority, max, runAfter, payload);
  }

  public NewJob notBefore(Instant t) {
    return new NewJob(
        jobType, symbolId, timeframe, userId, priority, maxAttempts, Optional.of(t), payload);
  }

  public NewJob withPayload(ObjectNode p) {
    return new NewJob(jobType, symbolId, timeframe, userId, priority, maxAttempts, runAfter, p);
  }

  /**
   * This job, waiting for other job types: it is not claimed while a job of one of them is queued
   * or running for the same symbol (payload {@code depends_on}: a text for one type, a list for
   * several).
   */
  public NewJob dependingOn(String jobType, String... moreJobTypes) {
    ObjectNode p = payload.deepCopy();
    if (moreJobTypes.length == 0) {
      p.put("depends_on", jobType);
    } else {
      var list = p.putArray("depends_on").add(jobType);
      for (String t : moreJobTypes) {
        list.add(t);
      }
    }
    return withPayload(p);
  }
}
