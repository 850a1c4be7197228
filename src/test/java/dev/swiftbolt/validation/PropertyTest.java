package dev.swiftbolt.validation;

import static dev.swiftbolt.validation.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Invariants over many random inputs (fixed seed, so a failure is reproducible). */
class PropertyTest {

  private static final int CASES = 50_000;

  @Test
  void confidence_and_statistics_stay_in_range_for_any_valid_input() {
    Random random = new Random(20261128L);
    UnifiedValidator validator = new UnifiedValidator();
    Direction[] directions = Direction.values();
    for (int i = 0; i < CASES; i++) {
      ValidationScores scores = randomScores(random);
      Direction direction = directions[random.nextInt(directions.length)];
      UnifiedPrediction result = validator.validate("SYM" + i, direction, scores);
      String description = "case " + i + ": " + scores;

      assertThat(result.unifiedConfidence()).as(description).isBetween(0.0, 1.0);
      assertThat(result.baseConfidence()).as(description).isBetween(0.0, 1.0);
      // The adjustments can only scale base by factors between 0.7 * 0.8 and 1.1.
      assertThat(result.unifiedConfidence())
          .as(description)
          .isLessThanOrEqualTo(Math.min(1.0, result.baseConfidence() * 1.1 + 1e-15))
          .isGreaterThanOrEqualTo(result.baseConfidence() * 0.70 * 0.80 - 1e-15);
      assertThat(result.driftDetected()).as(description).isEqualTo(result.driftMagnitude() > 0.25);
      assertThat(result.recommendation())
          .as(description)
          .startsWith(expectedBand(result.unifiedConfidence()));
      // A trigger schedules from now; otherwise the next date is last retraining + 30 days, which
      // can lie up to a day in the past (30 days and some hours is still 30 whole days).
      if (result.retrainingTrigger()) {
        assertThat(result.nextRetrainingDate()).as(description).isAfter(AS_OF);
      } else {
        assertThat(result.nextRetrainingDate())
            .as(description)
            .isEqualTo(scores.lastRetrainingDate().plus(Duration.ofDays(30)));
      }
      // randomScores gives all three sample sizes or none: the intervals and both tests are
      // present exactly when they are given, so no check below can pass by being skipped.
      boolean sized = scores.backtestingN().isPresent();
      assertThat(scores.walkforwardN().isPresent()).as(description).isEqualTo(sized);
      assertThat(scores.liveN().isPresent()).as(description).isEqualTo(sized);
      if (sized) {
        assertThat(result.backtestingCi())
            .as(description)
            .hasValueSatisfying(
                ci ->
                    assertThat(scores.backtestingScore())
                        .isBetween(ci.low() - 1e-12, ci.high() + 1e-12));
        assertThat(result.walkforwardCi())
            .as(description)
            .hasValueSatisfying(
                ci ->
                    assertThat(scores.walkforwardScore())
                        .isBetween(ci.low() - 1e-12, ci.high() + 1e-12));
        assertThat(result.liveCi())
            .as(description)
            .hasValueSatisfying(
                ci ->
                    assertThat(scores.liveScore()).isBetween(ci.low() - 1e-12, ci.high() + 1e-12));
        assertThat(result.driftTest())
            .as(description)
            .hasValueSatisfying(t -> assertThat(t.pValue()).isBetween(0.0, 1.0));
        assertThat(result.overfitTest())
            .as(description)
            .hasValueSatisfying(t -> assertThat(t.pValue()).isBetween(0.0, 1.0));
      } else {
        assertThat(result.backtestingCi()).as(description).isEmpty();
        assertThat(result.walkforwardCi()).as(description).isEmpty();
        assertThat(result.liveCi()).as(description).isEmpty();
        assertThat(result.driftTest()).as(description).isEmpty();
        assertThat(result.overfitTest()).as(description).isEmpty();
      }
      assertThat(result.overfitSuspected())
          .as(description)
          .isEqualTo(result.overfitTest().map(ProportionTest::significant).orElse(false));
    }
  }

  private static String expectedBand(double confidence) {
    if (confidence > 0.75) {
      return "High confidence";
    } else if (confidence > 0.60) {
      return "Moderate confidence";
    } else if (confidence > 0.40) {
      return "Low confidence";
    }
    return "Very low confidence";
  }

  private static ValidationScores randomScores(Random random) {
    Map<Timeframe, Double> timeframes = new EnumMap<>(Timeframe.class);
    for (Timeframe timeframe : Timeframe.values()) {
      if (random.nextInt(4) > 0) {
        timeframes.put(timeframe, edgy(random) * 2 - 1);
      }
    }
    Instant lastRetraining = AS_OF.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
    ValidationScores scores =
        ValidationScores.of(
                edgy(random), edgy(random), edgy(random), timeframes, lastRetraining, AS_OF)
            .withPersistentDriftDays(random.nextInt(15));
    if (random.nextBoolean()) {
      scores =
          scores.withSampleSizes(
              1 + random.nextInt(5000), 1 + random.nextInt(5000), 1 + random.nextInt(100));
    }
    return scores;
  }

  /** Uniform in [0, 1], with the ends 0 and 1 and the exact halves over-represented. */
  private static double edgy(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> 0.0;
      case 1 -> 1.0;
      case 2 -> random.nextInt(21) / 20.0;
      default -> random.nextDouble();
    };
  }
}
