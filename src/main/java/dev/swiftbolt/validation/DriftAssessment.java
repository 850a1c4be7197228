package dev.swiftbolt.validation;

/**
 * How far live accuracy has moved from backtest accuracy (the seed's {@code _detect_drift}).
 *
 * @param detected magnitude &gt; {@link #DRIFT_THRESHOLD}
 * @param magnitude |backtest − live| / backtest, computed in double exactly as the seed does; 0
 *     when there is no backtest accuracy
 * @param explanation the band: &lt; 0.10 stable, &lt; 0.25 minor, &lt; 0.50 moderate, else severe
 */
record DriftAssessment(boolean detected, double magnitude, String explanation) {

  static final double DRIFT_THRESHOLD = 0.25;

  static DriftAssessment assess(double backtestingScore, double liveScore) {
    if (backtestingScore == 0.0) {
      return new DriftAssessment(false, 0.0, "No historical data");
    }
    double magnitude = Math.abs(backtestingScore - liveScore) / backtestingScore;
    return new DriftAssessment(magnitude > DRIFT_THRESHOLD, magnitude, band(magnitude));
  }

  private static String band(double magnitude) {
    if (magnitude < 0.10) {
      return "Model stable, no drift detected";
    } else if (magnitude < 0.25) {
      return "Minor drift, monitor closely";
    } else if (magnitude < 0.50) {
      return "Moderate drift, investigate cause";
    }
    return "Severe drift, model degraded significantly";
  }
}
