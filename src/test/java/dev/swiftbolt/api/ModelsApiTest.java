package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.models.MajorityModel;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.NewModel;
import dev.swiftbolt.ml.registry.ModelRegistry;
import dev.swiftbolt.ml.registry.ModelStatus;
import dev.swiftbolt.ml.registry.Registration;
import dev.swiftbolt.symbols.SymbolRepository;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelsApiTest {
  private static final Instant T0 = Instant.parse("2025-01-06T14:30:00Z");
  private static ApiFixture api;
  private static long first;
  private static long champion;
  private static long rejected;

  private static NewModel model(long symbolId, Instant trainedAt, String metrics) {
    return new NewModel(
        symbolId,
        Timeframe.D1,
        ModelKind.MAJORITY,
        "{}",
        FeatureBuilder.FEATURE_NAMES,
        5,
        T0.minusSeconds(86_400 * 400L),
        T0,
        trainedAt,
        metrics,
        "none",
        new double[0],
        new MajorityModel(new double[] {0.4, 0.3, 0.3}).toBytes());
  }

  @BeforeAll
  static void start() {
    api = new ApiFixture();
    long symbolId = new SymbolRepository(api.database.jdbi()).require("AAPL");
    ModelRegistry registry = new ModelRegistry(api.database.jdbi());
    first = registry.register(model(symbolId, T0, "{\"walkforward\":{\"accuracy\":0.41}}"));
    champion =
        registry.register(
            model(symbolId, T0.plusSeconds(86_400 * 7L), "{}"),
            new Registration(
                Forecaster.PERSISTENCE,
                Optional.of(
                    "{\"model_accuracy\":0.35,\"best_naive\":\"persistence\","
                        + "\"best_naive_accuracy\":0.44,\"n\":250,\"p_value\":0.41}"),
                ModelStatus.CHAMPION,
                Optional.of("promoted: the champion has only 4 resolved forecasts")));
    rejected =
        registry.register(
            model(symbolId, T0.plusSeconds(86_400 * 14L), "{\"walkforward\":{\"accuracy\":0.3}}"),
            new Registration(
                Forecaster.XGBOOST,
                Optional.empty(),
                ModelStatus.REJECTED,
                Optional.of("rejected: walk-forward 0.300 vs champion's out-of-sample 0.450")));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void models_come_newest_first_with_forecaster_status_reason_and_lineage() {
    var reply = api.get("/api/v1/symbols/aapl/models?timeframes=D1", "m-user");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode models = reply.json().get("models");
    assertThat(models.size()).isEqualTo(3);
    JsonNode newest = models.get(0);
    assertThat(newest.get("id").asLong()).isEqualTo(rejected);
    assertThat(newest.get("status").asText()).isEqualTo("rejected");
    assertThat(newest.get("forecaster").asText()).isEqualTo("xgboost");
    assertThat(newest.get("walkforward_accuracy").asDouble()).isEqualTo(0.3);
    assertThat(newest.get("reason").asText()).startsWith("rejected: walk-forward 0.300");
    assertThat(newest.get("parent_model_id").asLong()).isEqualTo(champion);
    JsonNode current = models.get(1);
    assertThat(current.get("status").asText()).isEqualTo("champion");
    assertThat(current.get("forecaster").asText()).isEqualTo("persistence");
    assertThat(current.get("walkforward_accuracy").asDouble()).isEqualTo(0.44);
    JsonNode oldest = models.get(2);
    assertThat(oldest.get("id").asLong()).isEqualTo(first);
    assertThat(oldest.get("status").asText()).isEqualTo("retired");
    assertThat(oldest.get("parent_model_id").isNull()).isTrue();
  }

  @Test
  void other_timeframes_have_no_models_and_an_unknown_timeframe_is_refused() {
    var h1 = api.get("/api/v1/symbols/AAPL/models?timeframes=H1", "m-user");
    assertThat(h1.json().get("models").size()).isZero();
    assertThat(api.get("/api/v1/symbols/AAPL/models?timeframes=D2", "m-user").status())
        .isEqualTo(400);
  }
}
