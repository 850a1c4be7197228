package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A burst of refused requests writes a bounded number of log lines and is counted in metrics. */
class RefusalLogTest {

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void a_burst_of_oversized_bodies_and_headers_logs_once_per_kind_and_is_counted() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    try {
      String token = api.token("flood");
      for (int i = 0; i < 100; i++) {
        try (RawHttp http = new RawHttp(api.server.port(), 5_000)) {
          http.send(
              "POST /api/v1/watchlist HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
          byte[] chunk = new byte[70_000];
          java.util.Arrays.fill(chunk, (byte) ' ');
          http.send(Integer.toHexString(chunk.length) + "\r\n").send(chunk).send("\r\n0\r\n\r\n");
          assertThat(http.read().status()).isEqualTo(413);
        }
        try (RawHttp http = new RawHttp(api.server.port(), 5_000)) {
          http.send(
              "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: "
                  + "a".repeat(20_000)
                  + "\r\n\r\n");
          assertThat(http.read().status()).isEqualTo(431);
        }
      }
    } finally {
      root.detachAppender(captured);
    }
    long warnings =
        captured.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).count();
    assertThat(warnings).as("WARN lines for 200 refused requests").isLessThanOrEqualTo(2);
    String metrics = api.metrics().body();
    assertThat(metrics).contains("swiftbolt_http_refused_total{reason=\"body_too_large\"} 100.0");
    assertThat(metrics)
        .contains("swiftbolt_http_refused_total{reason=\"headers_too_large\"} 100.0");
  }
}
