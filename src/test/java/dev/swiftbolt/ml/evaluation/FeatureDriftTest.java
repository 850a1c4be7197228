package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.SyntheticBars;
import dev.swiftbolt.ml.features.ContextSeries;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.features.FeatureMatrix;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureDriftTest {

  @Test
  void psi_of_a_feature_against_itself_is_zero() {
    double[] values = new SplittableRandom(7).doubles(500).toArray();
    assertThat(FeatureDrift.psi(values, values)).isEqualTo(0.0);
  }

  @Test
  void psi_on_a_ten_bin_example_matches_the_hand_calculation() {
    // Reference 1..100: deciles cut at 10, 20, …, 90, ten values (share 0.1) per bin.
    double[] reference = new double[100];
    for (int i = 0; i < 100; i++) {
      reference[i] = i + 1;
    }
    // Recent: 4 values in bin 1 (≤ 10), 2 in each of bins 2..9, none above 90.
    double[] recent = {1, 2, 3, 4, 15, 16, 25, 26, 35, 36, 45, 46, 55, 56, 65, 66, 75, 76, 85, 86};
    // Bin 1: a = 0.2, e = 0.1; bins 2..9: a = e = 0.1 (no contribution); bin 10: a = 0 → 1e-4.
    double expected = (0.2 - 0.1) * Math.log(0.2 / 0.1) + (1e-4 - 0.1) * Math.log(1e-4 / 0.1);
    assertThat(FeatureDrift.psi(reference, recent)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void bands_and_summary_follow_the_convention() {
    var psi = new java.util.LinkedHashMap<String, Double>();
    psi.put("a", 0.05);
    psi.put("b", 0.10);
    psi.put("c", 0.2499);
    psi.put("d", 0.25);
    FeatureDrift drift = FeatureDrift.summarise(60, psi, List.of("d"));
    assertThat(drift.maxPsi()).isEqualTo(0.25);
    assertThat(drift.maxFeature()).isEqualTo("d");
    assertThat(drift.shareModerate()).isEqualTo(2.0 / 4);
    assertThat(drift.shareMajor()).isEqualTo(1.0 / 4);
    assertThat(drift.majorCount()).isEqualTo(1);
    assertThat(drift.top(3)).extracting(java.util.Map.Entry::getKey).containsExactly("d", "c", "b");
  }

  @Test
  void tripled_volatility_shows_major_psi_on_the_volatility_features_within_sixty_bars() {
    int change = 1000;
    List<Bar> bars = volatilityShift(11, change, 1120, 0.01, 0.03);
    FeatureMatrix m = matrix(bars);
    int[] training = rows(m, 60, change - 200);
    int firstRetrainingReason = -1;
    for (int bar = change - 140; bar < change + 60; bar++) {
      FeatureDrift d = FeatureDrift.of(m, training, m.rowOfBar(bar), 60);
      boolean reason = 4 * d.shifted().size() >= d.psi().size();
      if (bar < change) {
        assertThat(reason).as("retraining reason at bar %d, before the change", bar).isFalse();
      } else if (reason && firstRetrainingReason < 0) {
        firstRetrainingReason = bar;
      }
    }
    FeatureDrift after = FeatureDrift.of(m, training, m.rowOfBar(change + 59), 60);
    assertThat(after.psi().get("realized_volatility_20")).isGreaterThanOrEqualTo(0.25);
    assertThat(after.psi().get("atr_14_over_close")).isGreaterThanOrEqualTo(0.25);
    assertThat(after.shifted()).contains("realized_volatility_20", "atr_14_over_close");
    assertThat(firstRetrainingReason).isBetween(change, change + 59);
  }

  @Test
  void a_stationary_random_walk_never_gives_the_feature_drift_retraining_reason() {
    List<Bar> bars = volatilityShift(5, Integer.MAX_VALUE, 1300, 0.01, 0.01);
    FeatureMatrix m = matrix(bars);
    int sessions = 0;
    int noMajor = 0;
    int reason = 0;
    for (int bar = 1000; bar < 1300; bar++) {
      // The model in use is retrained every 20 sessions on every labelled row before it.
      int trainedAt = bar - bar % 20;
      FeatureDrift d = FeatureDrift.of(m, rows(m, 60, trainedAt - 6), m.rowOfBar(bar), 60);
      sessions++;
      noMajor += d.shareMajor() == 0 ? 1 : 0;
      reason += 4 * d.shifted().size() >= d.psi().size() ? 1 : 0;
    }
    System.out.printf(
        "random walk: %d sessions, share_major = 0 in %d, feature drift reason in %d%n",
        sessions, noMajor, reason);
    assertThat(reason).isLessThanOrEqualTo(sessions / 20);
  }

  @Test
  void sixty_independent_draws_from_the_training_distribution_rarely_stay_below_the_stable_band() {
    // The null distribution of PSI over deciles: for n recent and N reference values drawn
    // independently from one distribution, PSI ≈ (1/n + 1/N) · χ²(9), mean ≈ 9/60 + 9/940 ≈ 0.16
    // for n = 60, N = 940, plus what the floor adds for the rare empty bin. So PSI < 0.10 — the
    // stable band — is the exception with 60 rows even without any drift or autocorrelation.
    SplittableRandom random = new SplittableRandom(20);
    int trials = 2000;
    double sum = 0;
    int stable = 0;
    int notMajor = 0;
    for (int t = 0; t < trials; t++) {
      double[] reference = random.doubles(940).toArray();
      double[] recent = random.doubles(60).toArray();
      double psi = FeatureDrift.psi(reference, recent);
      sum += psi;
      stable += psi < FeatureDrift.MODERATE ? 1 : 0;
      notMajor += psi < FeatureDrift.MAJOR ? 1 : 0;
    }
    double mean = sum / trials;
    System.out.printf(
        "independent draws, n = 60, N = 940: mean PSI %.3f, below 0.10 in %.1f%%, below 0.25 in"
            + " %.1f%%%n",
        mean, 100.0 * stable / trials, 100.0 * notMajor / trials);
    assertThat(mean).isBetween(9 / 60.0 + 9 / 940.0, 0.22);
    assertThat((double) stable / trials).isLessThan(0.25);
    // 19 such features all below 0.25 at once: P(< 0.25)^19, a few percent of sessions at most.
    assertThat(Math.pow((double) notMajor / trials, 19)).isLessThan(0.05);
  }

  @Test
  void a_reference_kept_from_training_gives_each_later_sessions_psi_on_the_bars_seen_then() {
    List<Bar> bars = volatilityShift(7, 900, 1000, 0.01, 0.02);
    FeatureMatrix atTraining = matrix(bars.subList(0, 850));
    int[] training = rows(atTraining, 60, 840);
    FeatureDrift.Reference reference = FeatureDrift.Reference.of(atTraining, training, 60);
    for (int seen = 860; seen <= 1000; seen += 35) {
      FeatureMatrix later = matrix(bars.subList(0, seen));
      int lastRow = later.rowOfBar(seen - 1);
      FeatureDrift kept = reference.against(later, lastRow);
      assertThat(kept).isEqualTo(FeatureDrift.of(later, training, lastRow, 60));
      for (int f = 0; f < later.featureCount(); f++) {
        double[] column = later.column(f);
        double[] trainingValues = new double[training.length];
        for (int i = 0; i < training.length; i++) {
          trainingValues[i] = column[training[i]];
        }
        double[] recent = Arrays.copyOfRange(column, lastRow - 59, lastRow + 1);
        assertThat(kept.psi().get(later.names().get(f)))
            .as("%s with %d bars seen", later.names().get(f), seen)
            .isEqualTo(FeatureDrift.psi(trainingValues, recent));
      }
    }
  }

  static FeatureMatrix matrix(List<Bar> daily) {
    return new FeatureBuilder()
        .build(daily, Timeframe.D1, ContextSeries.of(SyntheticBars.weekly(daily), Timeframe.W1));
  }

  static int[] rows(FeatureMatrix m, int fromBar, int toBar) {
    int from = Math.max(0, m.rowOfBar(Math.max(fromBar, m.firstBarIndex())));
    int to = m.rowOfBar(toBar);
    int[] rows = new int[to - from + 1];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = from + i;
    }
    return rows;
  }

  /** A driftless random walk whose daily volatility is {@code before} until bar {@code change}. */
  static List<Bar> volatilityShift(long seed, int change, int count, double before, double after) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Bar> bars = new ArrayList<>(count);
    Instant ts = Instant.parse("2012-01-03T14:30:00Z");
    double close = 100.0;
    for (int i = 0; i < count; i++) {
      double sigma = i < change ? before : after;
      double open = close;
      close = open * Math.exp(sigma * random.nextGaussian());
      double high = Math.max(open, close) * (1 + Math.abs(random.nextGaussian()) * sigma * 0.5);
      double low = Math.min(open, close) * (1 - Math.abs(random.nextGaussian()) * sigma * 0.5);
      double volume = 1_000_000 * Math.exp(0.3 * random.nextGaussian());
      bars.add(new Bar(ts, open, high, low, close, volume));
      ts = ts.plus(Duration.ofDays(1));
    }
    return bars;
  }
}
