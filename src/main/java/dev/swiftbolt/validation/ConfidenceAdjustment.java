package dev.swiftbolt.validation;

import dev.swiftbolt.market.Direction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's {@code _adjust_confidence}: drift penalty, conflict penalty, alignment bonus, clamp,
 * then the recommendation band with the applied adjustments in brackets.
 *
 * @param confidence the adjusted confidence in [0, 1]
 * @param recommendation the band in words, e.g. "Low confidence - use wider stops or skip (Drift
 *     penalty: -29.8%, Multi-TF conflict: -20%)"
 */
record ConfidenceAdjustment(double confidence, String recommendation) {

  static final double MAX_DRIFT_PENALTY = 0.30;
  static final double CONFLICT_FACTOR = 0.80;
  static final double ALIGNMENT_FACTOR = 1.10;

  static ConfidenceAdjustment adjust(
      double base, DriftAssessment drift, TimeframeReconciliation timeframes, Direction direction) {
    double adjusted = base;
    List<String> notes = new ArrayList<>(3);
    if (drift.detected()) {
      double penalty = Math.min(MAX_DRIFT_PENALTY, drift.magnitude() * 0.5);
      adjusted *= 1 - penalty;
      notes.add("Drift penalty: -" + percentOneDecimal(penalty) + "%");
    }
    if (timeframes.conflict()) {
      adjusted *= CONFLICT_FACTOR;
      notes.add("Multi-TF conflict: -20%");
    }
    if (timeframes.consensus().matches(direction) && !timeframes.conflict()) {
      adjusted *= ALIGNMENT_FACTOR;
      notes.add("Consensus alignment: +10%");
    }
    adjusted = UnifiedValidator.clamp01(adjusted);
    String recommendation = band(adjusted);
    if (!notes.isEmpty()) {
      recommendation += " (" + String.join(", ", notes) + ")";
    }
    return new ConfidenceAdjustment(adjusted, recommendation);
  }

  /**
   * {@code fraction × 100} to one decimal as Python's {@code f"{x:.1f}"} does: from the double's
   * exact binary value, ties to even.
   */
  static String percentOneDecimal(double fraction) {
    return new BigDecimal(fraction * 100).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String band(double confidence) {
    if (confidence > 0.75) {
      return "High confidence - strong signal";
    } else if (confidence > 0.60) {
      return "Moderate confidence - trade with normal risk";
    } else if (confidence > 0.40) {
      return "Low confidence - use wider stops or skip";
    }
    return "Very low confidence - avoid trading";
  }
}
