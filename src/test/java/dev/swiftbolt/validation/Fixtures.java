package dev.swiftbolt.validation;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Shared inputs for the validator tests. */
public final class Fixtures {

  /** "Now" in every test, the time the seed's example is shipped with. */
  public static final Instant AS_OF = Instant.parse("2026-11-28T14:00:00Z");

  /** The seed's constructor: last retraining 30 days before now. */
  public static final Instant THIRTY_DAYS_AGO = AS_OF.minus(Duration.ofDays(30));

  public static final Instant YESTERDAY = AS_OF.minus(Duration.ofDays(1));

  /** The seed's example timeframe scores: bearish M15, H1, H4 against bullish D1, W1. */
  public static final Map<Timeframe, Double> SEED_CONFLICT_SCORES =
      tf(-0.48, -0.40, -0.40, 0.60, 0.70);

  private Fixtures() {}

  /** Scores for M15, H1, H4, D1, W1 in that order. */
  public static Map<Timeframe, Double> tf(double m15, double h1, double h4, double d1, double w1) {
    EnumMap<Timeframe, Double> scores = new EnumMap<>(Timeframe.class);
    scores.put(Timeframe.M15, m15);
    scores.put(Timeframe.H1, h1);
    scores.put(Timeframe.H4, h4);
    scores.put(Timeframe.D1, d1);
    scores.put(Timeframe.W1, w1);
    return scores;
  }

  public static ValidationScores scores(double backtest, double walkforward, double live) {
    return ValidationScores.of(backtest, walkforward, live, Map.of(), THIRTY_DAYS_AGO, AS_OF);
  }

  public static ValidationScores scores(
      double backtest, double walkforward, double live, Map<Timeframe, Double> timeframes) {
    return ValidationScores.of(backtest, walkforward, live, timeframes, THIRTY_DAYS_AGO, AS_OF);
  }

  public static UnifiedPrediction validate(Direction direction, ValidationScores scores) {
    return new UnifiedValidator().validate("AAPL", direction, scores);
  }
}
