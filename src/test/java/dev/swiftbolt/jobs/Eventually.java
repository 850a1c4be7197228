package dev.swiftbolt.jobs;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition in tests that involve real threads or processes. */
public final class Eventually {

  private Eventually() {}

  /**
   * Polls {@code condition} every 20 ms until it holds.
   *
   * @throws AssertionError naming {@code what} when it does not hold within {@code max}
   */
  public static void await(String what, Duration max, BooleanSupplier condition) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + max + ": " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
