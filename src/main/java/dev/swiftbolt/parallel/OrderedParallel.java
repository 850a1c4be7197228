package dev.swiftbolt.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An ordered parallel map over independent items (series, folds, sessions) on a bounded pool: the
 * work runs on up to {@code threads} threads at once, and the results are handed over in input
 * order on the calling thread, each as soon as it and every item before it are done. So output
 * order never depends on timing, and results do not either as long as the work of one item does not
 * depend on another's.
 *
 * <p>Memory stays bounded: at most {@code 2 × threads} items are started and not yet handed over,
 * whatever the number of items. With one thread the work runs inline on the calling thread.
 *
 * <p>The pool's threads are daemon threads that end with the call. Thread-safe (no state).
 */
public final class OrderedParallel {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private OrderedParallel() {}

  /** The default bound: the number of processors the JVM may use. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** What the work gave for one item: a value, or the runtime exception it threw. */
  public record Outcome<R>(R value, RuntimeException error) {
    public boolean succeeded() {
      return error == null;
    }

    /** The value, or the exception rethrown. */
    public R get() {
      if (error != null) {
        throw error;
      }
      return value;
    }
  }

  /**
   * Applies {@code work} to every item on up to {@code threads} threads and calls {@code sink} with
   * each item and its outcome, in input order, on the calling thread. A runtime exception of the
   * work is an outcome; an exception thrown by {@code sink} cancels the items not yet started and
   * is rethrown. Errors ({@link Error}) of the work are rethrown when their item's turn comes.
   *
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public static <T, R> void forEachOrdered(
      List<T> items,
      int threads,
      Function<? super T, ? extends R> work,
      BiConsumer<? super T, Outcome<R>> sink) {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(sink, "sink");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (threads == 1 || items.size() <= 1) {
      for (T item : items) {
        sink.accept(item, run(work, item));
      }
      return;
    }
    int window = 2 * threads;
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(threads, items.size()), daemonThreads());
    List<Future<Outcome<R>>> futures = new ArrayList<>(items.size());
    try {
      for (int i = 0; i < items.size(); i++) {
        futures.add(null);
      }
      int submitted = 0;
      for (int i = 0; i < items.size(); i++) {
        while (submitted < items.size() && submitted < i + window) {
          T item = items.get(submitted);
          futures.set(submitted, pool.submit(() -> run(work, item)));
          submitted++;
        }
        Outcome<R> outcome = await(futures.get(i));
        futures.set(i, null);
        sink.accept(items.get(i), outcome);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The results of {@code work} over {@code items} in input order, computed on up to {@code
   * threads} threads; the first exception in input order is rethrown once every earlier item is
   * done.
   */
  public static <T, R> List<R> map(
      List<T> items, int threads, Function<? super T, ? extends R> work) {
    List<R> out = new ArrayList<>(items.size());
    forEachOrdered(items, threads, work, (item, outcome) -> out.add(outcome.get()));
    return out;
  }

  private static <T, R> Outcome<R> run(Function<? super T, ? extends R> work, T item) {
    try {
      return new Outcome<>(work.apply(item), null);
    } catch (RuntimeException e) {
      return new Outcome<>(null, e);
    }
  }

  private static <R> Outcome<R> await(Future<Outcome<R>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for parallel work", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static ThreadFactory daemonThreads() {
    String prefix = "swiftbolt-parallel-" + POOLS.incrementAndGet() + "-";
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
