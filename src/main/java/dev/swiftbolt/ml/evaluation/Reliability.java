package dev.swiftbolt.ml.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;

/**
 * How well a number read as a probability matches how often the event happened: a table of buckets
 * of width 0.1 and the expected calibration error. Pure and thread-safe.
 */
public final class Reliability {

  /** Buckets of width 1 / BUCKETS over [0, 1]; 1.0 falls in the last. */
  public static final int BUCKETS = 10;

  /**
   * Predictions whose probability lay in [{@code from}, {@code to}): how many, how many came true,
   * the hit rate with its Wilson 95 % interval and the mean probability they stated.
   */
  public record Bucket(
      double from,
      double to,
      int predictions,
      int cameTrue,
      double hitRate,
      double ciLow,
      double ciHigh,
      double meanProbability) {}

  /** A stated probability and whether the event happened. */
  public record Point(double probability, boolean cameTrue) {}

  private Reliability() {}

  /** The bucket of a probability in [0, 1]. */
  public static int bucketOf(double probability) {
    return Math.max(0, Math.min(BUCKETS - 1, (int) Math.floor(probability * BUCKETS)));
  }

  /** The non-empty buckets of {@code points}, lowest first. */
  public static List<Bucket> table(List<Point> points) {
    int[] n = new int[BUCKETS];
    int[] hits = new int[BUCKETS];
    double[] sum = new double[BUCKETS];
    for (Point p : points) {
      int b = bucketOf(p.probability());
      n[b]++;
      hits[b] += p.cameTrue() ? 1 : 0;
      sum[b] += p.probability();
    }
    List<Bucket> out = new ArrayList<>();
    for (int b = 0; b < BUCKETS; b++) {
      if (n[b] > 0) {
        ConfidenceInterval ci = ProbabilityCorrectMap.wilson(hits[b], n[b]);
        out.add(
            new Bucket(
                (double) b / BUCKETS,
                (double) (b + 1) / BUCKETS,
                n[b],
                hits[b],
                (double) hits[b] / n[b],
                ci.getLowerBound(),
                ci.getUpperBound(),
                sum[b] / n[b]));
      }
    }
    return out;
  }

  /**
   * Expected calibration error: Σ over buckets of (bucket size / N) × |hit rate − mean stated
   * probability|; empty without points.
   */
  public static OptionalDouble ece(List<Point> points) {
    if (points.isEmpty()) {
      return OptionalDouble.empty();
    }
    double ece = 0;
    for (Bucket b : table(points)) {
      ece += (double) b.predictions() / points.size() * Math.abs(b.hitRate() - b.meanProbability());
    }
    return OptionalDouble.of(ece);
  }
}
