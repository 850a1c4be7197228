package dev.swiftbolt.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Flags a backtest accuracy significantly above the walk-forward accuracy (one-sided pooled
 * two-proportion z-test at 5 %), the signature of look-ahead leakage or overfitting (the seed's
 * 98.8 % vs 78 %). Separate from drift, which compares live with backtest. Needs both sample sizes;
 * without them the check is reported as not run and never suspects anything.
 */
record OverfitCheck(Optional<ProportionTest> test, boolean suspected, String explanation) {

  static OverfitCheck check(ValidationScores scores) {
    OptionalInt backtestingN = scores.backtestingN();
    OptionalInt walkforwardN = scores.walkforwardN();
    if (backtestingN.isEmpty() || walkforwardN.isEmpty()) {
      return new OverfitCheck(
          Optional.empty(), false, "Not tested: needs backtesting_n and walkforward_n");
    }
    ProportionTest test =
        SampleStatistics.twoProportion(
            scores.backtestingScore(),
            backtestingN.getAsInt(),
            scores.walkforwardScore(),
            walkforwardN.getAsInt(),
            false);
    String comparison =
        "backtest %s (n=%s) vs walk-forward %s (n=%s), one-sided p%s"
            .formatted(
                percent(scores.backtestingScore()),
                backtestingN.getAsInt(),
                percent(scores.walkforwardScore()),
                walkforwardN.getAsInt(),
                pValue(test.pValue()));
    if (test.significant()) {
      return new OverfitCheck(
          Optional.of(test),
          true,
          "Backtest significantly above walk-forward, likely leakage or overfitting: "
              + comparison);
    }
    return new OverfitCheck(
        Optional.of(test), false, "Backtest not significantly above walk-forward: " + comparison);
  }

  private static String percent(double fraction) {
    return ConfidenceAdjustment.percentOneDecimal(fraction) + "%";
  }

  /** "&lt;0.0001" or "=0.0730": four decimals, half-even. */
  private static String pValue(double p) {
    if (p < 0.0001) {
      return "<0.0001";
    }
    return "=" + new BigDecimal(p).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
  }
}
