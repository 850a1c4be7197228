package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.validation.ProbabilityCorrect;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * {@code probability_correct}: the isotonic (pool-adjacent-violators) map from unified confidence
 * to how often the signal came true, fitted on the outcomes known when a prediction is made and
 * read at its confidence. Pure and thread-safe.
 */
public final class ProbabilityCorrectMap {

  /** Below this many resolved outcomes there is no estimate. */
  public static final int MIN_OUTCOMES = 100;

  /** Outcome sources. */
  public static final String LIVE = "live";

  public static final String REPLAY = "replay";

  /**
   * One resolved prediction: its unified confidence, whether it came true, when its outcome became
   * known, and where it comes from ({@link #LIVE} or {@link #REPLAY}).
   */
  public record Outcome(double confidence, boolean correct, Instant knownAt, String source) {
    public Outcome {
      Objects.requireNonNull(knownAt, "knownAt");
      if (!LIVE.equals(source) && !REPLAY.equals(source)) {
        throw new IllegalArgumentException("source must be live or replay, got " + source);
      }
    }
  }

  private ProbabilityCorrectMap() {}

  /**
   * The estimate for a prediction of unified confidence {@code confidence} made at {@code at}, from
   * the outcomes of {@code history} known at or before {@code at} (any others are ignored).
   */
  public static ProbabilityCorrect estimate(List<Outcome> history, double confidence, Instant at) {
    List<Outcome> known = history.stream().filter(o -> !o.knownAt().isAfter(at)).toList();
    return estimate(known, confidence);
  }

  /** The estimate from {@code known}, every outcome of which is taken as known. */
  public static ProbabilityCorrect estimate(List<Outcome> known, double confidence) {
    return fit(known).at(confidence);
  }

  /**
   * The map fitted on {@code known} (every outcome taken as known), to be read at several
   * confidences; no fit below {@link #MIN_OUTCOMES} outcomes.
   */
  public static Fitted fit(List<Outcome> known) {
    int n = known.size();
    Optional<String> source = source(known);
    if (n < MIN_OUTCOMES) {
      return new Fitted(Optional.empty(), n, source);
    }
    double[] scores = new double[n];
    boolean[] outcomes = new boolean[n];
    for (int i = 0; i < n; i++) {
      scores[i] = known.get(i).confidence();
      outcomes[i] = known.get(i).correct();
    }
    return new Fitted(Optional.of(IsotonicFit.fit(scores, outcomes)), n, source);
  }

  /** A fitted map (empty below {@link #MIN_OUTCOMES}) with its outcome count and source. */
  public record Fitted(Optional<IsotonicFit> fit, int n, Optional<String> source) {

    /** The estimate at {@code confidence}. */
    public ProbabilityCorrect at(double confidence) {
      if (fit.isEmpty()) {
        return ProbabilityCorrect.none(
            n,
            source,
            "only %d resolved outcomes before this prediction; at least %d are needed"
                .formatted(n, MIN_OUTCOMES));
      }
      return read(fit.get(), n, confidence, source.orElseThrow());
    }
  }

  /** The estimate read from an already fitted map. */
  public static ProbabilityCorrect read(IsotonicFit fit, int n, double confidence, String source) {
    IsotonicFit.Block block = fit.blockAt(confidence);
    ConfidenceInterval ci = wilson(block.hits(), block.n());
    return ProbabilityCorrect.of(block.value(), n, ci.getLowerBound(), ci.getUpperBound(), source);
  }

  /** The Wilson 95 % interval of {@code hits} out of {@code n} (n ≥ 1). */
  public static ConfidenceInterval wilson(int hits, int n) {
    return new WilsonScoreInterval().createInterval(n, hits, 0.95);
  }

  /** {@code live}, {@code replay} or {@code live+replay}; empty without outcomes. */
  public static Optional<String> source(List<Outcome> outcomes) {
    boolean live = outcomes.stream().anyMatch(o -> LIVE.equals(o.source()));
    boolean replay = outcomes.stream().anyMatch(o -> REPLAY.equals(o.source()));
    if (live && replay) {
      return Optional.of("live+replay");
    }
    if (live) {
      return Optional.of(LIVE);
    }
    return replay ? Optional.of(REPLAY) : Optional.empty();
  }
}
