package dev.swiftbolt.jobs;

import io.github.resilience4j.retry.Retry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records successes of jobs without follow-ups in batches, on its own thread: whatever succeeded
 * while the previous batch was being written goes into the next {@code UPDATE … FROM unnest(…)}.
 * The same idea as River's batch completer: short jobs are not limited by one commit each.
 *
 * <p>A job stays "running" in its worker until its batch is written, so heartbeats keep its lease
 * and {@code runUntilIdle} does not stop early.
 */
final class BatchCompleter {

  /** Told, per job, whether its success was recorded (false: the lease was lost). */
  interface Listener {
    void recorded(JobContext context, boolean completed);

    void notRecorded(JobContext context, RuntimeException failure);
  }

  private static final Logger log = LoggerFactory.getLogger(BatchCompleter.class);
  private static final int MAX_BATCH = 1_000;

  private final JobQueue queue;
  private final String workerId;
  private final Retry retry;
  private final Listener listener;
  private final BlockingQueue<JobContext> pending = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;

  BatchCompleter(JobQueue queue, String workerId, Retry retry, Listener listener) {
    this.queue = queue;
    this.workerId = workerId;
    this.retry = retry;
    this.listener = listener;
    this.thread = new Thread(this::loop, "job-completer-" + workerId);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  void submit(JobContext context) {
    pending.add(context);
  }

  /** Writes what is pending, then stops the thread. */
  void close() {
    closing = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    List<JobContext> batch = new ArrayList<>();
    while (!(closing && pending.isEmpty())) {
      try {
        JobContext first = pending.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      pending.drainTo(batch, MAX_BATCH - 1);
      write(batch);
      batch.clear();
    }
  }

  private void write(List<JobContext> batch) {
    List<Job> jobs = batch.stream().map(JobContext::job).toList();
    try {
      Set<Long> done =
          new HashSet<>(
              Retry.decorateSupplier(retry, () -> queue.completeAll(workerId, jobs)).get());
      for (JobContext context : batch) {
        listener.recorded(context, done.contains(context.job().id()));
      }
    } catch (RuntimeException e) {
      log.error("Could not record {} successes: {}", batch.size(), e.toString());
      for (JobContext context : batch) {
        listener.notRecorded(context, e);
      }
    }
  }
}
