package dev.swiftbolt.ml;

import dev.swiftbolt.marketdata.Bar;
import java.time.Duration;
import java.util.List;

/** Measures the plain-ta4j cost of the base indicators for N symbols of D1 (figures in docs). */
public final class Ta4jSpeedProbeBenchmark {
  public static void main(String[] args) {
    int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int barsPerSymbol = 3528; // 14 years x 252 sessions
    List<Bar> bars = SyntheticBars.randomWalk(1, barsPerSymbol);
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      double sink = 0;
      for (int s = 0; s < symbols; s++) {
        Ta4jFeatureReference.Columns c = Ta4jFeatureReference.compute(bars, Duration.ofDays(1));
        sink += c.rsi14()[barsPerSymbol - 1];
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "ta4j: %d symbols x %d bars in %.3f s -> %.1f s per 800 symbols (sink %.3f)%n",
          symbols, barsPerSymbol, seconds, seconds * 800 / symbols, sink);
    }
  }
}
