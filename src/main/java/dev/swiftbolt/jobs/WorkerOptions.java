package dev.swiftbolt.jobs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How a {@link Worker} runs.
 *
 * @param workerId written to {@code locked_by}; unique per worker (default: host:pid:random)
 * @param concurrency jobs run at once (threads); at least 1
 * @param lease how long a claimed job is reserved; extended every {@code lease / 3} while it runs.
 *     A job whose worker dies is claimed again after at most this long. Default 60 s.
 * @param batchSize most jobs claimed per query (fewer when fewer threads are free); default 32
 * @param idlePollMin first wait when no job is due; doubles up to {@code idlePollMax}
 * @param idlePollMax longest wait between polls of an idle queue
 * @param shutdownGrace how long a stopping worker lets running jobs finish before it interrupts
 *     them and releases their jobs back to the queue
 */
public record WorkerOptions(
    String workerId,
    int concurrency,
    Duration lease,
    int batchSize,
    Duration idlePollMin,
    Duration idlePollMax,
    Duration shutdownGrace) {

  public static final int DEFAULT_CONCURRENCY = 4;
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
  public static final int DEFAULT_BATCH_SIZE = 32;

  public WorkerOptions {
    Objects.requireNonNull(workerId, "workerId");
    if (workerId.isBlank()) {
      throw new IllegalArgumentException("worker id must not be blank");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    positive("lease", lease);
    if (lease.toMillis() < 30) {
      throw new IllegalArgumentException("lease must be at least 30 ms: " + lease);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
    }
    positive("idle poll min", idlePollMin);
    positive("idle poll max", idlePollMax);
    if (idlePollMax.compareTo(idlePollMin) < 0) {
      throw new IllegalArgumentException("idle poll max is shorter than idle poll min");
    }
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdown grace must not be negative");
    }
  }

  /** Defaults: 4 threads, 60 s lease, batches of 32, idle polls 50 ms → 1 s, 30 s grace. */
  public static WorkerOptions defaults() {
    return new WorkerOptions(
        defaultWorkerId(),
        DEFAULT_CONCURRENCY,
        DEFAULT_LEASE,
        DEFAULT_BATCH_SIZE,
        Duration.ofMillis(50),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }

  public WorkerOptions withConcurrency(int n) {
    return new WorkerOptions(
        workerId, n, lease, batchSize, idlePollMin, idlePollMax, shutdownGrace);
  }

  public WorkerOptions withLease(Duration l) {
    return new WorkerOptions(
        workerId, concurrency, l, batchSize, idlePollMin, idlePollMax, shutdownGrace);
  }

  public WorkerOptions withBatchSize(int n) {
    return new WorkerOptions(
        workerId, concurrency, lease, n, idlePollMin, idlePollMax, shutdownGrace);
  }

  public WorkerOptions withWorkerId(String id) {
    return new WorkerOptions(
        id, concurrency, lease, batchSize, idlePollMin, idlePollMax, shutdownGrace);
  }

  public WorkerOptions withIdlePoll(Duration min, Duration max) {
    return new WorkerOptions(workerId, concurrency, lease, batchSize, min, max, shutdownGrace);
  }

  public WorkerOptions withShutdownGrace(Duration grace) {
    return new WorkerOptions(
        workerId, concurrency, lease, batchSize, idlePollMin, idlePollMax, grace);
  }

  /** The heartbeat period: a third of the lease, so two heartbeats can fail before it expires. */
  public Duration heartbeatInterval() {
    return lease.dividedBy(3);
  }

  /** {@code host:pid:8 random hex}, e.g. {@code web-1:4242:9f3c2a1b}. */
  public static String defaultWorkerId() {
    String runtime = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
    String host = runtime.contains("@") ? runtime.substring(runtime.indexOf('@') + 1) : "host";
    return "%s:%s:%s"
        .formatted(
            host, ProcessHandle.current().pid(), UUID.randomUUID().toString().substring(0, 8));
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
