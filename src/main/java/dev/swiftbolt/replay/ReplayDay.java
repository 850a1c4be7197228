package dev.swiftbolt.replay;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.validation.ProbabilityCorrect;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One symbol at one replayed session: what the daily pipelines would have said at that session's
 * close, and whether the session's primary-timeframe forecast came true.
 *
 * <p>The first twelve components are the {@code kind: day} JSON object. The last five are kept for
 * the summary and are not printed: the realised direction, the classes the naive baselines
 * predicted for the forecast (the primary model's training majority, and persistence: the direction
 * last realised when the forecast was made) and the backtest and walk-forward accuracy the primary
 * model reported when it was trained.
 *
 * <p>{@code forecaster}, {@code promoted} and {@code deferredRetrainReason} are printed too: who
 * issued the primary forecast, whether the primary timeframe's retraining at this session replaced
 * its champion, and the retraining trigger the cooldown deferred at this session.
 *
 * @param correct empty while the forecast is unresolved at the end of the replay
 * @param realized the realised direction, present exactly when {@code correct} is
 * @param resolvedAt when the forecast resolved (the close of the session that first saw its horizon
 *     bar), present exactly when {@code correct} is
 * @param probabilityCorrect the day's {@code probability_correct}, from the replay's outcomes
 *     resolved by the session's close; empty until the run has computed it
 */
public record ReplayDay(
    String symbol,
    LocalDate session,
    Direction direction,
    double unifiedConfidence,
    double liveAccuracy,
    int liveN,
    String liveScoreSource,
    double driftMagnitude,
    boolean driftDetected,
    boolean retrainingTrigger,
    boolean retrained,
    Optional<Boolean> correct,
    Optional<Direction> realized,
    Direction baselineDirection,
    Direction persistenceDirection,
    double backtestAccuracy,
    double walkforwardAccuracy,
    Optional<Instant> resolvedAt,
    Optional<ProbabilityCorrect> probabilityCorrect,
    String forecaster,
    boolean promoted,
    Optional<String> deferredRetrainReason) {

  public ReplayDay {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(liveScoreSource, "liveScoreSource");
    Objects.requireNonNull(correct, "correct");
    Objects.requireNonNull(realized, "realized");
    Objects.requireNonNull(baselineDirection, "baselineDirection");
    Objects.requireNonNull(persistenceDirection, "persistenceDirection");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
    Objects.requireNonNull(probabilityCorrect, "probabilityCorrect");
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(deferredRetrainReason, "deferredRetrainReason");
    if (promoted && !retrained) {
      throw new IllegalArgumentException("a day can only promote what it retrained");
    }
    if (correct.isPresent() != realized.isPresent()) {
      throw new IllegalArgumentException("correct and realized must both be present or absent");
    }
    if (liveN < 0) {
      throw new IllegalArgumentException("liveN must not be negative, got " + liveN);
    }
  }

  /** The same day with its {@code probability_correct}. */
  public ReplayDay withProbabilityCorrect(ProbabilityCorrect p) {
    return new ReplayDay(
        symbol,
        session,
        direction,
        unifiedConfidence,
        liveAccuracy,
        liveN,
        liveScoreSource,
        driftMagnitude,
        driftDetected,
        retrainingTrigger,
        retrained,
        correct,
        realized,
        baselineDirection,
        persistenceDirection,
        backtestAccuracy,
        walkforwardAccuracy,
        resolvedAt,
        Optional.of(p),
        forecaster,
        promoted,
        deferredRetrainReason);
  }

  /**
   * {@code "worse"} when drift was detected with the live accuracy below the backtest's, {@code
   * "better"} when above, empty without drift.
   */
  public Optional<String> driftDirection() {
    if (!driftDetected || liveAccuracy == backtestAccuracy) {
      return Optional.empty();
    }
    return Optional.of(liveAccuracy < backtestAccuracy ? "worse" : "better");
  }
}
