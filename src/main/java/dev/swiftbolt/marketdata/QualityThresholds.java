package dev.swiftbolt.marketdata;

/**
 * The tunable limits of {@link DataQuality}.
 *
 * @param outlierSigmas a close-to-close log return beyond this many rolling standard deviations is
 *     an outlier (default 10)
 * @param outlierWindow the number of preceding returns in the rolling standard deviation (default
 *     20); no outlier is judged before that many returns exist
 * @param zeroVolumeRun this many or more consecutive zero-volume bars are reported (default 3)
 * @param staleAfterBars a series is stale when more than this many complete bars that the calendar
 *     expects have closed since its newest bar (default 1)
 */
record QualityThresholds(
    double outlierSigmas, int outlierWindow, int zeroVolumeRun, int staleAfterBars) {

  /** Outliers beyond 10σ over 20 returns, runs of 3 zero volumes, stale after 1 missed bar. */
  public static final QualityThresholds DEFAULT = new QualityThresholds(10, 20, 3, 1);

  public QualityThresholds {
    if (!(outlierSigmas > 0)) {
      throw new IllegalArgumentException("outlierSigmas must be positive, got " + outlierSigmas);
    }
    if (outlierWindow < 2) {
      throw new IllegalArgumentException("outlierWindow must be at least 2, got " + outlierWindow);
    }
    if (zeroVolumeRun < 1) {
      throw new IllegalArgumentException("zeroVolumeRun must be at least 1, got " + zeroVolumeRun);
    }
    if (staleAfterBars < 0) {
      throw new IllegalArgumentException(
          "staleAfterBars must not be negative, got " + staleAfterBars);
    }
  }
}
