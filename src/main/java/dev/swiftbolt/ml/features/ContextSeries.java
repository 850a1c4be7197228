package dev.swiftbolt.ml.features;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import java.util.List;
import java.util.Optional;

/**
 * Higher-timeframe closes with the instant each one became final, the input for the
 * higher-timeframe context features. A context bar is final at its open time plus its timeframe's
 * nominal length (for a W1 bar: seven days after its open), which is never earlier than its real
 * close: a row only ever sees context bars that had truly closed.
 */
public final class ContextSeries {
  private final double[] close;
  private final long[] finalAtEpochSecond;

  private ContextSeries(double[] close, long[] finalAtEpochSecond) {
    this.close = close;
    this.finalAtEpochSecond = finalAtEpochSecond;
  }

  /**
   * The higher timeframe whose bars give the context of {@code timeframe}: M15→H1, H1→H4, H4→D1,
   * D1→W1; W1 has none stored, so its context is built with {@link #blocksOf} from blocks of {@link
   * #W1_BLOCK} weekly bars.
   */
  public static Optional<Timeframe> contextTimeframe(Timeframe timeframe) {
    return switch (timeframe) {
      case M15 -> Optional.of(Timeframe.H1);
      case H1 -> Optional.of(Timeframe.H4);
      case H4 -> Optional.of(Timeframe.D1);
      case D1 -> Optional.of(Timeframe.W1);
      case W1 -> Optional.empty();
    };
  }

  /** Number of W1 bars per context block for the W1 timeframe (about a month). */
  public static final int W1_BLOCK = 4;

  /** Context from stored higher-timeframe bars, ordered by time. */
  public static ContextSeries of(List<Bar> higherBars, Timeframe higherTimeframe) {
    long length = higherTimeframe.nominalLength().getSeconds();
    double[] close = new double[higherBars.size()];
    long[] finalAt = new long[higherBars.size()];
    for (int i = 0; i < close.length; i++) {
      Bar bar = higherBars.get(i);
      close[i] = bar.close();
      finalAt[i] = bar.ts().getEpochSecond() + length;
    }
    return new ContextSeries(close, finalAt);
  }

  /** Context from stored higher-timeframe bars given as columns, ordered by time. */
  public static ContextSeries of(BarColumns higherBars, Timeframe higherTimeframe) {
    long length = higherTimeframe.nominalLength().getSeconds();
    long[] finalAt = new long[higherBars.size()];
    for (int i = 0; i < finalAt.length; i++) {
      finalAt[i] = higherBars.ts()[i] + length;
    }
    return new ContextSeries(higherBars.close(), finalAt);
  }

  /**
   * Context from consecutive blocks of {@code size} bars of the series itself, aligned to its first
   * bar; a block is final when its last bar is. An incomplete trailing block is left out.
   *
   * @throws IllegalArgumentException when {@code size < 1}
   */
  public static ContextSeries blocksOf(List<Bar> bars, Timeframe timeframe, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, got " + size);
    }
    long length = timeframe.nominalLength().getSeconds();
    int blocks = bars.size() / size;
    double[] close = new double[blocks];
    long[] finalAt = new long[blocks];
    for (int b = 0; b < blocks; b++) {
      Bar last = bars.get((b + 1) * size - 1);
      close[b] = last.close();
      finalAt[b] = last.ts().getEpochSecond() + length;
    }
    return new ContextSeries(close, finalAt);
  }

  /** The context for {@code bars} of {@code timeframe} given the bars of its context timeframe. */
  public static ContextSeries forTimeframe(
      List<Bar> bars, Timeframe timeframe, List<Bar> contextBars) {
    return contextTimeframe(timeframe)
        .map(higher -> of(contextBars, higher))
        .orElseGet(() -> blocksOf(bars, timeframe, W1_BLOCK));
  }

  int size() {
    return close.length;
  }

  double[] closes() {
    return close;
  }

  long finalAt(int index) {
    return finalAtEpochSecond[index];
  }
}
