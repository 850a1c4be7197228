package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and malformed input gets a 4xx with a message, never a 500, and changes nothing. */
class HostileInputTest {

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static void assertClientError(ApiFixture.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("error").asText()).isEqualTo(code);
    assertThat(reply.json().get("message").asText()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AAPL'; DROP TABLE symbols; --",
        "' OR '1'='1",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "AAPL\u0000",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "1AAPL",
        ""
      })
  void injection_shaped_symbols_in_the_body_are_400_invalid_symbol(String symbol) {
    String json =
        "{\"symbol\": " + com.fasterxml.jackson.databind.node.TextNode.valueOf(symbol) + "}";
    var reply = api.post("/api/v1/watchlist", "hostile", json);
    assertClientError(reply, 400, "invalid_symbol");
    assertThat(reply.json().get("field").asText()).isEqualTo("symbol");
    assertThat(api.get("/api/v1/watchlist", "hostile").json().get("symbols").size()).isZero();
    assertThat(api.getPublic("/api/v1/symbols").json().size()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AAPL'; DROP TABLE symbols; --", "<b>x</b>", "A%20B", "..%2F..%2Fetc"})
  void injection_shaped_symbols_in_the_path_are_4xx_with_a_message(String symbol) {
    String encoded = URLEncoder.encode(symbol, StandardCharsets.UTF_8).replace("+", "%20");
    var reply = api.delete("/api/v1/watchlist/" + encoded, "hostile");
    assertThat(reply.status()).isBetween(400, 404);
    assertThat(reply.json().get("message").asText()).isNotBlank();
  }

  @Test
  void a_well_formed_but_unknown_symbol_is_404() {
    var reply = api.post("/api/v1/watchlist", "hostile", "{\"symbol\":\"ZZZZ\"}");
    assertClientError(reply, 404, "unknown_symbol");
    assertClientError(api.get("/api/v1/jobs?symbol=ZZZZ", "hostile"), 404, "unknown_symbol");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "not json", "[\"AAPL\"]", "\"AAPL\"", "null", "{\"symbol\": }"})
  void bad_json_bodies_are_400_invalid_json(String body) {
    assertClientError(api.post("/api/v1/watchlist", "hostile", body), 400, "invalid_json");
  }

  @Test
  void an_empty_body_is_400() {
    assertClientError(api.post("/api/v1/watchlist", "hostile", ""), 400, "invalid_json");
  }

  @Test
  void a_body_with_an_unknown_field_or_wrong_type_is_400_naming_the_field() {
    var unknown =
        api.post("/api/v1/watchlist", "hostile", "{\"symbol\":\"AAPL\",\"user_id\":\"bob\"}");
    assertClientError(unknown, 400, "unknown_field");
    assertThat(unknown.json().get("field").asText()).isEqualTo("user_id");
    var number = api.post("/api/v1/watchlist", "hostile", "{\"symbol\":42}");
    assertClientError(number, 400, "invalid_field");
    var missing = api.post("/api/v1/watchlist", "hostile", "{}");
    assertClientError(missing, 400, "missing_field");
  }

  @Test
  void a_huge_body_is_413_with_a_message() {
    String huge = "{\"symbol\":\"" + "A".repeat(200_000) + "\"}";
    var reply = api.post("/api/v1/watchlist", "hostile", huge);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().get("message").asText()).isNotBlank();
  }

  @Test
  void bad_job_parameters_are_400_naming_the_parameter() {
    var status = api.get("/api/v1/jobs?status=exploded", "hostile");
    assertClientError(status, 400, "invalid_status");
    assertThat(status.json().get("field").asText()).isEqualTo("status");
    assertClientError(api.get("/api/v1/jobs?limit=abc", "hostile"), 400, "invalid_parameter");
    assertClientError(api.get("/api/v1/jobs?limit=100000", "hostile"), 400, "invalid_parameter");
    assertClientError(api.get("/api/v1/jobs?limit=0", "hostile"), 400, "invalid_parameter");
  }

  @Test
  void unknown_routes_are_404_json_and_wrong_methods_are_4xx() {
    assertClientError(api.get("/api/v1/nothing-here", "hostile"), 404, "not_found");
    var put =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/watchlist"))
                .header("Authorization", "Bearer " + api.token("hostile"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(put.status()).isBetween(404, 405);
  }
}
