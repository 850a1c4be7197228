package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.swiftbolt.symbols.FakeAlpacaAssets;
import dev.swiftbolt.symbols.SymbolRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** {@code GET /api/v1/symbols} and tracking any ticker through the API, with a fake Alpaca. */
class SymbolsApiTest {

  private static FakeAlpacaAssets alpaca;
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    alpaca = new FakeAlpacaAssets();
    api = new ApiFixture(Optional.of(alpaca.client()));
    for (Map<String, Object> asset : FakeAlpacaAssets.REALISTIC) {
      alpaca.serveOne(asset);
    }
  }

  @AfterAll
  static void stop() {
    api.close();
    alpaca.close();
  }

  private static List<String> symbols(ApiFixture.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().isArray()).isTrue();
    List<String> out = new ArrayList<>();
    reply.json().forEach(s -> out.add(s.get("symbol").asText()));
    return out;
  }

  private static List<Map<String, Object>> database() {
    return api.database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT 'symbol' AS t, symbol AS k, active::text AS v FROM symbols"
                            + " UNION ALL SELECT 'tracking', user_id, symbol_id::text"
                            + " FROM user_symbol_tracking"
                            + " UNION ALL SELECT 'job', job_type, symbol_id::text FROM forecast_jobs"
                            + " ORDER BY 1, 2, 3")
                    .mapToMap()
                    .list());
  }

  @Test
  void the_search_answers_an_array_of_summaries_best_match_first() {
    var reply = api.getPublic("/api/v1/symbols?query=ms&limit=5");
    assertThat(symbols(reply)).first().isEqualTo("MSFT");
    var first = reply.json().get(0);
    assertThat(first.get("name").asText()).isEqualTo("Microsoft Corporation");
    assertThat(first.get("exchange").asText()).isEqualTo("NASDAQ");
    assertThat(first.get("asset_class").asText()).isEqualTo("equity");
    assertThat(first.get("active").asBoolean()).isTrue();
    assertThat(first.size()).isEqualTo(5);
    // "micro" starts a word of Microsoft and of Advanced Micro Devices; the shorter ticker first
    assertThat(symbols(api.getPublic("/api/v1/symbols?query=micro")))
        .containsExactly("AMD", "MSFT");
  }

  @Test
  void without_a_query_the_registry_is_listed_a_page_at_a_time() {
    List<String> all = symbols(api.getPublic("/api/v1/symbols?limit=100"));
    assertThat(all).contains("AAPL", "AMD", "CRWD", "GOOGL", "META", "MSFT").isSorted();
    assertThat(symbols(api.getPublic("/api/v1/symbols"))).hasSize(Math.min(20, all.size()));
    assertThat(symbols(api.getPublic("/api/v1/symbols?limit=3"))).isEqualTo(all.subList(0, 3));
    assertThat(symbols(api.getPublic("/api/v1/symbols?limit=3&offset=3")))
        .isEqualTo(all.subList(3, 6));
    var tooMany = api.getPublic("/api/v1/symbols?limit=101");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("field").asText()).isEqualTo("limit");
    assertThat(api.getPublic("/api/v1/symbols?offset=-1").status()).isEqualTo(400);
    var noLetters = api.getPublic("/api/v1/symbols?query=%25%25");
    assertThat(noLetters.status()).isEqualTo(400);
    assertThat(noLetters.json().get("error").asText()).isEqualTo("invalid_query");
  }

  @Test
  void an_unknown_ticker_that_alpaca_lists_is_registered_and_tracked() {
    var reply = api.post("/api/v1/watchlist", "newbie", "{\"symbol\": \"orcl\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    assertThat(reply.json().get("message").asText()).isEqualTo("Added and backfilling ORCL…");
    assertThat(reply.json().get("jobs").size()).isEqualTo(2);
    var registered = new SymbolRepository(api.database.jdbi()).find("ORCL").orElseThrow();
    assertThat(registered.name()).isEqualTo("Oracle Corporation Common Stock");
    assertThat(registered.exchange()).isEqualTo("NYSE");
    assertThat(symbols(api.getPublic("/api/v1/symbols?query=oracle"))).containsExactly("ORCL");

    var classShare = api.post("/api/v1/watchlist", "newbie", "{\"symbol\": \" brk/b \"}");
    assertThat(classShare.status()).as(classShare.body()).isEqualTo(202);
    assertThat(classShare.json().get("symbol").asText()).isEqualTo("BRK.B");
  }

  @Test
  void tickers_alpaca_does_not_list_as_active_are_404_naming_symbols_add_and_sync() {
    List<Map<String, Object>> before = database();
    for (String symbol : List.of("NOSUCH", "DEADCO")) {
      var reply = api.post("/api/v1/watchlist", "newbie2", "{\"symbol\": \"" + symbol + "\"}");
      assertThat(reply.status()).as(reply.body()).isEqualTo(404);
      assertThat(reply.json().get("error").asText()).isEqualTo("unknown_symbol");
      assertThat(reply.json().get("message").asText())
          .contains("swiftbolt symbols add " + symbol)
          .contains("swiftbolt symbols sync");
    }
    assertThat(database()).isEqualTo(before);
  }

  @Test
  void an_inactive_registered_symbol_is_refused_with_409() {
    api.database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO symbols (symbol, name, exchange, active)"
                        + " VALUES ('GONE', 'Gone Inc.', 'NYSE', false)"));
    var reply = api.post("/api/v1/watchlist", "newbie3", "{\"symbol\": \"gone\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(409);
    assertThat(reply.json().get("error").asText()).isEqualTo("inactive_symbol");
    assertThat(reply.json().get("message").asText()).contains("GONE is inactive");
    assertThat(api.get("/api/v1/watchlist", "newbie3").json().get("symbols").size()).isZero();
  }

  @ParameterizedTest
  @FieldSource("dev.swiftbolt.symbols.RefusedTickers#FORMS")
  void every_refused_ticker_form_is_400_naming_the_rule_and_changes_nothing(String form) {
    List<Map<String, Object>> before = database();
    int alpacaRequests = alpaca.server().getAllServeEvents().size();
    var reply =
        api.post("/api/v1/watchlist", "refused", "{\"symbol\": " + TextNode.valueOf(form) + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_symbol");
    assertThat(reply.json().get("message").asText()).contains("must match");
    if (!form.isBlank()) {
      String path = URLEncoder.encode(form, StandardCharsets.UTF_8).replace("+", "%20");
      var delete = api.delete("/api/v1/watchlist/" + path, "refused");
      assertThat(delete.status()).as(delete.body()).isEqualTo(400);
    }
    assertThat(database()).isEqualTo(before);
    // no request of any kind reached Alpaca, however the ticker would have been encoded
    assertThat(alpaca.server().getAllServeEvents()).hasSize(alpacaRequests);
  }

  @Test
  void an_unknown_ticker_alpaca_lists_as_not_tradable_is_refused_with_409_and_not_registered() {
    List<Map<String, Object>> before = database();
    var reply = api.post("/api/v1/watchlist", "newbie4", "{\"symbol\": \"notrade\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(409);
    assertThat(reply.json().get("error").asText()).isEqualTo("inactive_symbol");
    assertThat(reply.json().get("message").asText())
        .contains("NOTRADE is listed by")
        .contains("not tradable");
    assertThat(database()).isEqualTo(before);
    assertThat(api.get("/api/v1/watchlist", "newbie4").json().get("symbols").size()).isZero();
  }
}
