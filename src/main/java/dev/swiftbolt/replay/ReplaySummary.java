package dev.swiftbolt.replay;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.ml.evaluation.NaiveBaselines;
import dev.swiftbolt.ml.evaluation.Reliability;
import dev.swiftbolt.ml.evaluation.Score;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One symbol's replay in figures: how many sessions and primary forecasts, the live accuracy over
 * every resolved forecast against the naive baseline, what the models promised when trained, how
 * often drift was detected and retraining triggered or done, and the reliability of the unified
 * confidence in buckets of width 0.1.
 *
 * @param live accuracy over all resolved forecasts with its Wilson interval and its naive baselines
 *     over the same forecasts (the training majority class and persistence as each forecast's
 *     session knew them, the strongest never below chance); empty when none
 * @param promisedBacktest mean backtest accuracy of the primary models trained in the run
 * @param promisedWalkforward mean walk-forward accuracy of the same models
 * @param eceUnifiedConfidence expected calibration error of {@code unified_confidence} read as the
 *     probability that the signal comes true, over the resolved days; empty when none
 * @param eceProbabilityCorrect expected calibration error of {@code probability_correct} over the
 *     resolved days that have one; empty when none
 * @param retrainsPromoted retrainings whose challenger became champion
 * @param retrainsRejected retrainings whose challenger was rejected
 * @param retrainsDeferred sessions whose retraining trigger the cooldown deferred
 * @param forecasters sessions per forecaster that issued the primary forecast
 */
public record ReplaySummary(
    String symbol,
    int sessions,
    int forecasts,
    int resolved,
    Optional<Score> live,
    Optional<Double> promisedBacktest,
    Optional<Double> promisedWalkforward,
    int driftDays,
    int retrainingTriggers,
    int retrains,
    List<Bucket> reliability,
    Optional<Double> eceUnifiedConfidence,
    Optional<Double> eceProbabilityCorrect,
    int retrainsPromoted,
    int retrainsRejected,
    int retrainsDeferred,
    Map<String, Integer> forecasters) {

  /** Width of a reliability bucket of unified confidence. */
  public static final double BUCKET_WIDTH = 0.1;

  public ReplaySummary {
    Objects.requireNonNull(symbol, "symbol");
    reliability = List.copyOf(reliability);
    forecasters = Collections.unmodifiableMap(new TreeMap<>(forecasters));
  }

  /** Resolved sessions whose unified confidence lay in [from, to), and how many came true. */
  public record Bucket(double confidenceFrom, double confidenceTo, int n, double hitRate) {}

  /** The summary of one symbol's days (in session order). */
  public static ReplaySummary of(String symbol, List<ReplayDay> days) {
    List<ReplayDay> resolved = days.stream().filter(d -> d.correct().isPresent()).toList();
    Optional<Score> live = liveScore(resolved);
    List<ReplayDay> retrainedDays = days.stream().filter(ReplayDay::retrained).toList();
    return new ReplaySummary(
        symbol,
        days.size(),
        days.size(),
        resolved.size(),
        live,
        mean(retrainedDays.stream().mapToDouble(ReplayDay::backtestAccuracy).toArray()),
        mean(retrainedDays.stream().mapToDouble(ReplayDay::walkforwardAccuracy).toArray()),
        (int) days.stream().filter(ReplayDay::driftDetected).count(),
        (int) days.stream().filter(ReplayDay::retrainingTrigger).count(),
        retrainedDays.size(),
        reliability(resolved),
        boxed(Reliability.ece(unifiedConfidencePoints(resolved))),
        boxed(Reliability.ece(probabilityCorrectPoints(resolved))),
        (int) retrainedDays.stream().filter(ReplayDay::promoted).count(),
        (int) retrainedDays.stream().filter(d -> !d.promoted()).count(),
        (int) days.stream().filter(d -> d.deferredRetrainReason().isPresent()).count(),
        forecasters(days));
  }

  /** Resolved days' unified confidence read as a probability, with their outcomes. */
  public static List<Reliability.Point> unifiedConfidencePoints(List<ReplayDay> resolved) {
    return resolved.stream()
        .map(d -> new Reliability.Point(d.unifiedConfidence(), d.correct().orElseThrow()))
        .toList();
  }

  /** Resolved days' probability_correct (where there is one), with their outcomes. */
  public static List<Reliability.Point> probabilityCorrectPoints(List<ReplayDay> resolved) {
    return resolved.stream()
        .filter(d -> d.probabilityCorrect().map(p -> p.value().isPresent()).orElse(false))
        .map(
            d ->
                new Reliability.Point(
                    d.probabilityCorrect().get().value().getAsDouble(), d.correct().orElseThrow()))
        .toList();
  }

  private static Optional<Double> boxed(OptionalDouble value) {
    return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
  }

  /**
   * The live score over {@code resolved} days, with its naive baselines on the same forecasts: the
   * training majority class and persistence (the direction last realised when each forecast was
   * made); the strongest of them, never below chance, is its {@code baseline_accuracy}.
   *
   * @param resolved resolved days only
   * @return empty when there are none
   * @throws java.util.NoSuchElementException when a day is unresolved
   */
  public static Optional<Score> liveScore(List<ReplayDay> resolved) {
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    int correct = 0;
    int majority = 0;
    int persistence = 0;
    for (ReplayDay day : resolved) {
      Direction realized = day.realized().orElseThrow();
      correct += day.correct().orElseThrow() ? 1 : 0;
      majority += realized == day.baselineDirection() ? 1 : 0;
      persistence += realized == day.persistenceDirection() ? 1 : 0;
    }
    int n = resolved.size();
    return Optional.of(Score.of(correct, n, new NaiveBaselines.Hits(n, majority, persistence)));
  }

  private static Map<String, Integer> forecasters(List<ReplayDay> days) {
    Map<String, Integer> sessions = new TreeMap<>();
    for (ReplayDay d : days) {
      sessions.merge(d.forecaster(), 1, Integer::sum);
    }
    return sessions;
  }

  private static Optional<Double> mean(double[] values) {
    if (values.length == 0) {
      return Optional.empty();
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return Optional.of(sum / values.length);
  }

  private static List<Bucket> reliability(List<ReplayDay> resolved) {
    int buckets = (int) Math.round(1 / BUCKET_WIDTH);
    int[] n = new int[buckets];
    int[] hits = new int[buckets];
    for (ReplayDay day : resolved) {
      int b = Math.min(buckets - 1, (int) Math.floor(day.unifiedConfidence() * buckets));
      n[b]++;
      hits[b] += day.correct().get() ? 1 : 0;
    }
    List<Bucket> out = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      if (n[b] > 0) {
        out.add(
            new Bucket(
                (double) b / buckets, (double) (b + 1) / buckets, n[b], (double) hits[b] / n[b]));
      }
    }
    return out;
  }
}
