package dev.swiftbolt.jobs;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Claims jobs from a {@link JobQueue} and runs them on a pool of {@code concurrency} threads.
 *
 * <p>One poller thread claims as many due jobs as there are free slots (at most {@code batchSize}
 * per query), waiting with a doubling backoff while the queue is idle. A heartbeat extends the
 * leases of the jobs it holds every {@code lease / 3}. Outcomes are recorded with retries, so a
 * database restart does not lose them; an outcome that still cannot be recorded leaves the job to
 * expire and run again (delivery is at least once).
 *
 * <p>{@link #stop()} stops claiming, lets running jobs finish for {@code shutdownGrace}, then
 * interrupts them and releases their jobs to the queue. Use either {@link #runUntilIdle()}
 * (blocking, the CLI's {@code --once}) or {@link #start()} and {@link #stop()}, once. Thread-safe.
 *
 * <p>A claim that fails (database unreachable, or refused by a misconfigured pooler) is logged and
 * retried with a doubling wait; {@link #runUntilIdle()} gives up after {@link
 * #CLAIM_ATTEMPTS_UNTIL_IDLE} failures in a row and reports it in {@link
 * WorkerSummary#gaveUpClaiming()}, and a started worker counts them in {@link
 * WorkerSummary#claimFailures()} and {@link #consecutiveClaimFailures()}.
 */
public final class Worker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);
  private static final AtomicInteger WORKERS = new AtomicInteger();

  /**
   * Failed claims in a row after which {@link #runUntilIdle()} gives up (about 16 s of doubling
   * waits, capped at 5 s): a worker that cannot claim is not idle, and says so.
   */
  public static final int CLAIM_ATTEMPTS_UNTIL_IDLE = 10;

  private final JobQueue queue;
  private final JobHandlers handlers;
  private final WorkerOptions options;
  private final ExecutorService executor;
  private final ScheduledExecutorService heartbeat;
  private final Semaphore slots;
  private final Semaphore wakeups = new Semaphore(0);
  private final ConcurrentHashMap<Long, JobContext> running = new ConcurrentHashMap<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch pollerDone = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final WorkerCounters counts = new WorkerCounters();
  private final AtomicInteger consecutiveClaimFailures = new AtomicInteger();
  private final OutcomeRecorder outcomes;
  private volatile BatchCompleter completer;
  private volatile long startNanos;
  private volatile long stopNanos;
  private volatile boolean graceRanOut;

  public Worker(JobQueue queue, JobHandlers handlers, WorkerOptions options) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.options = Objects.requireNonNull(options, "options");
    int n = WORKERS.incrementAndGet();
    this.executor = Executors.newFixedThreadPool(options.concurrency(), named("job-" + n + "-"));
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(named("job-heartbeat-" + n + "-"));
    this.slots = new Semaphore(Math.max(options.concurrency(), options.batchSize()));
    this.outcomes = new OutcomeRecorder(queue, counts);
  }

  public WorkerOptions options() {
    return options;
  }

  /**
   * Runs jobs until none is due and none is running (follow-ups of finished jobs included), then
   * stops and returns what it did. Jobs waiting for a retry later are not waited for.
   *
   * @throws IllegalStateException when this worker was already started
   */
  public WorkerSummary runUntilIdle() {
    begin();
    try {
      pollLoop(true);
    } finally {
      pollerDone.countDown();
    }
    return stop();
  }

  /** Starts claiming and running jobs in the background until {@link #stop()}. */
  public void start() {
    begin();
    Thread poller =
        new Thread(
            () -> {
              try {
                pollLoop(false);
              } finally {
                pollerDone.countDown();
              }
            },
            "job-poller-" + options.workerId());
    poller.setDaemon(true);
    poller.start();
  }

  private void begin() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("worker " + options.workerId() + " was already started");
    }
    startNanos = System.nanoTime();
    completer =
        new BatchCompleter(queue, options.workerId(), outcomes.retry(), new CompletionListener());
    long period = Math.max(10, options.heartbeatInterval().toMillis());
    heartbeat.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    log.info(
        "Worker {} started: {} threads, lease {}, handles {}",
        options.workerId(),
        options.concurrency(),
        options.lease(),
        handlers.types());
  }

  /**
   * Stops gracefully: no more claims; running jobs get {@code shutdownGrace} to finish, then are
   * interrupted and released back to the queue. Idempotent; every caller waits until it is done.
   *
   * @return what the worker did
   */
  public WorkerSummary stop() {
    if (!stopping.compareAndSet(false, true)) {
      if (started.get()) {
        awaitQuietly(stopped, Duration.ofDays(1));
      }
      return summary();
    }
    wakeups.release();
    if (started.get()) {
      awaitQuietly(pollerDone, Duration.ofDays(1));
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(options.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        graceRanOut = true;
        log.info("Worker {}: interrupting {} running jobs", options.workerId(), running.size());
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (completer != null) {
      completer.close();
    }
    for (JobContext context : running.values()) {
      outcomes.release(context.job());
    }
    heartbeat.shutdownNow();
    stopNanos = System.nanoTime();
    stopped.countDown();
    WorkerSummary summary = summary();
    log.info("Worker {} stopped: {}", options.workerId(), summary);
    return summary;
  }

  /**
   * Blocks until this worker has been stopped (by {@link #stop()} from another thread, e.g. a
   * shutdown hook) and returns what it did.
   */
  public WorkerSummary awaitStopped() {
    awaitQuietly(stopped, Duration.ofDays(365_000));
    return summary();
  }

  /**
   * Whether {@link #stop()} had to interrupt running jobs because they did not finish within {@code
   * shutdownGrace} (they were released back to the queue unfinished).
   */
  public boolean graceRanOut() {
    return graceRanOut;
  }

  @Override
  public void close() {
    stop();
  }

  /** Whether {@link #stop} has begun (claiming has ended; running jobs may still finish). */
  boolean stopping() {
    return stopping.get();
  }

  /** Claims that failed since the last one that succeeded; 0 while claiming works. */
  public int consecutiveClaimFailures() {
    return consecutiveClaimFailures.get();
  }

  /** Counts so far. */
  public WorkerSummary summary() {
    long end = stopNanos != 0 ? stopNanos : System.nanoTime();
    long begin = startNanos != 0 ? startNanos : end;
    return counts.summary(Duration.ofNanos(end - begin));
  }

  private void pollLoop(boolean untilIdle) {
    Duration idleWait = options.idlePollMin();
    Duration errorWait = options.idlePollMin();
    while (!stopping.get()) {
      int free = acquireSlots();
      if (free == 0) {
        continue;
      }
      boolean nothingRunning = running.isEmpty();
      List<Job> jobs;
      try {
        jobs = queue.claim(options.workerId(), free, options.lease());
        errorWait = options.idlePollMin();
      } catch (RuntimeException e) {
        slots.release(free);
        counts.claimFailures.increment();
        int failures = consecutiveClaimFailures.incrementAndGet();
        if (untilIdle && failures >= CLAIM_ATTEMPTS_UNTIL_IDLE) {
          counts.gaveUpClaiming = true;
          log.error(
              "Worker {}: claiming failed {} times in a row, giving up with jobs possibly still"
                  + " due: {}",
              options.workerId(),
              failures,
              claimError(e));
          return;
        }
        log.warn(
            "Worker {}: claiming failed ({} in a row), retrying in {}: {}",
            options.workerId(),
            failures,
            errorWait,
            claimError(e));
        sleep(errorWait);
        errorWait = doubled(errorWait, Duration.ofSeconds(5));
        continue;
      }
      consecutiveClaimFailures.set(0);
      slots.release(free - jobs.size());
      if (jobs.isEmpty()) {
        if (untilIdle && nothingRunning) {
          return;
        }
        sleep(untilIdle ? options.idlePollMin() : idleWait);
        idleWait = doubled(idleWait, options.idlePollMax());
        continue;
      }
      idleWait = options.idlePollMin();
      for (Job job : jobs) {
        counts.claimed.increment();
        JobContext context = new JobContext(job, queue.clock(), this::extendLease, stopping::get);
        running.put(job.id(), context);
        executor.execute(() -> execute(context));
      }
    }
  }

  /** Blocks up to 100 ms for one free slot, then takes up to a batch; 0 when none came free. */
  private int acquireSlots() {
    try {
      if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        return 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.set(true);
      return 0;
    }
    int n = 1;
    while (n < options.batchSize() && slots.tryAcquire()) {
      n++;
    }
    return n;
  }

  private void execute(JobContext context) {
    Job job = context.job();
    boolean handedOff = false;
    try {
      if (stopping.get()) {
        outcomes.release(job);
        return;
      }
      JobOutcome outcome = runHandler(job, context);
      boolean interrupted = Thread.interrupted();
      if (stopping.get() && interrupted) {
        outcomes.release(job);
      } else if (context.leaseLost()) {
        counts.lostLeases.increment();
        log.warn(
            "Job {} ({}) lost its lease; its outcome is not recorded", job.id(), job.jobType());
      } else if (outcome.succeeded() && context.followUps().isEmpty()) {
        completer.submit(context);
        handedOff = true;
      } else {
        outcomes.record(job, context, outcome);
      }
    } finally {
      if (!handedOff) {
        finished(context);
      }
      slots.release();
    }
  }

  /** The job's outcome is recorded (or given up on): it no longer counts as running here. */
  private void finished(JobContext context) {
    // Only this run's entry: a retry of the same job may already have been claimed.
    running.remove(context.job().id(), context);
    wakeups.release();
  }

  private final class CompletionListener implements BatchCompleter.Listener {
    @Override
    public void recorded(JobContext context, boolean completed) {
      (completed ? counts.succeeded : counts.lostLeases).increment();
      finished(context);
    }

    @Override
    public void notRecorded(JobContext context, RuntimeException failure) {
      log.error(
          "Job {} ({}): success not recorded, it will run again after its lease",
          context.job().id(),
          context.job().jobType());
      finished(context);
    }
  }

  private JobOutcome runHandler(Job job, JobContext context) {
    Optional<JobHandler> handler = handlers.forType(job.jobType());
    if (handler.isEmpty()) {
      return JobOutcome.failure(handlers.noHandlerError(job.jobType()));
    }
    try (var id = MDC.putCloseable("job_id", Long.toString(job.id()));
        var type = MDC.putCloseable("job_type", job.jobType());
        var symbol = job.symbol().map(code -> MDC.putCloseable("symbol", code)).orElse(null)) {
      JobOutcome outcome = handler.get().handle(job, context);
      return outcome != null
          ? outcome
          : JobOutcome.failure("handler of '" + job.jobType() + "' returned no outcome");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JobOutcome.failure("interrupted");
    } catch (Exception e) {
      log.debug("Job {} ({}) failed", job.id(), job.jobType(), e);
      return JobOutcome.failure(OutcomeRecorder.describe(e));
    }
  }

  private boolean extendLease(Job job) {
    return outcomes.extendLease(options.workerId(), job, options.lease());
  }

  private void heartbeat() {
    List<JobContext> held = List.copyOf(running.values());
    if (held.isEmpty()) {
      return;
    }
    try {
      Set<Long> extended =
          new HashSet<>(
              queue.extendLeases(
                  options.workerId(),
                  held.stream().map(JobContext::job).toList(),
                  options.lease()));
      for (JobContext context : held) {
        if (!extended.contains(context.job().id()) && running.get(context.job().id()) == context) {
          context.markLeaseLost();
        }
      }
    } catch (RuntimeException e) {
      log.warn("Worker {}: heartbeat failed: {}", options.workerId(), e.toString());
    }
  }

  private void sleep(Duration d) {
    try {
      if (wakeups.tryAcquire(d.toMillis(), TimeUnit.MILLISECONDS)) {
        wakeups.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.set(true);
    }
  }

  /** The database's own words (the root cause's first line), not the whole claim statement. */
  private static String claimError(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private static Duration doubled(Duration d, Duration max) {
    Duration twice = d.multipliedBy(2);
    return twice.compareTo(max) > 0 ? max : twice;
  }

  private static void awaitQuietly(CountDownLatch latch, Duration max) {
    try {
      latch.await(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
