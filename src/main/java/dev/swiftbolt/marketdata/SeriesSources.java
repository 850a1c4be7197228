package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule that a series (symbol × timeframe) never mixes sources, as a function of values.
 *
 * <ul>
 *   <li>Simulated bars never go into a series that holds real ones ({@code alpaca}, {@code csv}).
 *   <li>Real bars go into a series holding simulated ones only with {@code --replace-simulated},
 *       which first deletes the simulated bars and retires what was built on them.
 *   <li>Two real sources share a series only where their bars agree: the incoming bars must overlap
 *       the stored ones by at least one bar, and every overlapping bar's open, high, low and close
 *       must agree within {@link #CROSS_SOURCE_TOLERANCE} (volume is not compared: one vendor's
 *       consolidated volume and another's single-exchange volume legitimately differ). Without an
 *       overlap nothing shows that the two agree (e.g. one adjusted for splits and the other not),
 *       so the load is refused.
 * </ul>
 */
public final class SeriesSources {

  /** What to do before loading. */
  public enum Plan {
    /** Load as is. */
    LOAD,
    /** Delete the series' simulated bars and retire what was built on them, then load. */
    REPLACE_SIMULATED
  }

  /** The flag that lets real bars replace a simulated series. */
  public static final String REPLACE_FLAG = "--replace-simulated";

  /**
   * Relative difference under which two real sources' prices count as the same (rounding, and the
   * official close against the last consolidated trade).
   */
  public static final double CROSS_SOURCE_TOLERANCE = 0.005;

  private SeriesSources() {}

  /** Whether {@code source} is real market data (not {@link BarRepository#SIMULATED}). */
  public static boolean isReal(String source) {
    return !source.equals(BarRepository.SIMULATED);
  }

  /**
   * The plan for loading bars of {@code incoming} into the series of {@code symbol} × {@code
   * timeframe} that holds bars of {@code stored} sources.
   *
   * @throws SeriesSourceException when the load would mix simulated and real bars
   */
  public static Plan plan(
      String symbol,
      Timeframe timeframe,
      Set<String> stored,
      String incoming,
      boolean replaceSimulated) {
    boolean storedSimulated = stored.contains(BarRepository.SIMULATED);
    boolean storedReal = stored.stream().anyMatch(SeriesSources::isReal);
    if (!isReal(incoming)) {
      if (storedReal) {
        throw new SeriesSourceException(
            "%s %s holds real bars (%s); simulated bars are never loaded into a real series: use another home for simulations (`swiftbolt demo` keeps its own in <home>/demo)"
                .formatted(symbol, timeframe, String.join(", ", stored)));
      }
      return Plan.LOAD;
    }
    if (storedSimulated) {
      if (!replaceSimulated) {
        throw new SeriesSourceException(
            "%s %s holds SIMULATED bars; loading %s bars would mix them: rerun with %s to delete this series' simulated bars (and retire the models, forecasts and evaluations built on them) before loading"
                .formatted(symbol, timeframe, incoming, REPLACE_FLAG));
      }
      return Plan.REPLACE_SIMULATED;
    }
    return Plan.LOAD;
  }

  /**
   * Why {@code incoming} bars of a real source may not join a series holding {@code stored} bars of
   * another real source, or empty when they may (see the class comment). {@code stored} holds the
   * stored bars from the first incoming bar's open time on (at least the overlap).
   */
  public static Optional<String> crossSourceDisagreement(
      String symbol,
      Timeframe timeframe,
      String storedSource,
      List<StoredBar> stored,
      String incomingSource,
      List<Bar> incoming) {
    Map<Instant, Bar> byTs = new HashMap<>();
    for (StoredBar s : stored) {
      byTs.put(s.bar().ts(), s.bar());
    }
    int overlap = 0;
    for (Bar b : incoming) {
      Bar old = byTs.get(b.ts());
      if (old == null) {
        continue;
      }
      overlap++;
      if (!PriceAgreement.agree(old, b, CROSS_SOURCE_TOLERANCE)) {
        return Optional.of(
            "%s %s: the %s bar at %s (close %s) disagrees with the stored %s bar (close %s) by more than %.1f%%; two real sources share a series only where they agree (one may be split-adjusted and the other not)"
                .formatted(
                    symbol,
                    timeframe,
                    incomingSource,
                    b.ts(),
                    b.close(),
                    storedSource,
                    old.close(),
                    CROSS_SOURCE_TOLERANCE * 100));
      }
    }
    if (overlap == 0 && !incoming.isEmpty()) {
      return Optional.of(
          "%s %s holds %s bars and no %s bar overlaps them, so nothing shows the two sources agree; load bars that overlap the stored ones by at least one bar"
              .formatted(symbol, timeframe, storedSource, incomingSource));
    }
    return Optional.empty();
  }
}
