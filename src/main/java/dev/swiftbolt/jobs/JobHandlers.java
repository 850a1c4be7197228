package dev.swiftbolt.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The handlers a worker runs, by job type. Immutable and thread-safe once built.
 *
 * <p>A job whose type has no handler is not silently skipped: the worker fails it with an error
 * naming the type and the registered ones, so it retries (another worker may have the handler) and
 * ends dead with that error.
 */
public final class JobHandlers {

  /** The job type of {@link #NOOP}. */
  public static final String NOOP_TYPE = "noop";

  /** Succeeds at once; for tests, benchmarks and checking a deployment's queue end to end. */
  public static final JobHandler NOOP = (job, context) -> JobOutcome.success();

  private final Map<String, JobHandler> handlers;

  private JobHandlers(Map<String, JobHandler> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Only the {@code noop} handler. */
  public static JobHandlers noopOnly() {
    return builder().register(NOOP_TYPE, NOOP).build();
  }

  /** The handler of a job type, if one is registered. */
  public Optional<JobHandler> forType(String jobType) {
    return Optional.ofNullable(handlers.get(jobType));
  }

  /** The registered job types, sorted. */
  public Set<String> types() {
    return new TreeSet<>(handlers.keySet());
  }

  /** The error recorded for a job whose type has no handler here. */
  String noHandlerError(String jobType) {
    return "no handler for job type '%s' in this worker (it handles: %s)"
        .formatted(jobType, String.join(", ", types()));
  }

  /** Collects handlers; a job type can be registered once. */
  public static final class Builder {
    private final Map<String, JobHandler> handlers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers the handler of {@code jobType}.
     *
     * @throws IllegalArgumentException for a malformed or already registered job type
     */
    public Builder register(String jobType, JobHandler handler) {
      Objects.requireNonNull(handler, "handler");
      if (!NewJob.JOB_TYPE.matcher(jobType).matches()) {
        throw new IllegalArgumentException(
            "job type '" + jobType + "' must match " + NewJob.JOB_TYPE.pattern());
      }
      if (handlers.putIfAbsent(jobType, handler) != null) {
        throw new IllegalArgumentException("job type '" + jobType + "' is already registered");
      }
      return this;
    }

    public JobHandlers build() {
      return new JobHandlers(handlers);
    }
  }
}
