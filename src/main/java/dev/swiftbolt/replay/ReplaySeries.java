package dev.swiftbolt.replay;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.ml.DailyStep;
import dev.swiftbolt.ml.SeriesFit;
import dev.swiftbolt.ml.evaluation.FeatureDrift;
import dev.swiftbolt.ml.features.ContextSeries;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.ml.features.LabelledMatrix;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One symbol × timeframe during a replay: all its bars with the instant each one closed, its
 * features and labels built once over all of them, and the model currently in use. What a session
 * may see is a prefix: {@link #visibleBars} counts the bars closed by then, and {@link
 * LabelledMatrix#prefix} cuts the features and labels to exactly what those bars alone would give.
 * Not thread-safe: one instance per replaying thread.
 */
final class ReplaySeries implements DailyStep.Series {
  private final Timeframe timeframe;
  private final List<Bar> bars;
  private final long[] closeEpochSecond;
  private final LabelledMatrix all;
  private Optional<SeriesFit> fit = Optional.empty();
  private Instant trainedAt;
  private Optional<Instant> lastRetrainedAt = Optional.empty();
  private Optional<FeatureDrift.Reference> driftReference = Optional.empty();
  private Optional<LabelledMatrix> lastVisible = Optional.empty();

  private ReplaySeries(
      Timeframe timeframe, List<Bar> bars, long[] closeEpochSecond, LabelledMatrix all) {
    this.timeframe = timeframe;
    this.bars = bars;
    this.closeEpochSecond = closeEpochSecond;
    this.all = all;
  }

  /**
   * @param bars the series, oldest first
   * @param contextBars the bars of its context timeframe ({@link ContextSeries#contextTimeframe}),
   *     oldest first; only those final at a row's close are ever used by that row
   */
  static ReplaySeries of(
      Timeframe timeframe,
      List<Bar> bars,
      List<Bar> contextBars,
      BarSchedule schedule,
      FeatureBuilder features,
      Labeler labeler) {
    long[] close = new long[bars.size()];
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < close.length; i++) {
      close[i] = Math.max(previous, closeOf(schedule, timeframe, bars.get(i)));
      previous = close[i];
    }
    LabelledMatrix all =
        LabelledMatrix.of(
            bars,
            timeframe,
            ContextSeries.forTimeframe(bars, timeframe, contextBars),
            features,
            labeler);
    return new ReplaySeries(timeframe, List.copyOf(bars), close, all);
  }

  /** A bar's real close (a W1 bar: its week's last session); nominal end for off-calendar bars. */
  private static long closeOf(BarSchedule schedule, Timeframe timeframe, Bar bar) {
    try {
      return schedule.closeOf(timeframe, bar.ts()).getEpochSecond();
    } catch (IllegalArgumentException offCalendar) {
      return bar.ts().plus(timeframe.nominalLength()).getEpochSecond();
    }
  }

  @Override
  public Timeframe timeframe() {
    return timeframe;
  }

  @Override
  public List<Bar> barsClosedBy(Instant now) {
    return bars(visibleBars(now));
  }

  @Override
  public LabelledMatrix closedBy(Instant now) {
    return visible(visibleBars(now));
  }

  /**
   * The row of the latest visible bar in the features of all bars: features look back only, so the
   * row is the one the visible bars alone would give.
   */
  @Override
  public Optional<DailyStep.LatestRow> latestRow(Instant now) {
    int visible = visibleBars(now);
    if (visible == 0) {
      return Optional.empty();
    }
    int row = all.features().rowOfBar(visible - 1);
    if (row < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new DailyStep.LatestRow(all.features(), row, all.barTime(visible - 1), all.horizon()));
  }

  /** How many bars (a prefix) had closed at or before {@code instant}. */
  private int visibleBars(Instant instant) {
    long t = instant.getEpochSecond();
    int lo = 0;
    int hi = closeEpochSecond.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (closeEpochSecond[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first {@code n} bars. */
  private List<Bar> bars(int n) {
    return bars.subList(0, n);
  }

  /**
   * Features and labels as the first {@code n} bars alone give them; the last prefix is kept, since
   * a session asks for the same one several times.
   */
  private LabelledMatrix visible(int n) {
    if (lastVisible.isEmpty() || lastVisible.get().barCount() != n) {
      lastVisible = Optional.of(all.prefix(n));
    }
    return lastVisible.get();
  }

  @Override
  public Optional<SeriesFit> fit() {
    return fit;
  }

  @Override
  public Instant trainedAt() {
    return trainedAt;
  }

  @Override
  public Optional<Instant> lastRetrainedAt() {
    return lastRetrainedAt;
  }

  @Override
  public void retrained(SeriesFit fit, Instant at) {
    this.driftReference = Optional.empty();
    this.fit = Optional.of(fit);
    this.trainedAt = at;
    this.lastRetrainedAt = Optional.of(at);
  }

  @Override
  public void rejected(SeriesFit challenger, Instant at) {
    this.lastRetrainedAt = Optional.of(at);
  }

  /**
   * The reference of the model in use, computed at its first drift check and kept until it is
   * replaced.
   */
  @Override
  public FeatureDrift.Reference driftReference(
      SeriesFit fit, Supplier<FeatureDrift.Reference> compute) {
    if (this.fit.orElse(null) != fit) {
      return compute.get();
    }
    if (driftReference.isEmpty()) {
      driftReference = Optional.of(compute.get());
    }
    return driftReference.get();
  }
}
