package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress to a file or a pipe: plain lines, one per tenth, never a carriage return. */
class PlainProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private List<String> lines() {
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\r");
    return text.lines().toList();
  }

  @Test
  void a_hundred_steps_print_ten_lines_one_per_tenth() {
    try (Progress progress = Progress.open("      jobs", 100, out, false)) {
      for (int i = 0; i < 100; i++) {
        progress.step();
      }
    }
    List<String> lines = lines();
    assertThat(lines).hasSize(10);
    assertThat(lines.get(0)).isEqualTo("jobs: 10% (10 of 100)");
    assertThat(lines.get(9)).isEqualTo("jobs: 100% (100 of 100)");
  }

  @Test
  void a_task_that_never_expected_anything_prints_nothing() {
    Progress.open("jobs", 0, out, false).close();
    assertThat(lines()).isEmpty();
  }

  @Test
  void just_below_a_tenth_prints_nothing_and_reaching_it_prints_once() {
    Progress progress = Progress.open("bars", 1000, out, false);
    progress.stepTo(99);
    assertThat(lines()).isEmpty();
    progress.stepTo(100);
    progress.stepTo(101);
    assertThat(lines()).containsExactly("bars: 10% (100 of 1000)");
  }

  @Test
  void a_growing_total_does_not_repeat_a_tenth_and_an_early_end_still_says_where_it_stopped() {
    try (Progress progress = Progress.open("jobs", 10, out, false)) {
      progress.stepTo(5);
      progress.maxHint(20); // 25 %: the 50 % line is not taken back, nothing new is printed
      progress.stepTo(8);
    }
    assertThat(lines()).containsExactly("jobs: 50% (5 of 10)", "jobs: 40% (8 of 20)");
  }

  @Test
  void tenths_are_whole_tenths_of_the_total() {
    assertThat(PlainProgress.tenths(0, 0)).isZero();
    assertThat(PlainProgress.tenths(9, 100)).isZero();
    assertThat(PlainProgress.tenths(10, 100)).isEqualTo(1);
    assertThat(PlainProgress.tenths(99, 100)).isEqualTo(9);
    assertThat(PlainProgress.tenths(100, 100)).isEqualTo(10);
    assertThat(PlainProgress.tenths(150, 100)).isEqualTo(10);
  }
}
