package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.marketdata.TradingSession;
import dev.swiftbolt.validation.ProbabilityCorrect;
import dev.swiftbolt.validation.SampleStatistics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * {@code probability_correct}: the map from unified confidence to how often the signal came true,
 * fitted on the outcomes known when a prediction is made and read at its confidence. The map is
 * Platt scaling on the logit of the confidence ({@link PlattFit}, monotone) with each outcome
 * weighted by its recency, {@code 0.5^(age / }{@value #HALF_LIFE_SESSIONS}{@code )}, age being the
 * NYSE sessions from the close its outcome became known to the prediction's time: the hit rate of
 * the signals drifts, and older outcomes say less about the next one (docs/decisions/0012 compares
 * it with isotonic regression on the demo's replay). Pure and thread-safe.
 */
public final class ProbabilityCorrectMap {

  /** Below this many resolved outcomes there is no estimate. */
  public static final int MIN_OUTCOMES = 100;

  /** An outcome's weight halves every this many sessions of age. */
  public static final double HALF_LIFE_SESSIONS = 40;

  /** Outcome sources. */
  public static final String LIVE = "live";

  public static final String REPLAY = "replay";

  private static final TradingCalendar CALENDAR = TradingCalendar.nyse();

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
    return fit(known, at).at(confidence);
  }

  /**
   * The estimate from {@code known}, every outcome of which is taken as known, made when the last
   * of them became known.
   */
  public static ProbabilityCorrect estimate(List<Outcome> known, double confidence) {
    Instant at = known.stream().map(Outcome::knownAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    return fit(known, at).at(confidence);
  }

  /**
   * The map fitted on {@code known} (every outcome taken as known) for predictions made at {@code
   * at}, to be read at several confidences; no fit below {@link #MIN_OUTCOMES} outcomes.
   */
  public static Fitted fit(List<Outcome> known, Instant at) {
    int n = known.size();
    Optional<String> source = source(known);
    if (n < MIN_OUTCOMES) {
      return new Fitted(Optional.empty(), new double[0], n, source);
    }
    double[] scores = new double[n];
    boolean[] outcomes = new boolean[n];
    double[] weights = weights(known, at);
    double[] sum = new double[Reliability.BUCKETS];
    double[] sumOfSquares = new double[Reliability.BUCKETS];
    for (int i = 0; i < n; i++) {
      scores[i] = known.get(i).confidence();
      outcomes[i] = known.get(i).correct();
      int bucket = Reliability.bucketOf(scores[i]);
      sum[bucket] += weights[i];
      sumOfSquares[bucket] += weights[i] * weights[i];
    }
    double[] effective = new double[Reliability.BUCKETS];
    for (int b = 0; b < effective.length; b++) {
      effective[b] = sumOfSquares[b] > 0 ? sum[b] * sum[b] / sumOfSquares[b] : 0;
    }
    return new Fitted(Optional.of(PlattFit.fit(scores, outcomes, weights)), effective, n, source);
  }

  /**
   * Each outcome's recency weight for a prediction at {@code at}: {@code 0.5^(age / half-life)},
   * age = trading sessions after the day its outcome became known, up to and including the day of
   * {@code at} (0 for an outcome known the same day).
   */
  static double[] weights(List<Outcome> known, Instant at) {
    LocalDate day = CALENDAR.tradingDate(at);
    LocalDate first =
        known.stream()
            .map(o -> CALENDAR.tradingDate(o.knownAt()))
            .min(LocalDate::compareTo)
            .orElse(day);
    List<LocalDate> sessions =
        CALENDAR.sessions(first.plusDays(1), day).stream().map(TradingSession::date).toList();
    double[] weights = new double[known.size()];
    for (int i = 0; i < weights.length; i++) {
      LocalDate knownOn = CALENDAR.tradingDate(known.get(i).knownAt());
      int upTo = Collections.binarySearch(sessions, knownOn);
      int atOrBefore = upTo >= 0 ? upTo + 1 : -upTo - 1;
      int age = sessions.size() - atOrBefore;
      weights[i] = Math.pow(0.5, age / HALF_LIFE_SESSIONS);
    }
    return weights;
  }

  /**
   * A fitted map (empty below {@link #MIN_OUTCOMES}) with the Kish effective number of outcomes
   * ((Σw)² / Σw²) in each confidence bucket of width 0.1, its outcome count and source.
   */
  public record Fitted(
      Optional<PlattFit> fit, double[] effectiveByBucket, int n, Optional<String> source) {

    /**
     * The estimate at {@code confidence}: the map's value, with the Wilson 95 % interval of that
     * value as a rate observed over the effective number of outcomes in the confidence's bucket.
     */
    public ProbabilityCorrect at(double confidence) {
      if (fit.isEmpty()) {
        return ProbabilityCorrect.none(
            n,
            source,
            "only %d resolved outcomes before this prediction; at least %d are needed"
                .formatted(n, MIN_OUTCOMES));
      }
      double value = fit.get().valueAt(confidence);
      double[] ci = wilson(value, effectiveByBucket[Reliability.bucketOf(confidence)]);
      return ProbabilityCorrect.of(value, n, ci[0], ci[1], source.orElseThrow());
    }
  }

  /** The Wilson 95 % interval of {@code hits} out of {@code n} (n ≥ 1). */
  public static ConfidenceInterval wilson(int hits, int n) {
    return new WilsonScoreInterval().createInterval(n, hits, 0.95);
  }

  /**
   * The Wilson 95 % interval {low, high} of a rate {@code rate} observed over {@code n} outcomes, n
   * any non-negative number (an effective count); [0, 1] when n is 0.
   */
  public static double[] wilson(double rate, double n) {
    if (!(n > 0)) {
      return new double[] {0, 1};
    }
    dev.swiftbolt.validation.ConfidenceInterval ci = SampleStatistics.wilson95(rate, n);
    return new double[] {ci.low(), ci.high()};
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
