package dev.swiftbolt.validation;

import static dev.swiftbolt.validation.Fixtures.scores;
import static dev.swiftbolt.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.swiftbolt.market.Direction;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statistics beyond the seed, against independent oracles: commons-math's own Wilson interval
 * (integer successes) and its chi-square test of the 2×2 table, which for a 2×2 table without
 * continuity correction equals the pooled two-sided two-proportion z-test (χ² = z²).
 */
class SampleStatisticsTest {

  @ParameterizedTest(name = "{1} of {0}")
  @CsvSource({"10, 5", "30, 12", "3000, 1200", "20, 0", "20, 20", "1, 1", "1000, 988"})
  void wilson_interval_matches_commons_math(int n, int successes) {
    ConfidenceInterval ours = SampleStatistics.wilson95((double) successes / n, n);
    org.apache.commons.math3.stat.interval.ConfidenceInterval oracle =
        new WilsonScoreInterval().createInterval(n, successes, 0.95);

    assertThat(ours.low()).isCloseTo(Math.max(0.0, oracle.getLowerBound()), within(1e-12));
    assertThat(ours.high()).isCloseTo(Math.min(1.0, oracle.getUpperBound()), within(1e-12));
  }

  @Test
  void wilson_interval_for_half_of_ten_is_the_textbook_value() {
    // 5/10: centre 0.5, half-width 1.96/(1 + 1.96²/10) * sqrt(0.025 + 1.96²/400) = 0.2634
    ConfidenceInterval interval = SampleStatistics.wilson95(0.5, 10);

    assertThat(interval.low()).isCloseTo(0.2366, within(0.0001));
    assertThat(interval.high()).isCloseTo(0.7634, within(0.0001));
  }

  @ParameterizedTest(name = "{1}/{0} vs {3}/{2}")
  @CsvSource({"30, 12, 1000, 550", "3000, 1200, 1000, 550", "50, 25, 50, 25", "200, 20, 10, 9"})
  void two_sided_test_matches_the_chi_square_test_of_the_table(int n1, int k1, int n2, int k2) {
    ProportionTest ours =
        SampleStatistics.twoProportion((double) k1 / n1, n1, (double) k2 / n2, n2, true);
    double oracle = new ChiSquareTest().chiSquareTest(new long[][] {{k1, n1 - k1}, {k2, n2 - k2}});

    assertThat(ours.pValue()).isCloseTo(oracle, within(1e-9));
  }

  @Test
  void one_sided_test_is_half_the_two_sided_p_in_the_tested_direction() {
    double twoSided = new ChiSquareTest().chiSquareTest(new long[][] {{988, 12}, {780, 220}});
    ProportionTest above = SampleStatistics.twoProportion(0.988, 1000, 0.78, 1000, false);
    ProportionTest below = SampleStatistics.twoProportion(0.78, 1000, 0.988, 1000, false);

    assertThat(above.pValue()).isCloseTo(twoSided / 2, within(1e-12));
    assertThat(below.pValue()).isCloseTo(1 - twoSided / 2, within(1e-12));
  }

  @Test
  void all_correct_in_both_samples_is_no_evidence_of_a_difference() {
    ProportionTest test = SampleStatistics.twoProportion(1.0, 10, 1.0, 500, true);

    assertThat(test.pValue()).isEqualTo(1.0);
    assertThat(test.significant()).isFalse();
  }

  @Test
  void forty_percent_over_30_live_predictions_is_not_significant_drift_but_over_3000_it_is() {
    // Backtest 55 % over 1000 predictions; live 40 %: m = 0.15 / 0.55 = 0.27 > 0.25 either way.
    UnifiedPrediction few =
        validate(Direction.BULLISH, scores(0.55, 0.55, 0.40).withSampleSizes(1000, 1000, 30));
    UnifiedPrediction many =
        validate(Direction.BULLISH, scores(0.55, 0.55, 0.40).withSampleSizes(1000, 1000, 3000));

    assertThat(few.driftDetected()).isTrue();
    assertThat(many.driftDetected()).isTrue();
    // pooled 562/1030; z = -0.15 / sqrt(p(1-p)(1/30 + 1/1000)) = -1.626, p = 0.104
    assertThat(few.driftSignificant()).contains(false);
    assertThat(few.driftTest().orElseThrow().pValue()).isCloseTo(0.104, within(0.001));
    // pooled 1750/4000; z = -0.15 / sqrt(0.4375 * 0.5625 * (1/3000 + 1/1000)) = -8.28
    assertThat(many.driftSignificant()).contains(true);
    assertThat(many.driftTest().orElseThrow().z()).isCloseTo(-8.28, within(0.01));
    assertThat(many.liveCi().orElseThrow().low()).isCloseTo(0.3826, within(0.0001));
  }

  @Test
  void seed_pattern_of_98_8_percent_backtest_vs_78_percent_walk_forward_is_suspected_overfitting() {
    UnifiedPrediction result =
        validate(Direction.BULLISH, scores(0.988, 0.78, 0.40).withSampleSizes(1000, 1000, 30));

    assertThat(result.overfitSuspected()).isTrue();
    assertThat(result.overfitExplanation())
        .isEqualTo(
            "Backtest significantly above walk-forward, likely leakage or overfitting: backtest"
                + " 98.8% (n=1000) vs walk-forward 78.0% (n=1000), one-sided p<0.0001");
  }

  @Test
  void same_gap_over_ten_predictions_each_is_not_significant() {
    // pooled 0.884; z = 0.208 / sqrt(0.884 * 0.116 * 0.2) = 1.4524, one-sided p = Φ(-1.4524) =
    // 0.0732
    UnifiedPrediction result =
        validate(Direction.BULLISH, scores(0.988, 0.78, 0.40).withSampleSizes(10, 10, 10));

    assertThat(result.overfitSuspected()).isFalse();
    assertThat(result.overfitTest().orElseThrow().pValue()).isCloseTo(0.073, within(0.001));
    assertThat(result.overfitExplanation())
        .isEqualTo(
            "Backtest not significantly above walk-forward: backtest 98.8% (n=10) vs walk-forward"
                + " 78.0% (n=10), one-sided p=0.0732");
  }

  @Test
  void without_sample_sizes_there_are_no_intervals_and_no_tests() {
    UnifiedPrediction result = validate(Direction.BULLISH, scores(0.988, 0.78, 0.40));

    assertThat(result.backtestingCi()).isEmpty();
    assertThat(result.walkforwardCi()).isEmpty();
    assertThat(result.liveCi()).isEmpty();
    assertThat(result.driftSignificant()).isEmpty();
    assertThat(result.overfitTest()).isEmpty();
    assertThat(result.overfitSuspected()).isFalse();
    assertThat(result.overfitExplanation())
        .isEqualTo("Not tested: needs backtesting_n and walkforward_n");
  }

  @Test
  void sample_sizes_never_change_a_seed_field() {
    UnifiedPrediction without =
        validate(Direction.BULLISH, scores(0.988, 0.78, 0.40, Fixtures.SEED_CONFLICT_SCORES));
    UnifiedPrediction with =
        validate(
            Direction.BULLISH,
            scores(0.988, 0.78, 0.40, Fixtures.SEED_CONFLICT_SCORES)
                .withSampleSizes(1000, 1000, 30));

    assertThat(with.unifiedConfidence()).isEqualTo(without.unifiedConfidence());
    assertThat(with.recommendation()).isEqualTo(without.recommendation());
    assertThat(with.driftDetected()).isEqualTo(without.driftDetected());
    assertThat(with.retrainingReason()).isEqualTo(without.retrainingReason());
  }
}
