package dev.swiftbolt.jobs;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Told when a job ends dead (its last attempt failed, or the lease of its last attempt expired),
 * inside the transaction that marks it dead: what it writes on {@code handle} commits with the
 * death or not at all. Packages above the queue implement it (alerts); the queue never knows them.
 *
 * <p>Implementations must be thread-safe and quick; an exception rolls the state change back (the
 * job is then recorded again after its lease).
 */
@FunctionalInterface
public interface JobDeathListener {

  /** Listens to nothing. */
  JobDeathListener NONE = (handle, job, lastError, at) -> {};

  /**
   * Called once per job that died.
   *
   * @param lastError the error stored in {@code last_error}
   * @param at the queue clock's "now" of the death
   */
  void died(Handle handle, Job job, String lastError, Instant at);
}
