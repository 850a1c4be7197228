package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies are bounded however they are framed, conflicting framing is refused before any handler,
 * and a body that never completes is a 400: hand-built requests over a real socket.
 */
class RequestFramingTest {

  private static final int LIMIT = 64 * 1024;

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private RawHttp connect() {
    return new RawHttp(api.server.port(), 20_000);
  }

  private String head(String method, String path, String... headers) {
    return method
        + " "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + api.token("framing")
        + "\r\n"
        + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList())
        + "\r\n";
  }

  private static byte[] chunk(int size) {
    byte[] data = new byte[size];
    java.util.Arrays.fill(data, (byte) ' ');
    byte[] prefix = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[prefix.length + size + 2];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(data, 0, out, prefix.length, size);
    out[out.length - 2] = '\r';
    out[out.length - 1] = '\n';
    return out;
  }

  private static void assertError(RawHttp.Response reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().get("error").asText()).isEqualTo(code);
    assertThat(reply.json().get("message").asText()).isNotBlank();
  }

  @Test
  void a_chunked_body_over_64_kib_is_413_body_too_large_and_the_read_stops() {
    try (RawHttp http = connect()) {
      http.send(
          head(
              "POST",
              "/api/v1/validate",
              "Content-Type: application/json",
              "Transfer-Encoding: chunked"));
      http.send(chunk(LIMIT / 2)).send(chunk(LIMIT / 2)).send(chunk(1));
      RawHttp.Response reply = http.read();
      assertError(reply, 413, "body_too_large");
      // the answer ends the exchange: the server closes the connection (and discards what follows)
      assertThat(reply.header("Connection")).isEqualTo("close");
      assertThat(http.closedByServer()).as("connection closed after the 413").isTrue();
    }
  }

  @Test
  void a_chunked_body_of_exactly_64_kib_is_read_and_judged_on_its_content() {
    try (RawHttp http = connect()) {
      http.send(
          head(
              "POST",
              "/api/v1/validate",
              "Content-Type: application/json",
              "Transfer-Encoding: chunked"));
      http.send(chunk(LIMIT)).send("0\r\n\r\n");
      // 64 KiB of spaces is within the limit and is not JSON
      assertError(http.read(), 400, "invalid_json");
    }
  }

  @Test
  void a_content_length_over_64_kib_is_413_body_too_large_before_the_body_is_read() {
    long start = System.nanoTime();
    try (RawHttp http = connect()) {
      http.send(
          head(
              "POST",
              "/api/v1/watchlist",
              "Content-Type: application/json",
              "Content-Length: " + (LIMIT + 1)));
      assertError(http.read(), 413, "body_too_large");
    }
    assertThat((System.nanoTime() - start) / 1_000_000)
        .as("answered on the headers")
        .isLessThan(2_000L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length: 2\r\nTransfer-Encoding: chunked",
        "Content-Length: 2\r\nContent-Length: 3",
        "Content-Length: -1",
        "Content-Length: 1e3"
      })
  void conflicting_or_malformed_framing_is_400_bad_request_in_json(String framing) {
    try (RawHttp http = connect()) {
      http.send(
          head("POST", "/api/v1/watchlist", "Content-Type: application/json", framing) + "{}\r\n");
      assertError(http.read(), 400, "bad_request");
    }
    assertThat(api.get("/api/v1/watchlist", "framing").json().get("symbols").size()).isZero();
  }

  @Test
  void a_body_that_stops_short_of_its_content_length_is_400_not_500() {
    long start = System.nanoTime();
    try (RawHttp http = connect()) {
      http.send(
          head(
              "POST",
              "/api/v1/watchlist",
              "Content-Type: application/json",
              "Content-Length: 100"));
      http.send("{\"symbol\":");
      RawHttp.Response reply = http.read();
      assertError(reply, 400, "bad_request");
      assertThat(reply.json().get("message").asText()).contains("10 of 100 bytes");
    }
    // the read timeout is 10 s: answered after it, well before Jetty's 30 s default
    assertThat((System.nanoTime() - start) / 1_000_000).isBetween(9_000L, 15_000L);
  }
}
