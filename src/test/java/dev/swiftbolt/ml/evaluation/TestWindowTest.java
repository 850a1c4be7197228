package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestWindowTest {
  private static final int H = 5;
  private final TestWindow test = new TestWindow(200, 260);

  @Test
  void a_row_whose_label_ends_one_bar_before_the_test_window_trains() {
    // bar 194: label uses bars 195..199, the test window starts at 200
    assertThat(test.labelEndsBefore(200 - H - 1, H)).isTrue();
  }

  @Test
  void a_row_whose_label_reaches_the_first_test_bar_is_purged() {
    // bar 195: label uses bars 196..200, bar 200 is in the test window
    assertThat(test.labelEndsBefore(200 - H, H)).isFalse();
    assertThat(test.labelEndsBefore(199, H)).isFalse();
    assertThat(test.labelEndsBefore(230, H)).isFalse();
  }

  @Test
  void contains_its_first_and_last_bar_only() {
    assertThat(test.contains(199)).isFalse();
    assertThat(test.contains(200)).isTrue();
    assertThat(test.contains(260)).isTrue();
    assertThat(test.contains(261)).isFalse();
  }
}
