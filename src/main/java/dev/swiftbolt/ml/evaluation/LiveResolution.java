package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.ml.features.Labels;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves live forecasts against the bars that followed them. A forecast made at bar t with
 * horizon h resolves once bar t + h exists: its realised direction is the label of bar t under the
 * same rule as training ({@link Labeler}, with the forecast's own horizon), and it is correct when
 * that equals the forecast direction. Pure: the resolution time is passed in.
 */
public final class LiveResolution {
  private final List<Bar> bars;
  private final Labeler labeler;
  private final double[] close;
  private final Map<Integer, Labels> labelsByHorizon = new HashMap<>();

  /** {@code bars} ordered by time, oldest first, of the forecasts' symbol and timeframe. */
  public LiveResolution(List<Bar> bars, Labeler labeler) {
    this.bars = List.copyOf(bars);
    this.labeler = Objects.requireNonNull(labeler, "labeler");
    this.close = new double[this.bars.size()];
    for (int i = 0; i < close.length; i++) {
      close[i] = this.bars.get(i).close();
    }
  }

  /** An unresolved forecast: the open time of the bar it was made at, horizon and direction. */
  public record Pending(Instant barTs, int horizonBars, Direction direction) {
    public Pending {
      Objects.requireNonNull(barTs, "barTs");
      Objects.requireNonNull(direction, "direction");
      if (horizonBars < 1) {
        throw new IllegalArgumentException("horizonBars must be at least 1, got " + horizonBars);
      }
    }
  }

  /** The outcome of a resolved forecast. */
  public record Resolved(Instant resolvedAt, Direction realized, boolean correct) {}

  /**
   * The resolution of {@code forecast}, or empty while bar t + h does not exist yet (or bar t is
   * unknown or too early in the series to have a volatility band).
   */
  public Optional<Resolved> resolve(Pending forecast, Instant now) {
    int t = indexOf(forecast.barTs());
    if (t < 0) {
      return Optional.empty();
    }
    Labels labels =
        labelsByHorizon.computeIfAbsent(forecast.horizonBars(), h -> labeler.label(close, h));
    return labels
        .direction(t)
        .map(realized -> new Resolved(now, realized, realized == forecast.direction()));
  }

  private int indexOf(Instant ts) {
    int lo = 0;
    int hi = bars.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = bars.get(mid).ts().compareTo(ts);
      if (cmp == 0) {
        return mid;
      } else if (cmp < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }
}
