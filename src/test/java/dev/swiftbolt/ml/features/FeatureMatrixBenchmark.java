package dev.swiftbolt.ml.features;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.SyntheticBars;
import dev.swiftbolt.ml.Ta4jFeatureReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark (1) of issue 5, in-memory part: the 19-column feature matrix (plus labels) for 800
 * simulated symbols × 14 years of D1 (3 528 bars each, ~2.8 M rows) with weekly context, single
 * thread. Same-run reference: the plain-ta4j computation of only the nine base indicators on 50 of
 * the symbols, extrapolated to 800.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(deps) -Xmx3g
 * dev.swiftbolt.ml.features.FeatureMatrixBenchmark [symbols] [rounds]}. Excluded from surefire.
 */
public final class FeatureMatrixBenchmark {
  private static final int BARS = 14 * 252;

  public static void main(String[] args) {
    int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 800;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<List<Bar>> daily = new ArrayList<>();
    List<List<Bar>> weekly = new ArrayList<>();
    for (int s = 0; s < symbols; s++) {
      daily.add(SyntheticBars.autoregressive(s, BARS, 0.05, 0.015));
      weekly.add(SyntheticBars.weekly(daily.get(s)));
    }
    FeatureBuilder builder = new FeatureBuilder();
    Labeler labeler = new Labeler(LabelConfig.defaults());
    double[] seconds = new double[rounds];
    long rows = 0;
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      rows = 0;
      for (int s = 0; s < symbols; s++) {
        FeatureMatrix m =
            builder.build(
                daily.get(s), Timeframe.D1, ContextSeries.of(weekly.get(s), Timeframe.W1));
        labeler.label(daily.get(s), Timeframe.D1);
        rows += m.rows();
      }
      seconds[round] = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "round %d: %d symbols, %d rows x %d features in %.3f s%n",
          round + 1, symbols, rows, FeatureBuilder.FEATURE_NAMES.size(), seconds[round]);
    }
    double best = Arrays.stream(seconds).min().orElseThrow();
    int refSymbols = Math.min(50, symbols);
    double ta4j = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      for (int s = 0; s < refSymbols; s++) {
        Ta4jFeatureReference.compute(daily.get(s), Timeframe.D1.nominalLength());
      }
      ta4j = Math.min(ta4j, (System.nanoTime() - start) / 1e9 * symbols / refSymbols);
    }
    System.out.printf(
        "feature matrix: best %.3f s for %d rows (%.0f rows/s); ta4j base indicators only,"
            + " extrapolated: %.3f s; ratio ta4j/ours = %.1f%n",
        best, rows, rows / best, ta4j, ta4j / best);
  }
}
