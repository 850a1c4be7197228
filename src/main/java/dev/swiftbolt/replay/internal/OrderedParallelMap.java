package dev.swiftbolt.replay.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Maps a list on a fixed pool of threads and returns the results in input order. The first failure
 * (in input order) is rethrown once every task has ended; an interrupt cancels the rest.
 */
public final class OrderedParallelMap {

  private OrderedParallelMap() {}

  /**
   * @param threads at least 1
   * @throws RuntimeException the first task's unchecked exception, unwrapped
   */
  public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> function) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(threads, Math.max(1, items.size())));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> function.apply(item)));
      }
      List<R> results = new ArrayList<>(items.size());
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while mapping in parallel", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
