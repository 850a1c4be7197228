package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.jobs.Eventually;
import dev.swiftbolt.symbols.Asset;
import dev.swiftbolt.symbols.AssetDirectory;
import dev.swiftbolt.symbols.AssetList;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The concurrency caps answer 503 {@code too_many_requests} with {@code Retry-After} at once, and
 * the idle timeout closes connections that stop sending: a server with tiny limits (1 handler, 2
 * bodies in flight, 1 s idle).
 */
class ServerLimitsTest {

  private static final HttpLimits TINY = new HttpLimits(64 * 1024, Duration.ofSeconds(1), 1, 2);

  /** An asset directory whose lookups wait until released: a handler that takes its time. */
  static final class SlowDirectory implements AssetDirectory {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public AssetList activeAssets() {
      throw new UnsupportedOperationException("not used by the watchlist route");
    }

    @Override
    public Optional<Asset> find(String symbol) {
      entered.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Optional.empty();
    }

    @Override
    public String description() {
      return "a slow test directory";
    }
  }

  private static final SlowDirectory directory = new SlowDirectory();
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture(Optional.of(directory), TINY);
  }

  @AfterAll
  static void stop() {
    directory.release.countDown();
    api.close();
  }

  @Test
  void a_request_beyond_the_handler_cap_is_503_too_many_requests_at_once() throws Exception {
    CompletableFuture<ApiFixture.Reply> slow =
        CompletableFuture.supplyAsync(
            () -> api.post("/api/v1/watchlist", "limits", "{\"symbol\":\"ZZZZ\"}"));
    assertThat(directory.entered.await(10, TimeUnit.SECONDS)).as("the slow handler ran").isTrue();

    long start = System.nanoTime();
    var refused = api.getPublic("/api/v1/health");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.json().get("error").asText()).isEqualTo("too_many_requests");
    assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("1");
    assertThat(millis).as("refused at once (ms)").isLessThan(1_000L);

    directory.release.countDown();
    assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(404);
    assertThat(api.getPublic("/api/v1/health").status()).isEqualTo(200);
  }

  private RawHttp stalledBody() {
    RawHttp http = new RawHttp(api.server.port(), 5_000);
    http.send(
        "POST /api/v1/watchlist HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + api.token("limits")
            + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
    return http;
  }

  @Test
  void bodies_beyond_the_in_flight_cap_are_503_while_bodiless_requests_still_run()
      throws Exception {
    try (RawHttp first = stalledBody();
        RawHttp second = stalledBody()) {
      // the server has taken both bodies' permits: the third is over the cap
      Eventually.await(
          "two bodies in flight", Duration.ofSeconds(5), () -> api.server.bodiesInFlight() == 2);
      try (RawHttp third = stalledBody()) {
        RawHttp.Response reply = third.read();
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.json().get("error").asText()).isEqualTo("too_many_requests");
        assertThat(reply.header("Retry-After")).isEqualTo("1");
      }
      // two stalled bodies hold no thread: the one handler slot is free
      assertThat(api.getPublic("/api/v1/health").status()).isEqualTo(200);
      // each is cut off by the 1 s idle timeout with a 400
      RawHttp.Response cut = first.read();
      assertThat(cut.status()).as(cut.body()).isEqualTo(400);
      assertThat(cut.json().get("message").asText()).contains("1 of 100 bytes");
    }
  }

  @Test
  void a_connection_that_never_finishes_its_headers_is_closed_after_the_idle_timeout() {
    try (RawHttp http = new RawHttp(api.server.port(), 5_000)) {
      long start = System.nanoTime();
      http.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
      assertThat(http.closedByServer()).isTrue();
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).as("closed after (ms)").isBetween(800L, 3_000L);
    }
  }
}
