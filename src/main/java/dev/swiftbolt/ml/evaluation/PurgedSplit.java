package dev.swiftbolt.ml.evaluation;

import java.util.List;

/**
 * Which labelled rows may train a model that is scored on a test window (expanding window). Pure;
 * see {@link TestWindow} for the purge and embargo rules.
 */
final class PurgedSplit {
  private PurgedSplit() {}

  /**
   * True when the row at {@code bar} may be used to train for {@code test}: its label window ends
   * before the test window starts and it is not embargoed by any of {@code earlierTests}.
   */
  public static boolean isTrainable(
      int bar, int horizon, TestWindow test, List<TestWindow> earlierTests) {
    if (!test.labelEndsBefore(bar, horizon)) {
      return false;
    }
    for (TestWindow earlier : earlierTests) {
      if (earlier.embargoes(bar, horizon)) {
        return false;
      }
    }
    return true;
  }
}
