package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PurgedSplitTest {
  private static final int H = 5;
  private final TestWindow earlier = new TestWindow(100, 160);
  private final TestWindow test = new TestWindow(200, 260);

  @Test
  void a_row_whose_label_ends_one_bar_before_the_test_window_trains() {
    // bar 194: label uses bars 195..199, the test window starts at 200
    assertThat(PurgedSplit.isTrainable(200 - H - 1, H, test, List.of())).isTrue();
  }

  @Test
  void a_row_whose_label_reaches_the_first_test_bar_is_purged() {
    // bar 195: label uses bars 196..200, bar 200 is in the test window
    assertThat(PurgedSplit.isTrainable(200 - H, H, test, List.of())).isFalse();
    assertThat(PurgedSplit.isTrainable(199, H, test, List.of())).isFalse();
    assertThat(PurgedSplit.isTrainable(230, H, test, List.of())).isFalse();
  }

  @Test
  void rows_within_one_horizon_after_an_earlier_test_window_are_embargoed() {
    assertThat(PurgedSplit.isTrainable(161, H, test, List.of(earlier))).isFalse();
    assertThat(PurgedSplit.isTrainable(160 + H, H, test, List.of(earlier))).isFalse();
  }

  @Test
  void the_row_one_bar_after_the_embargo_trains_again() {
    assertThat(PurgedSplit.isTrainable(160 + H + 1, H, test, List.of(earlier))).isTrue();
  }

  @Test
  void rows_of_an_earlier_test_window_train_later_folds() {
    assertThat(PurgedSplit.isTrainable(100, H, test, List.of(earlier))).isTrue();
    assertThat(PurgedSplit.isTrainable(160, H, test, List.of(earlier))).isTrue();
  }
}
