package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No method override, 405 with {@code Allow}, CONNECT and TRACE refused at once, one {@code
 * Authorization} header only, and the web server's own errors in JSON.
 */
class MethodsAndHeadersTest {

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static void assertError(RawHttp.Response reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().get("error").asText()).isEqualTo(code);
    assertThat(reply.json().get("message").asText()).isNotBlank();
  }

  @Test
  void a_get_with_x_http_method_override_delete_changes_nothing() {
    api.post("/api/v1/watchlist", "override", "{\"symbol\":\"MSFT\"}");
    var reply =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/watchlist/MSFT"))
                .header("Authorization", "Bearer " + api.token("override"))
                .header("X-HTTP-Method-Override", "DELETE")
                .GET());
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("bad_request");
    assertThat(api.get("/api/v1/watchlist", "override").json().get("symbols").toString())
        .contains("MSFT");
  }

  @Test
  void an_unsupported_method_on_a_route_is_405_with_allow() {
    var reply =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/watchlist"))
                .header("Authorization", "Bearer " + api.token("override"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(reply.status()).as(reply.body()).isEqualTo(405);
    assertThat(reply.json().get("error").asText()).isEqualTo("method_not_allowed");
    assertThat(reply.raw().headers().firstValue("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow.split(",\\s*")).contains("GET", "POST"));
    var delete = api.send(HttpRequest.newBuilder(api.uri("/api/v1/health")).DELETE());
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.raw().headers().firstValue("Allow").orElse("")).contains("GET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONNECT localhost:5432", "TRACE /api/v1/health", "TRACE *"})
  void connect_and_trace_are_refused_at_once(String requestLine) {
    long start = System.nanoTime();
    try (RawHttp http = new RawHttp(api.server.port(), 5_000)) {
      http.send(requestLine + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
      RawHttp.Response reply = http.read();
      assertThat(reply.status()).as(reply.body()).isIn(400, 405);
      assertThat(reply.header("Content-Type")).startsWith("application/json");
      assertThat(reply.json().get("error").asText()).isIn("method_not_allowed", "bad_request");
    }
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000L);
  }

  @Test
  void two_authorization_headers_are_400() {
    try (RawHttp http = new RawHttp(api.server.port(), 5_000)) {
      http.send(
          "GET /api/v1/watchlist HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + api.token("first")
              + "\r\nAuthorization: Bearer "
              + api.token("second")
              + "\r\n\r\n");
      assertError(http.read(), 400, "bad_request");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/%zz",
        "/api/v1/symbols/%00/bars",
        "/api/v1/symbols/..%2F..%2Fetc/bars",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/api/v1/watchlist/A%c0%afB"
      })
  void bad_encodings_in_the_path_get_a_json_4xx(String path) {
    try (RawHttp http = new RawHttp(api.server.port(), 5_000)) {
      http.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
      RawHttp.Response reply = http.read();
      assertThat(reply.status()).as(reply.body()).isBetween(400, 405);
      assertThat(reply.header("Content-Type")).startsWith("application/json");
      assertThat(reply.json().get("message").asText()).isNotBlank();
    }
  }

  @Test
  void a_10_kb_query_is_414_in_json() {
    try (RawHttp http = new RawHttp(api.server.port(), 5_000)) {
      http.send("GET /api/v1/symbols?query=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertError(http.read(), 414, "uri_too_long");
    }
  }

  @Test
  void a_100_kb_header_is_431_in_json() {
    try (RawHttp http = new RawHttp(api.server.port(), 5_000)) {
      http.send(
          "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n");
      assertError(http.read(), 431, "headers_too_large");
    }
  }
}
