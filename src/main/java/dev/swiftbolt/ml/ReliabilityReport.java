package dev.swiftbolt.ml;

import dev.swiftbolt.ml.evaluation.Reliability;
import dev.swiftbolt.predictions.StoredPredictions;
import dev.swiftbolt.predictions.UnifiedPredictionRepository.ResolvedPrediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How often resolved signals came true at each confidence: per bucket of width 0.1 of unified
 * confidence, the predictions, how many came true and the hit rate with its Wilson 95 % interval;
 * and the expected calibration error of {@code unified_confidence} read as a probability beside
 * that of {@code probability_correct}. Read from production's resolved unified predictions, the
 * latest replay run's resolved days, or both. Thread-safe.
 */
public final class ReliabilityReport {

  /** Where the outcomes come from. */
  public enum Source {
    LIVE,
    REPLAY,
    ALL;

    /** {@code live}, {@code replay} or {@code all} (case-insensitive). */
    public static Source parse(String raw) {
      for (Source s : values()) {
        if (s.name().equalsIgnoreCase(raw)) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          "source must be live, replay or all, got '%s'".formatted(raw));
    }

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The report.
   *
   * @param buckets by unified confidence, non-empty ones only
   * @param eceUnifiedConfidence over every resolved prediction; empty when none
   * @param eceProbabilityCorrect over the resolved predictions that had one; empty when none
   * @param withProbabilityCorrect how many resolved predictions had a {@code probability_correct}
   */
  public record Report(
      Optional<String> symbol,
      Source source,
      int predictions,
      List<Reliability.Bucket> buckets,
      OptionalDouble eceUnifiedConfidence,
      OptionalDouble eceProbabilityCorrect,
      int withProbabilityCorrect) {}

  private final StoredPredictions predictions;

  public ReliabilityReport(StoredPredictions predictions) {
    this.predictions = Objects.requireNonNull(predictions, "predictions");
  }

  /** The report for {@code symbol} (every symbol when empty) from {@code source}. */
  public Report report(Optional<String> symbol, Source source) {
    List<ResolvedPrediction> rows = new ArrayList<>();
    if (source != Source.REPLAY) {
      rows.addAll(predictions.resolved(symbol, false));
    }
    if (source != Source.LIVE) {
      rows.addAll(predictions.resolved(symbol, true));
    }
    List<Reliability.Point> confidence = new ArrayList<>();
    List<Reliability.Point> probability = new ArrayList<>();
    for (ResolvedPrediction r : rows) {
      confidence.add(new Reliability.Point(r.unifiedConfidence(), r.correct()));
      if (r.probabilityCorrect().isPresent()) {
        probability.add(new Reliability.Point(r.probabilityCorrect().getAsDouble(), r.correct()));
      }
    }
    return new Report(
        symbol,
        source,
        rows.size(),
        Reliability.table(confidence),
        Reliability.ece(confidence),
        Reliability.ece(probability),
        probability.size());
  }
}
