package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.predictions.ValidationJson;
import dev.swiftbolt.validation.Baseline;
import dev.swiftbolt.validation.PredictionBaselines;
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

class PredictionApiTest {

  private static ApiFixture api;
  private static UnifiedPrediction stored;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
    Instant asOf = Instant.parse("2026-11-27T21:00:00Z");
    UnifiedPredictionRepository repository = new UnifiedPredictionRepository(api.database.jdbi());
    repository.store(
        new UnifiedValidator()
            .validate("AAPL", Direction.BULLISH, scoresAt(asOf.minusSeconds(86_400))));
    stored = new UnifiedValidator().validate("AAPL", Direction.BULLISH, scoresAt(asOf));
    repository.store(stored);
    // as the pipeline stores it: with the live-score source and the evaluation's baselines
    repository.store(
        new UnifiedValidator().validate("NVDA", Direction.BEARISH, scoresAt(asOf)),
        Optional.of("live"),
        Optional.of(
            new PredictionBaselines(
                Baseline.strongest(Map.of("majority", 0.24, "persistence", 0.30)),
                Baseline.strongest(Map.of("majority", 0.40, "persistence", 0.45)),
                Baseline.strongest(Map.of("majority", 0.37, "persistence", 0.33)))));
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

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void the_latest_prediction_is_served_with_every_field_of_the_validator() throws Exception {
    var reply = api.get("/api/v1/symbols/aapl/prediction", "reader");
    assertThat(reply.status()).isEqualTo(200);
    ObjectNode expected = (ObjectNode) Json.mapper().readTree(new ValidationJson().toJson(stored));
    // stored without an evaluation: the source of live_score and the baselines are unknown
    expected.putNull("live_score_source");
    for (String measure : List.of("backtesting", "walkforward", "live")) {
      expected.putNull(measure + "_baseline_accuracy");
      expected.putNull(measure + "_baseline_name");
      expected.putNull(measure + "_baselines");
    }
    // the scores came from outside: no timeframe is named missing
    expected.putArray("missing_timeframes");
    // nor a forecast bar to resolve against, a probability_correct or a feature drift
    for (String field :
        List.of(
            "realized_direction",
            "correct",
            "resolved_at",
            "probability_correct",
            "probability_correct_n",
            "probability_correct_ci_low",
            "probability_correct_ci_high",
            "probability_correct_source",
            "probability_correct_reason",
            "feature_drift",
            "feature_drift_top")) {
      expected.putNull(field);
    }
    expected.putObject("timeframe_forecasters");
    assertThat(reply.json()).isEqualTo(expected);
    assertThat(reply.json().get("timestamp").asText()).isEqualTo("2026-11-27T21:00:00Z");
    assertThat(reply.json().get("live_n").asInt()).isEqualTo(30);
    assertThat(reply.json().has("backtesting_ci_low")).isTrue();
    assertThat(reply.json().has("overfit_explanation")).isTrue();
  }

  @Test
  void the_breakdown_carries_each_scores_naive_baseline_with_its_name() {
    var json = api.get("/api/v1/symbols/NVDA/prediction", "reader").json();
    // the training majority scored 24 % on the backtest rows and persistence 30 %: the bar is
    // chance
    assertThat(json.get("backtesting_baseline_accuracy").asDouble()).isEqualTo(1 / 3.0);
    assertThat(json.get("backtesting_baseline_name").asText()).isEqualTo("chance");
    assertThat(json.get("backtesting_baselines").get("majority").asDouble()).isEqualTo(0.24);
    assertThat(json.get("walkforward_baseline_accuracy").asDouble()).isEqualTo(0.45);
    assertThat(json.get("walkforward_baseline_name").asText()).isEqualTo("persistence");
    assertThat(json.get("live_baseline_name").asText()).isEqualTo("majority");
    assertThat(json.get("live_baselines").get("persistence").asDouble()).isEqualTo(0.33);
    assertThat(json.get("live_score_source").asText()).isEqualTo("live");
  }

  @Test
  void a_registered_symbol_without_a_prediction_is_404_no_prediction_saying_run_the_pipeline() {
    var reply = api.get("/api/v1/symbols/MSFT/prediction", "reader");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("error").asText()).isEqualTo("no_prediction");
    assertThat(reply.json().get("message").asText()).contains("run the pipeline");
  }

  @Test
  void unknown_and_invalid_symbols_are_404_and_400() {
    assertThat(api.get("/api/v1/symbols/ZZZZ/prediction", "reader").json().get("error").asText())
        .isEqualTo("unknown_symbol");
    var invalid = api.get("/api/v1/symbols/%27OR1%3D1/prediction", "reader");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("error").asText()).isEqualTo("invalid_symbol");
  }

  @Test
  void the_prediction_needs_a_token() {
    assertThat(api.getPublic("/api/v1/symbols/AAPL/prediction").status()).isEqualTo(401);
  }

  private static final String VALID =
      "{\"symbol\":\"AAPL\",\"direction\":\"BULLISH\",\"backtesting_score\":0.80,"
          + "\"walkforward_score\":0.70,\"live_score\":0.70,"
          + "\"last_retraining_date\":\"2026-11-01T00:00:00Z\",\"as_of\":\"2026-11-27T21:00:00Z\"}";

  @Test
  void validate_runs_the_validator_on_one_object_and_stores_nothing() {
    var reply = api.post("/api/v1/validate", "validator", VALID);
    assertThat(reply.status()).isEqualTo(200);
    // base = 0.40·0.80 + 0.35·0.70 + 0.25·0.70 = 0.32 + 0.245 + 0.175 = 0.74; drift |0.8−0.7|/0.8 =
    // 0.125 (none); no timeframes, so no conflict and no alignment bonus: unified = base
    assertThat(reply.json().get("base_confidence").asDouble()).isCloseTo(0.74, within(1e-12));
    assertThat(reply.json().get("unified_confidence").asDouble()).isCloseTo(0.74, within(1e-12));
    assertThat(reply.json().get("recommendation").asText())
        .isEqualTo("Moderate confidence - trade with normal risk");
    long rows =
        api.database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM unified_predictions")
                        .mapTo(Long.class)
                        .one());
    // the three stored in start(), none by validate
    assertThat(rows).isEqualTo(3);
  }

  @Test
  void validate_refuses_bad_input_naming_the_field() {
    var outOfRange = api.post("/api/v1/validate", "validator", VALID.replace("0.80", "1.5"));
    assertThat(outOfRange.status()).isEqualTo(400);
    assertThat(outOfRange.json().get("field").asText()).isEqualTo("backtesting_score");
    var direction = api.post("/api/v1/validate", "validator", VALID.replace("BULLISH", "SIDEWAYS"));
    assertThat(direction.status()).isEqualTo(400);
    assertThat(direction.json().get("field").asText()).isEqualTo("direction");
    var badJson = api.post("/api/v1/validate", "validator", "{\"symbol\":");
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.json().get("error").asText()).isEqualTo("invalid_json");
    var unknown = api.post("/api/v1/validate", "validator", VALID.replace("{", "{\"extra\":1,"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("message").asText()).contains("unknown field 'extra'");
  }
}
