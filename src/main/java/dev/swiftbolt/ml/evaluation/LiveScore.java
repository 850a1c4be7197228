package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.ml.features.LabelledMatrix;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The live score: accuracy of the last {@value #WINDOW} resolved live forecasts. With fewer than
 * {@value #MIN_RESOLVED} resolved, the walk-forward score stands in and the source says so.
 */
public record LiveScore(Score score, String source) {
  public static final int WINDOW = 30;
  public static final int MIN_RESOLVED = 10;
  public static final String SOURCE_LIVE = "live";
  public static final String SOURCE_PROXY = "walkforward_proxy";

  /**
   * A source's name: {@link #SOURCE_LIVE}, {@link #SOURCE_PROXY}, or the name a caller gives its
   * own resolved forecasts (forecasts kept outside the database, such as a simulation's).
   */
  private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  public LiveScore {
    Objects.requireNonNull(score, "score");
    if (source == null || !SOURCE.matcher(source).matches()) {
      throw new IllegalArgumentException(
          "source must be %s, %s or another lower-case name matching %s, got %s"
              .formatted(SOURCE_LIVE, SOURCE_PROXY, SOURCE.pattern(), source));
    }
  }

  /** One resolved live forecast: the open time of the bar it was made at and how it came out. */
  public record Outcome(Instant barTs, Direction realized, boolean correct) {
    public Outcome {
      Objects.requireNonNull(barTs, "barTs");
      Objects.requireNonNull(realized, "realized");
    }
  }

  /**
   * The live score with its naive baselines ({@link NaiveBaselines}) on the same forecasts, scored
   * against the directions they resolved to: the majority class of {@code trainingLabels}, and
   * persistence read from {@code series}' labels at each forecast's bar (the majority class when
   * the bar is no longer in the series).
   *
   * @param newestFirst resolved live forecasts, most recently resolved first (only the first
   *     {@value #WINDOW} count)
   * @param trainingLabels the labels (Direction ordinals) the majority predictor is fitted on
   * @param series the series' bars and labels, for the direction last realised before each forecast
   * @param walkForward the stand-in when fewer than {@value #MIN_RESOLVED} are resolved
   */
  public static LiveScore of(
      List<Outcome> newestFirst, int[] trainingLabels, LabelledMatrix series, Score walkForward) {
    return of(
        newestFirst, NaiveBaselines.majority(trainingLabels), series, walkForward, SOURCE_LIVE);
  }

  /**
   * Like {@link #of(List, int[], LabelledMatrix, Score)} with the training majority class already
   * known ({@code majorityClass}, a Direction ordinal), naming the source of the resolved forecasts
   * ({@link #SOURCE_LIVE}, or the caller's own name for forecasts it keeps) for when there are
   * enough of them.
   */
  public static LiveScore of(
      List<Outcome> newestFirst,
      int majorityClass,
      LabelledMatrix series,
      Score walkForward,
      String resolvedSource) {
    if (newestFirst.size() < MIN_RESOLVED) {
      return new LiveScore(walkForward, SOURCE_PROXY);
    }
    List<Outcome> window = newestFirst.subList(0, Math.min(WINDOW, newestFirst.size()));
    int[] labels = series.labels().codes();
    int correct = 0;
    int majority = 0;
    int persistence = 0;
    for (Outcome o : window) {
      int bar = series.barIndexOf(o.barTs());
      int lastRealised =
          bar < 0
              ? majorityClass
              : NaiveBaselines.persistence(bar, labels, series.horizon(), majorityClass);
      int realized = o.realized().ordinal();
      correct += o.correct() ? 1 : 0;
      majority += realized == majorityClass ? 1 : 0;
      persistence += realized == lastRealised ? 1 : 0;
    }
    NaiveBaselines.Hits baselines = new NaiveBaselines.Hits(window.size(), majority, persistence);
    return new LiveScore(Score.of(correct, window.size(), baselines), resolvedSource);
  }
}
