package dev.swiftbolt.jobs;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** What one worker did so far; updated from many threads. */
final class WorkerCounters {

  final LongAdder claimed = new LongAdder();
  final LongAdder succeeded = new LongAdder();
  final LongAdder retried = new LongAdder();
  final LongAdder dead = new LongAdder();
  final LongAdder released = new LongAdder();
  final LongAdder lostLeases = new LongAdder();
  final LongAdder claimFailures = new LongAdder();
  volatile boolean gaveUpClaiming;

  WorkerSummary summary(Duration elapsed) {
    return new WorkerSummary(
        claimed.sum(),
        succeeded.sum(),
        retried.sum(),
        dead.sum(),
        released.sum(),
        lostLeases.sum(),
        claimFailures.sum(),
        gaveUpClaiming,
        elapsed);
  }
}
