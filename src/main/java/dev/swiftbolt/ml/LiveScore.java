package dev.swiftbolt.ml;

import dev.swiftbolt.validation.Direction;
import java.util.List;
import java.util.Objects;

/**
 * The live score: accuracy of the last {@value #WINDOW} resolved live forecasts. With fewer than
 * {@value #MIN_RESOLVED} resolved, the walk-forward score stands in and the source says so.
 */
public record LiveScore(Score score, String source) {
  public static final int WINDOW = 30;
  public static final int MIN_RESOLVED = 10;
  public static final String SOURCE_LIVE = "live";
  public static final String SOURCE_PROXY = "walkforward_proxy";

  /** The source when the resolved forecasts are a replay's (see {@code swiftbolt replay}). */
  public static final String SOURCE_REPLAY = "replay";

  public LiveScore {
    Objects.requireNonNull(score, "score");
    if (!SOURCE_LIVE.equals(source)
        && !SOURCE_PROXY.equals(source)
        && !SOURCE_REPLAY.equals(source)) {
      throw new IllegalArgumentException(
          "source must be %s, %s or %s, got %s"
              .formatted(SOURCE_LIVE, SOURCE_PROXY, SOURCE_REPLAY, source));
    }
  }

  /** One resolved live forecast. */
  public record Outcome(Direction realized, boolean correct) {}

  /**
   * @param newestFirst resolved live forecasts, most recently resolved first (only the first
   *     {@value #WINDOW} count)
   * @param baselineClass the majority class the baseline predicts (the model's training majority)
   * @param walkForward the stand-in when fewer than {@value #MIN_RESOLVED} are resolved
   */
  public static LiveScore of(
      List<Outcome> newestFirst, Direction baselineClass, Score walkForward) {
    return of(newestFirst, baselineClass, walkForward, SOURCE_LIVE);
  }

  /**
   * Like {@link #of(List, Direction, Score)}, naming the source of the resolved forecasts ({@link
   * #SOURCE_LIVE} or {@link #SOURCE_REPLAY}) for when there are enough of them.
   */
  public static LiveScore of(
      List<Outcome> newestFirst,
      Direction baselineClass,
      Score walkForward,
      String resolvedSource) {
    if (newestFirst.size() < MIN_RESOLVED) {
      return new LiveScore(walkForward, SOURCE_PROXY);
    }
    List<Outcome> window = newestFirst.subList(0, Math.min(WINDOW, newestFirst.size()));
    int correct = 0;
    int baseline = 0;
    for (Outcome o : window) {
      correct += o.correct() ? 1 : 0;
      baseline += o.realized() == baselineClass ? 1 : 0;
    }
    return new LiveScore(Score.of(correct, window.size(), baseline), resolvedSource);
  }
}
