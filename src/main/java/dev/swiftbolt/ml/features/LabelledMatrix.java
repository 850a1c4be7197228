package dev.swiftbolt.ml.features;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The features and labels of one symbol × timeframe, aligned by bar index, with the bars' open
 * times. The input of training and evaluation.
 */
public final class LabelledMatrix {
  private final long[] barEpochSeconds;
  private final FeatureMatrix features;
  private final Labels labels;

  LabelledMatrix(long[] barEpochSeconds, FeatureMatrix features, Labels labels) {
    if (barEpochSeconds.length != labels.size()) {
      throw new IllegalArgumentException("bar times and labels must cover the same bars");
    }
    this.barEpochSeconds = barEpochSeconds;
    this.features = Objects.requireNonNull(features, "features");
    this.labels = Objects.requireNonNull(labels, "labels");
  }

  /** Builds features and labels for {@code bars} (oldest first). */
  public static LabelledMatrix of(
      List<Bar> bars,
      Timeframe timeframe,
      ContextSeries context,
      FeatureBuilder featureBuilder,
      Labeler labeler) {
    long[] times = new long[bars.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = bars.get(i).ts().getEpochSecond();
    }
    return new LabelledMatrix(
        times, featureBuilder.build(bars, timeframe, context), labeler.label(bars, timeframe));
  }

  /**
   * This matrix as it would have been built from its first {@code bars} bars alone: the rows of
   * those bars, and labels only where the forward window {@code t + h} also lies among them. Equal
   * to {@link #of} on the shorter list because a feature row uses only bars up to its own (see
   * {@link FeatureBuilder}) and a label only bars up to {@code t + h}; a caller stepping through
   * past sessions builds the features of a series once and takes a prefix per session instead of
   * rebuilding them.
   *
   * @throws IllegalArgumentException when {@code bars} is negative or above {@link #barCount()}
   */
  public LabelledMatrix prefix(int bars) {
    if (bars < 0 || bars > barCount()) {
      throw new IllegalArgumentException(
          "prefix must hold 0 to %d bars, got %d".formatted(barCount(), bars));
    }
    return new LabelledMatrix(
        Arrays.copyOf(barEpochSeconds, bars), features.prefix(bars), labels.prefix(bars));
  }

  public FeatureMatrix features() {
    return features;
  }

  public Labels labels() {
    return labels;
  }

  public int horizon() {
    return labels.horizon();
  }

  public int barCount() {
    return barEpochSeconds.length;
  }

  public Instant barTime(int bar) {
    return Instant.ofEpochSecond(barEpochSeconds[bar]);
  }

  public long barEpochSecond(int bar) {
    return barEpochSeconds[bar];
  }

  /** The index of the bar opening at {@code ts}, or −1 when the series has no such bar. */
  public int barIndexOf(Instant ts) {
    int found = Arrays.binarySearch(barEpochSeconds, ts.getEpochSecond());
    return found >= 0 && ts.getNano() == 0 ? found : -1;
  }

  /** The label of the row's bar as a Direction ordinal, or {@link Labels#NONE}. */
  public int labelOfRow(int row) {
    return labels.codes()[features.barIndex(row)];
  }

  /** The feature rows whose bar carries a label, in row order: every row a full fit trains on. */
  public int[] labelledRows() {
    return IntStream.range(0, features.rows()).filter(r -> labelOfRow(r) != Labels.NONE).toArray();
  }

  /** The labels (Direction ordinals) of {@code rows}, aligned with them. */
  public int[] labelsOf(int[] rows) {
    return Arrays.stream(rows).map(this::labelOfRow).toArray();
  }
}
