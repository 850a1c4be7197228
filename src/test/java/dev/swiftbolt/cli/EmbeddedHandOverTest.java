package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.EmbeddedPostgresServer;
import dev.swiftbolt.jobs.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database outlives the process that started it: a worker starts it on a fresh home,
 * {@code serve} attaches, the worker stops, and {@code serve} keeps answering from the database for
 * the next minute; when {@code serve}, the last process using it, stops, the server stops too.
 */
class EmbeddedHandOverTest {

  private static final Pattern API = Pattern.compile("API at http://localhost:(\\d+)/api/v1");

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  private int status(int port, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Health and a watchlist read both answer 200 (the watchlist reads the database). */
  private void assertServed(int port, String token, String when, CliProcess serve)
      throws Exception {
    assertThat(status(port, "/api/v1/health", null))
        .as(when + "\n" + serve.output())
        .isEqualTo(200);
    assertThat(status(port, "/api/v1/watchlist", token))
        .as(when + "\n" + serve.output())
        .isEqualTo(200);
  }

  @Test
  void serve_keeps_answering_for_a_minute_after_the_worker_that_started_the_database_stops()
      throws Exception {
    Path home = dir.resolve("home");
    String token = CliRun.run(home, "token", "trader").out().strip();
    try (CliProcess worker =
        CliProcess.start(
            dir.resolve("worker.log"),
            Map.of(),
            "--home",
            home.toString(),
            "-v",
            "worker",
            "--concurrency",
            "1")) {
      worker.awaitOutput(" started: 1 threads", Duration.ofSeconds(120));
      assertThat(worker.output()).contains("Started the embedded PostgreSQL");
      try (CliProcess serve =
          CliProcess.start(
              dir.resolve("serve.log"),
              Map.of(),
              "--home",
              home.toString(),
              "-v",
              "serve",
              "--port",
              "0",
              "--workers",
              "1")) {
        serve.awaitOutput("API at http://localhost:", Duration.ofSeconds(120));
        assertThat(serve.output()).contains("Attaching to the embedded PostgreSQL");
        Matcher api = API.matcher(serve.output());
        assertThat(api.find()).isTrue();
        int port = Integer.parseInt(api.group(1));
        assertServed(port, token, "before the worker stops", serve);

        worker.sigterm();
        assertThat(worker.awaitExit(Duration.ofSeconds(60))).as(worker.output()).isZero();
        assertThat(worker.output()).contains("Leaving the embedded PostgreSQL running");
        long stopped = System.nanoTime();

        for (long second : new long[] {5, 60}) {
          long wait = stopped + Duration.ofSeconds(second).toNanos() - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000); // the points in time the promise names
          }
          assertServed(port, token, second + " s after the worker stopped", serve);
        }

        serve.sigterm();
        assertThat(serve.awaitExit(Duration.ofSeconds(60))).as(serve.output()).isZero();
      }
    }
    Eventually.await(
        "the last process to leave stopped the server",
        Duration.ofSeconds(30),
        () -> EmbeddedPostgresServer.runningPort(home.resolve("pgdata")).isEmpty());
  }
}
