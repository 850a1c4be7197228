package dev.swiftbolt.jobs;

import java.time.Duration;

/**
 * What a worker did.
 *
 * @param claimed jobs claimed
 * @param succeeded jobs completed successfully
 * @param retried failed attempts queued again with backoff
 * @param dead jobs that failed their last attempt (or whose last lease expired) and are now dead
 * @param released jobs given back unfinished at shutdown
 * @param lostLeases jobs whose lease passed to another worker before their outcome was recorded
 * @param claimFailures claim queries that failed (the database refused or was unreachable)
 * @param gaveUpClaiming whether the worker stopped because claiming kept failing ({@link
 *     Worker#runUntilIdle()} only): jobs may still be due
 * @param elapsed wall time from start to stop
 */
public record WorkerSummary(
    long claimed,
    long succeeded,
    long retried,
    long dead,
    long released,
    long lostLeases,
    long claimFailures,
    boolean gaveUpClaiming,
    Duration elapsed) {

  /** Jobs per second that finished (succeeded, retried or dead) over the elapsed time. */
  public double finishedPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : (succeeded + retried + dead) / seconds;
  }
}
