package dev.swiftbolt.validation;

import dev.swiftbolt.market.Timeframe;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The weighted vote of the timeframes (the seed's {@code _reconcile_timeframes}), computed in exact
 * integer hundredths so that a relative margin of exactly 0.20 is always a conflict.
 *
 * @param conflict whether |bull − bear| / (bull + bear) ≤ 0.20
 * @param explanation the outcome in words
 * @param consensus the heavier side, NEUTRAL on conflict or when all are neutral, UNKNOWN without
 *     scores
 * @param weights all five hierarchy weights, or empty without scores
 */
record TimeframeReconciliation(
    boolean conflict,
    String explanation,
    ConsensusDirection consensus,
    Map<Timeframe, Double> weights) {

  /** A score above this is a bullish vote, below its negative a bearish one. */
  static final double DIRECTIONAL_THRESHOLD = 0.30;

  static final Map<Timeframe, Double> HIERARCHY_WEIGHTS = hierarchyWeights();

  static TimeframeReconciliation reconcile(Map<Timeframe, Double> scores) {
    if (scores.isEmpty()) {
      return new TimeframeReconciliation(
          false, "No multi-TF data", ConsensusDirection.UNKNOWN, Map.of());
    }
    int bullish = 0;
    int bearish = 0;
    for (Map.Entry<Timeframe, Double> entry : scores.entrySet()) {
      double score = entry.getValue();
      int weight = entry.getKey().hierarchyWeightHundredths();
      if (score > DIRECTIONAL_THRESHOLD) {
        bullish += weight;
      } else if (score < -DIRECTIONAL_THRESHOLD) {
        bearish += weight;
      }
    }
    int total = bullish + bearish;
    if (total == 0) {
      return new TimeframeReconciliation(
          false, "All neutral predictions", ConsensusDirection.NEUTRAL, HIERARCHY_WEIGHTS);
    }
    // |bull - bear| / total <= 0.20  <=>  5 * |bull - bear| <= total, exactly in integers.
    if (5 * Math.abs(bullish - bearish) <= total) {
      return new TimeframeReconciliation(
          true,
          "Weak consensus - timeframes conflict",
          ConsensusDirection.NEUTRAL,
          HIERARCHY_WEIGHTS);
    }
    return new TimeframeReconciliation(
        false,
        "Strong consensus across timeframes",
        bullish > bearish ? ConsensusDirection.BULLISH : ConsensusDirection.BEARISH,
        HIERARCHY_WEIGHTS);
  }

  private static Map<Timeframe, Double> hierarchyWeights() {
    EnumMap<Timeframe, Double> weights = new EnumMap<>(Timeframe.class);
    for (Timeframe timeframe : Timeframe.values()) {
      weights.put(timeframe, timeframe.hierarchyWeight());
    }
    return Collections.unmodifiableMap(weights);
  }
}
