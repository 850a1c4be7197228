package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.predictions.PredictionContext;
import dev.swiftbolt.predictions.PredictionResolution;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.validation.ProbabilityCorrect;
import dev.swiftbolt.validation.UnifiedPrediction;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationScores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReliabilityApiTest {

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static ValidationScores scoresAt(Instant asOf) {
    return new ValidationScores(
        0.80,
        0.70,
        0.70,
        Map.of(Timeframe.D1, 0.5, Timeframe.W1, 0.6, Timeframe.H1, -0.1),
        OptionalInt.of(250),
        OptionalInt.of(400),
        OptionalInt.of(30),
        Instant.parse("2026-11-01T00:00:00Z"),
        0,
        asOf);
  }

  @Test
  void reliability_counts_resolved_predictions_per_confidence_bucket() {
    UnifiedPredictionRepository repository = new UnifiedPredictionRepository(api.database.jdbi());
    Instant bar = Instant.parse("2026-11-02T14:30:00Z");
    // CRWD: three predictions at the same confidence; two came true, one did not.
    UnifiedPrediction p =
        new UnifiedValidator()
            .validate("CRWD", Direction.BULLISH, scoresAt(bar.plusSeconds(30_000)));
    for (int i = 0; i < 3; i++) {
      long id =
          repository.store(
              p,
              Optional.of("live"),
              Optional.empty(),
              List.of(),
              Optional.of(
                  new PredictionContext(
                      bar,
                      5,
                      ProbabilityCorrect.none(0, Optional.empty(), "only 0 resolved outcomes"),
                      Optional.empty())));
      Direction realized = i < 2 ? Direction.BULLISH : Direction.BEARISH;
      assertThat(
              repository.resolve(
                  id, new PredictionResolution(realized, i < 2, bar.plusSeconds(86_400 * 7))))
          .isTrue();
      assertThat(repository.resolve(id, new PredictionResolution(realized, i < 2, bar)))
          .as("resolving twice changes nothing")
          .isFalse();
    }
    var json = api.get("/api/v1/reliability?symbol=crwd&source=live", "reader").json();
    assertThat(json.get("predictions").asInt()).isEqualTo(3);
    var bucket = json.get("buckets").get(0);
    int b = (int) Math.floor(p.unifiedConfidence() * 10);
    assertThat(bucket.get("confidence_from").asDouble()).isCloseTo(b / 10.0, within(1e-12));
    assertThat(bucket.get("came_true").asInt()).isEqualTo(2);
    assertThat(bucket.get("hit_rate").asDouble()).isEqualTo(2 / 3.0);
    assertThat(json.get("ece_unified_confidence").asDouble())
        .isCloseTo(Math.abs(2 / 3.0 - p.unifiedConfidence()), within(1e-12));
    assertThat(json.get("ece_probability_correct").isNull()).isTrue();
    assertThat(api.get("/api/v1/reliability?source=nope", "reader").status()).isEqualTo(400);
    var stored = api.get("/api/v1/symbols/CRWD/prediction", "reader").json();
    assertThat(stored.get("correct").asBoolean()).isFalse();
    assertThat(stored.get("realized_direction").asText()).isEqualTo("BEARISH");
    assertThat(stored.get("probability_correct").isNull()).isTrue();
    assertThat(stored.get("probability_correct_reason").asText())
        .isEqualTo("only 0 resolved outcomes");
  }
}
