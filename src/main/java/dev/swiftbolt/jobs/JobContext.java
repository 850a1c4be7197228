package dev.swiftbolt.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What a running job can ask of its worker: the clock, lease extension, whether the worker is
 * stopping, and follow-up jobs.
 *
 * <p>Follow-up jobs passed to {@link #enqueue(NewJob)} are inserted in the same transaction that
 * marks this job succeeded, so "backfill succeeded" and "train is queued" happen together or not at
 * all; if the job fails they are dropped. Used by the one thread that runs the job, except {@link
 * #markLeaseLost()}, which the heartbeat thread calls.
 */
public final class JobContext {

  /** Extends the lease of one job; returns false when the job is no longer this worker's. */
  @FunctionalInterface
  interface LeaseExtender {
    boolean extend(Job job);
  }

  private final Job job;
  private final Clock clock;
  private final LeaseExtender leases;
  private final BooleanSupplier stopping;
  private final List<NewJob> followUps = new ArrayList<>();
  private volatile boolean leaseLost;

  JobContext(Job job, Clock clock, LeaseExtender leases, BooleanSupplier stopping) {
    this.job = Objects.requireNonNull(job, "job");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.leases = Objects.requireNonNull(leases, "leases");
    this.stopping = Objects.requireNonNull(stopping, "stopping");
  }

  /**
   * A context outside any worker, for calling a handler directly (tests, one-off CLI runs): its
   * lease never expires, it never stops, and follow-ups are only collected ({@link #followUps()}).
   */
  public static JobContext detached(Job job, Clock clock) {
    return new JobContext(job, clock, j -> true, () -> false);
  }

  /** The clock handlers must read "now" from. */
  public Clock clock() {
    return clock;
  }

  /** The job this context belongs to. */
  public Job job() {
    return job;
  }

  /**
   * Extends this job's lease by the worker's lease length, now.
   *
   * @return false when the lease was already lost (another worker may run the job): stop early
   */
  public boolean extendLease() {
    if (leaseLost) {
      return false;
    }
    boolean held = leases.extend(job);
    if (!held) {
      leaseLost = true;
    }
    return held;
  }

  /** Whether the worker lost this job's lease; the job's outcome will not be recorded. */
  public boolean leaseLost() {
    return leaseLost;
  }

  void markLeaseLost() {
    leaseLost = true;
  }

  /** Whether the worker is shutting down: finish quickly or return and be released. */
  public boolean stopRequested() {
    return stopping.getAsBoolean() || Thread.currentThread().isInterrupted();
  }

  /** Queues a follow-up job, inserted only if and when this job succeeds. */
  public void enqueue(NewJob followUp) {
    followUps.add(Objects.requireNonNull(followUp, "followUp"));
  }

  /** The follow-up jobs collected so far. */
  public List<NewJob> followUps() {
    return List.copyOf(followUps);
  }
}
