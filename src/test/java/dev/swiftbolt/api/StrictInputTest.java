package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON bodies need {@code Content-Type: application/json} and hold exactly one document; the
 * validator applies the ticker rule; query values are parsed strictly; input is quoted short and
 * escaped.
 */
class StrictInputTest {

  private static final String VALID =
      """
      {"symbol":"AAPL","direction":"BULLISH","backtesting_score":0.8,"walkforward_score":0.7,\
      "live_score":0.7,"last_retraining_date":"2026-11-01T00:00:00Z",\
      "as_of":"2026-11-27T21:00:00Z"}""";

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static ApiFixture.Reply post(String path, String contentType, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(api.uri(path))
            .header("Authorization", "Bearer " + api.token("strict"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return api.send(builder);
  }

  private static void assertError(ApiFixture.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("error").asText()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "text/plain", "application/x-www-form-urlencoded", "text/json"})
  void a_json_body_without_the_json_content_type_is_415(String contentType) {
    String type = contentType.isEmpty() ? null : contentType;
    assertError(
        post("/api/v1/watchlist", type, "{\"symbol\":\"AAPL\"}"), 415, "unsupported_media_type");
    assertError(post("/api/v1/validate", type, VALID), 415, "unsupported_media_type");
    assertThat(api.get("/api/v1/watchlist", "strict").json().get("symbols").size()).isZero();
  }

  @Test
  void the_json_content_type_with_a_utf_8_charset_is_accepted() {
    var reply = post("/api/v1/validate", "application/json; charset=UTF-8", VALID);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"symbol\":\"AAPL\"} xyz",
        "{\"symbol\":\"AAPL\"}{\"symbol\":\"MSFT\"}",
        "{\"symbol\":\"AAPL\"} 1"
      })
  void anything_after_the_json_document_is_400_invalid_json(String body) {
    assertError(post("/api/v1/watchlist", "application/json", body), 400, "invalid_json");
    assertError(
        post("/api/v1/validate", "application/json", VALID + body.substring(17)),
        400,
        "invalid_json");
    assertThat(api.get("/api/v1/watchlist", "strict").json().get("symbols").size()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0410APL", "' OR 1=1 --", "AAPL\n", "1AAPL"})
  void validate_refuses_symbols_outside_the_ticker_rule(String symbol) {
    String body = VALID.replace("\"AAPL\"", TextNode.valueOf(symbol).toString());
    var reply = post("/api/v1/validate", "application/json", body);
    assertError(reply, 400, "invalid_symbol");
    assertThat(reply.json().get("field").asText()).isEqualTo("symbol");
  }

  @Test
  void validate_refuses_a_1_kb_symbol_and_quotes_at_most_64_characters_of_it() {
    String body = VALID.replace("\"AAPL\"", "\"" + "A".repeat(1024) + "\"");
    var reply = post("/api/v1/validate", "application/json", body);
    assertError(reply, 400, "invalid_symbol");
    assertThat(reply.json().get("message").asText()).doesNotContain("A".repeat(65));
  }

  @Test
  void newlines_and_bidi_overrides_in_input_are_escaped_in_the_message() {
    String hostile = "X\nY\u202Egnp.exe" + "B".repeat(500);
    var reply =
        api.get(
            "/api/v1/jobs?status="
                + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8),
            "strict");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isIn("invalid_parameter", "invalid_status");
    String message = reply.json().get("message").asText();
    assertThat(message).doesNotContain("\n").doesNotContain("\u202E");
    assertThat(message).contains("\\u202E").doesNotContain("B".repeat(65));
    assertThat(message.length()).isLessThan(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "limit=5%00",
        "limit=%EF%BC%95",
        "limit=%2B5",
        "limit=%0A5",
        "offset=%D9%A3",
        "query=ap%00"
      })
  void query_values_are_ascii_digits_and_free_of_control_characters(String query) {
    var reply = api.getPublic("/api/v1/symbols?" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isIn("invalid_parameter", "invalid_query");
  }

  @Test
  void plain_ascii_numbers_in_the_query_still_work() {
    assertThat(api.getPublic("/api/v1/symbols?limit=5&offset=0").json().size()).isEqualTo(5);
  }
}
