package dev.swiftbolt.marketdata;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a source has re-adjusted a series' history since it was stored: the incremental fetch
 * re-fetches the last {@link #OVERLAP_BARS} stored bars, and when any of them comes back with a
 * price that differs beyond {@link #TOLERANCE} (a split took effect; SwiftBolt asks for split
 * adjustment, so every older price changes by the split's ratio), the whole history must be
 * re-fetched and replaced. Smaller differences are ordinary corrections, which the load applies bar
 * by bar. Pure.
 */
public final class SeriesAdjustment {

  /** Stored bars re-fetched by every incremental fetch. */
  public static final int OVERLAP_BARS = 5;

  /**
   * Relative price difference beyond rounding and trade corrections; the mildest split (5:4) moves
   * prices by 20 %.
   */
  public static final double TOLERANCE = 0.005;

  private SeriesAdjustment() {}

  /**
   * The first re-fetched bar whose prices differ from the stored one beyond {@link #TOLERANCE},
   * described for the log and the retirement reason; empty when the overlap agrees (bars missing
   * from either side are not compared).
   */
  public static Optional<String> readjusted(List<StoredBar> storedTail, List<Bar> refetched) {
    Map<Instant, Bar> byTs = new HashMap<>();
    for (Bar b : refetched) {
      byTs.put(b.ts(), b);
    }
    for (StoredBar s : storedTail) {
      Bar again = byTs.get(s.bar().ts());
      if (again != null && !PriceAgreement.agree(s.bar(), again, TOLERANCE)) {
        return Optional.of(
            "the source re-adjusted the bar at %s (close %s stored, %s now, ratio %.4f)"
                .formatted(
                    s.bar().ts(), s.bar().close(), again.close(), s.bar().close() / again.close()));
      }
    }
    return Optional.empty();
  }
}
