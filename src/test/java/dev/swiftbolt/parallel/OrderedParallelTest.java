package dev.swiftbolt.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedParallelTest {

  @Test
  void results_come_in_input_order_even_when_a_later_item_finishes_first() {
    CountDownLatch secondDone = new CountDownLatch(1);
    List<Integer> order = new ArrayList<>();
    OrderedParallel.forEachOrdered(
        List.of(0, 1, 2),
        2,
        i -> {
          if (i == 0) {
            // item 0 can only finish after item 1 did: the two really ran at the same time
            await(secondDone);
          }
          if (i == 1) {
            secondDone.countDown();
          }
          return i * 10;
        },
        (item, outcome) -> order.add(outcome.get()));
    assertThat(order).containsExactly(0, 10, 20);
  }

  @Test
  void no_more_than_twice_the_threads_are_started_and_not_yet_handed_over() {
    AtomicInteger pending = new AtomicInteger();
    AtomicInteger maxPending = new AtomicInteger();
    List<Integer> seen = new ArrayList<>();
    OrderedParallel.forEachOrdered(
        IntStream.range(0, 200).boxed().toList(),
        3,
        i -> {
          maxPending.accumulateAndGet(pending.incrementAndGet(), Math::max);
          return i;
        },
        (item, outcome) -> {
          pending.decrementAndGet();
          seen.add(outcome.get());
        });
    assertThat(seen).isEqualTo(IntStream.range(0, 200).boxed().toList());
    assertThat(maxPending.get()).isBetween(1, 6);
  }

  @Test
  void a_failing_item_is_an_outcome_and_the_others_still_run() {
    List<String> lines = new ArrayList<>();
    OrderedParallel.forEachOrdered(
        List.of("a", "bad", "c"),
        2,
        s -> {
          if (s.equals("bad")) {
            throw new IllegalStateException("no history for " + s);
          }
          return s.toUpperCase();
        },
        (item, outcome) ->
            lines.add(
                outcome.succeeded() ? outcome.value() : "error " + outcome.error().getMessage()));
    assertThat(lines).containsExactly("A", "error no history for bad", "C");
  }

  @Test
  void map_rethrows_the_first_failure_in_input_order() {
    assertThatThrownBy(
            () ->
                OrderedParallel.map(
                    List.of(1, 2, 3, 4),
                    2,
                    i -> {
                      if (i >= 2) {
                        throw new IllegalArgumentException("item " + i);
                      }
                      return i;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item 2");
  }

  @Test
  void one_thread_runs_inline_on_the_calling_thread() {
    Thread caller = Thread.currentThread();
    assertThat(OrderedParallel.map(List.of(1, 2), 1, i -> Thread.currentThread() == caller))
        .containsExactly(true, true);
  }

  @Test
  void fewer_than_one_thread_is_refused() {
    assertThatThrownBy(() -> OrderedParallel.map(List.of(1), 0, i -> i))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads must be at least 1");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other item ran").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
