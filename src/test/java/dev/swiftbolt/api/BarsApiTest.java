package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarRepository;
import dev.swiftbolt.symbols.SymbolRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarsApiTest {

  private static ApiFixture api;

  /** Five daily bars, Monday 2024-03-04 to Friday 2024-03-08, opening at 14:30 UTC. */
  private static List<Bar> week() {
    List<Bar> bars = new ArrayList<>();
    for (int day = 0; day < 5; day++) {
      double open = 100 + day;
      bars.add(
          new Bar(
              Instant.parse("2024-03-04T14:30:00Z").plusSeconds(86_400L * day),
              open,
              open + 2,
              open - 1,
              open + 1,
              1_000 + day));
    }
    return bars;
  }

  @BeforeAll
  static void start() {
    api = new ApiFixture();
    SymbolRepository symbols = new SymbolRepository(api.database.jdbi());
    BarRepository bars = new BarRepository(api.database.jdbi());
    bars.upsert(symbols.require("AAPL"), Timeframe.D1, BarRepository.SIMULATED, week());
    bars.upsert(symbols.require("MSFT"), Timeframe.D1, "csv", week());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static JsonNode bars(String query) {
    var reply = api.get("/api/v1/symbols/" + query, "chart-user");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  @Test
  void bars_come_oldest_first_and_simulated_bars_are_flagged() {
    JsonNode body = bars("aapl/bars?timeframe=d1&from=2024-03-01&to=2024-03-31");
    assertThat(body.get("symbol").asText()).isEqualTo("AAPL");
    assertThat(body.get("timeframe").asText()).isEqualTo("D1");
    assertThat(body.get("simulated").asBoolean()).isTrue();
    assertThat(body.get("count").asInt()).isEqualTo(5);
    JsonNode first = body.get("bars").get(0);
    assertThat(first.get("ts").asText()).isEqualTo("2024-03-04T14:30:00Z");
    assertThat(first.get("open").asDouble()).isEqualTo(100.0);
    assertThat(first.get("high").asDouble()).isEqualTo(102.0);
    assertThat(first.get("low").asDouble()).isEqualTo(99.0);
    assertThat(first.get("close").asDouble()).isEqualTo(101.0);
    assertThat(first.get("source").asText()).isEqualTo("sim");
    assertThat(body.get("bars").get(4).get("ts").asText()).isEqualTo("2024-03-08T14:30:00Z");
  }

  @Test
  void real_bars_are_not_flagged_simulated() {
    assertThat(
            bars("MSFT/bars?timeframe=D1&from=2024-03-01&to=2024-03-31")
                .get("simulated")
                .asBoolean())
        .isFalse();
  }

  @Test
  void a_plain_date_as_to_includes_that_day_and_an_instant_excludes_itself() {
    assertThat(bars("AAPL/bars?timeframe=D1&from=2024-03-05&to=2024-03-07").get("count").asInt())
        .isEqualTo(3);
    assertThat(
            bars("AAPL/bars?timeframe=D1&from=2024-03-05T14:30:00Z&to=2024-03-07T14:30:00Z")
                .get("count")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void no_bars_is_an_empty_list_not_an_error() {
    JsonNode body = bars("NVDA/bars?timeframe=W1");
    assertThat(body.get("count").asInt()).isZero();
    assertThat(body.get("simulated").asBoolean()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AAPL/bars|400|missing_parameter|timeframe",
        "AAPL/bars?timeframe=D2|400|invalid_timeframe|timeframe",
        "AAPL/bars?timeframe=D1%27%3B--|400|invalid_timeframe|timeframe",
        "AAPL/bars?timeframe=D1&from=yesterday|400|invalid_date|from",
        "AAPL/bars?timeframe=D1&from=2024-02-30|400|invalid_date|from",
        "AAPL/bars?timeframe=D1&to=1900-01-01|400|invalid_date|to",
        "AAPL/bars?timeframe=D1&from=2024-03-08&to=2024-03-01|400|invalid_range|from",
        "AAPL/bars?timeframe=M15&from=1970-01-01&to=2099-12-31|400|range_too_large|from",
        "AAPL/bars?timeframe=D1&from=1970-01-01&to=2099-12-31|400|range_too_large|from",
        "ZZZZ/bars?timeframe=D1|404|unknown_symbol|symbol",
        "%3Cscript%3E/bars?timeframe=D1|400|invalid_symbol|symbol"
      })
  void bad_parameters_are_4xx_naming_the_parameter(
      String query, int status, String code, String field) {
    var reply = api.get("/api/v1/symbols/" + query, "chart-user");
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("error").asText()).isEqualTo(code);
    assertThat(reply.json().get("field").asText()).isEqualTo(field);
    assertThat(reply.json().get("message").asText()).isNotBlank();
  }

  @Test
  void the_range_message_says_how_many_bars_are_allowed() {
    var reply =
        api.get("/api/v1/symbols/AAPL/bars?timeframe=M15&from=2000-01-01&to=2024-01-01", "u");
    assertThat(reply.json().get("message").asText()).contains("at most 10000 bars per request");
  }

  @Test
  void bars_need_a_token() {
    assertThat(api.getPublic("/api/v1/symbols/AAPL/bars?timeframe=D1").status()).isEqualTo(401);
  }
}
