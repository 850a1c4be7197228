package dev.swiftbolt.replay;

import dev.swiftbolt.market.Direction;
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
}
