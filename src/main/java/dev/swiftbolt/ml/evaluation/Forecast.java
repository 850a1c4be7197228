package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.market.Direction;
import java.time.Instant;
import java.util.Objects;

/**
 * A forecast made at a bar: the most probable direction (ties go to NEUTRAL), the three class
 * probabilities and score = p_bull − p_bear in [−1, 1], for the next {@code horizonBars} bars.
 */
public record Forecast(
    Instant barTs,
    int horizonBars,
    Direction direction,
    double pBull,
    double pNeutral,
    double pBear,
    double score) {

  public Forecast {
    Objects.requireNonNull(barTs, "barTs");
    Objects.requireNonNull(direction, "direction");
    if (horizonBars < 1) {
      throw new IllegalArgumentException("horizonBars must be at least 1");
    }
    for (double p : new double[] {pBull, pNeutral, pBear}) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probabilities must be in [0, 1], got " + p);
      }
    }
    if (!(score >= -1 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [-1, 1], got " + score);
    }
  }

  /** The forecast of probabilities {@code p} (p_bull, p_neutral, p_bear). */
  public static Forecast of(Instant barTs, int horizonBars, double[] p) {
    Direction direction = Direction.values()[CalibrationMetrics.argmax(p)];
    double score = Math.max(-1, Math.min(1, p[0] - p[2]));
    return new Forecast(barTs, horizonBars, direction, p[0], p[1], p[2], score);
  }
}
