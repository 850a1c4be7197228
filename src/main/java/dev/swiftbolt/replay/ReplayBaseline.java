package dev.swiftbolt.replay;

import java.util.List;

/**
 * The naive baseline a replay's live accuracy is compared with, over its resolved forecasts: how
 * often the class the primary model's training majority predicts was the realised direction (the
 * same baseline as {@link dev.swiftbolt.ml.LiveScore}). One function so that another baseline can
 * replace it in one place.
 */
public final class ReplayBaseline {

  private ReplayBaseline() {}

  /**
   * @param resolved resolved days only, in session order
   * @return the baseline's accuracy in [0, 1]; 0 when nothing is resolved
   * @throws IllegalArgumentException when a day is unresolved
   */
  public static double accuracy(List<ReplayDay> resolved) {
    if (resolved.isEmpty()) {
      return 0;
    }
    int hits = 0;
    for (ReplayDay day : resolved) {
      var realized =
          day.realized()
              .orElseThrow(
                  () -> new IllegalArgumentException("day " + day.session() + " is unresolved"));
      hits += realized == day.baselineDirection() ? 1 : 0;
    }
    return (double) hits / resolved.size();
  }
}
