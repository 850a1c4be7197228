package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.Forecast;
import dev.swiftbolt.ml.registry.ForecastRepository;
import dev.swiftbolt.symbols.SymbolRepository;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ForecastsApiTest {

  private static ApiFixture api;

  /** Stores a model row for AAPL D1 and two forecasts made with it; returns nothing. */
  static void seedForecasts(ApiFixture api, String symbol, Instant firstBar) {
    long symbolId = new SymbolRepository(api.database.jdbi()).require(symbol);
    long modelId =
        api.database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "INSERT INTO models (symbol_id, timeframe, algorithm, params, features,"
                                + " horizon_bars, train_from, train_to, trained_at, metrics,"
                                + " calibration_method, artifact_format, artifact, active)"
                                + " VALUES (:s, 'D1', 'test', '{}', '[]', 1, :from, :to, :to, '{}',"
                                + " 'none', 'test', '\\x00'::bytea, true) RETURNING id")
                        .bind("s", symbolId)
                        .bind("from", java.time.OffsetDateTime.parse("2020-01-01T00:00:00Z"))
                        .bind("to", java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z"))
                        .mapTo(Long.class)
                        .one());
    ForecastRepository forecasts = new ForecastRepository(api.database.jdbi());
    forecasts.store(
        modelId,
        symbolId,
        Timeframe.D1,
        new Forecast(firstBar, 1, Direction.BULLISH, 0.6, 0.3, 0.1, 0.5),
        firstBar.plusSeconds(60),
        true);
    Instant second = firstBar.plusSeconds(86_400);
    forecasts.store(
        modelId,
        symbolId,
        Timeframe.D1,
        new Forecast(second, 1, Direction.BEARISH, 0.1, 0.2, 0.7, -0.6),
        second.plusSeconds(60),
        true);
  }

  @BeforeAll
  static void start() {
    api = new ApiFixture();
    seedForecasts(api, "AAPL", Instant.parse("2024-03-04T14:30:00Z"));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void forecasts_come_newest_bar_first_with_probabilities_and_score() {
    var reply = api.get("/api/v1/symbols/aapl/forecasts?timeframe=D1", "f-user");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode list = reply.json().get("forecasts");
    assertThat(list.size()).isEqualTo(2);
    JsonNode newest = list.get(0);
    assertThat(newest.get("bar_ts").asText()).isEqualTo("2024-03-05T14:30:00Z");
    assertThat(newest.get("direction").asText()).isEqualTo("BEARISH");
    assertThat(newest.get("p_bear").asDouble()).isEqualTo(0.7);
    assertThat(newest.get("score").asDouble()).isEqualTo(-0.6);
    assertThat(list.get(1).get("direction").asText()).isEqualTo("BULLISH");
  }

  @Test
  void limit_and_timeframe_filter_the_list() {
    var one = api.get("/api/v1/symbols/AAPL/forecasts?timeframe=D1&limit=1", "f-user");
    assertThat(one.json().get("forecasts").size()).isEqualTo(1);
    var h1 = api.get("/api/v1/symbols/AAPL/forecasts?timeframe=H1", "f-user");
    assertThat(h1.json().get("forecasts").size()).isZero();
  }

  @Test
  void bad_parameters_are_400_and_unknown_symbols_404() {
    var noTf = api.get("/api/v1/symbols/AAPL/forecasts", "f-user");
    assertThat(noTf.status()).isEqualTo(400);
    assertThat(noTf.json().get("field").asText()).isEqualTo("timeframe");
    var limit = api.get("/api/v1/symbols/AAPL/forecasts?timeframe=D1&limit=5000", "f-user");
    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.json().get("field").asText()).isEqualTo("limit");
    assertThat(api.get("/api/v1/symbols/ZZZZ/forecasts?timeframe=D1", "f-user").status())
        .isEqualTo(404);
    assertThat(api.getPublic("/api/v1/symbols/AAPL/forecasts?timeframe=D1").status())
        .isEqualTo(401);
  }
}
