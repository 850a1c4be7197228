package dev.swiftbolt.ml.evaluation;

/**
 * An out-of-sample window of bar indices, {@code firstBar..lastBar} inclusive, with the rules that
 * keep training rows honest around it.
 *
 * <p>Purge: a training row at bar t carries a label computed from bars t+1..t+h, so it is usable
 * for a test window only if t + h &lt; firstBar. No embargo: training rows always precede the test
 * window (expanding walk-forward), so rows just after an earlier window leak nothing into a later
 * one (decision 0013).
 */
record TestWindow(int firstBar, int lastBar) {

  /**
   * @throws IllegalArgumentException when the window is empty or starts before bar 0
   */
  public TestWindow {
    if (firstBar < 0 || lastBar < firstBar) {
      throw new IllegalArgumentException(
          "test window must satisfy 0 ≤ firstBar ≤ lastBar, got " + firstBar + ".." + lastBar);
    }
  }

  public boolean contains(int bar) {
    return bar >= firstBar && bar <= lastBar;
  }

  /** True when a row at {@code bar} with horizon {@code h} ends its label before this window. */
  public boolean labelEndsBefore(int bar, int horizon) {
    return bar + horizon < firstBar;
  }
}
