package dev.swiftbolt.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.auth.JwtSecret;
import dev.swiftbolt.auth.TokenIssuer;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.symbols.SymbolRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * A real API server on a random port over a fresh embedded database with the 8 core symbols, and an
 * HTTP client for it. One per test class.
 */
final class ApiFixture implements AutoCloseable {

  static final String SECRET = "test-secret-that-is-at-least-32-bytes-long!";

  /** The operator's {@code SWIFTBOLT_METRICS_TOKEN} of every fixture server. */
  static final String METRICS_TOKEN = "test-metrics-token-0123456789";

  final Database database;
  final ApiServer server;
  final HttpClient http = HttpClient.newHttpClient();
  final TokenIssuer issuer = new TokenIssuer(JwtSecret.of(SECRET), Clock.systemUTC());

  ApiFixture() {
    this(java.util.Optional.empty());
  }

  /** A server that looks unknown tickers up in {@code assets} (a fake Alpaca). */
  ApiFixture(java.util.Optional<dev.swiftbolt.symbols.AssetDirectory> assets) {
    this(assets, HttpLimits.DEFAULTS);
  }

  /** A server enforcing {@code limits} instead of the defaults. */
  ApiFixture(java.util.Optional<dev.swiftbolt.symbols.AssetDirectory> assets, HttpLimits limits) {
    database = TestDatabase.create();
    new SymbolRepository(database.jdbi()).seed();
    server =
        new ApiServer(
                database,
                new dev.swiftbolt.auth.TokenVerifier(JwtSecret.of(SECRET), Clock.systemUTC()),
                Clock.systemUTC(),
                assets,
                limits)
            .metricsToken(java.util.Optional.of(METRICS_TOKEN))
            .start(0);
  }

  String token(String user) {
    return issuer.issue(user, Duration.ofHours(1));
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }

  /** A response with its body parsed as JSON (a missing node when it is not JSON). */
  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  Reply get(String path, String user) {
    return send(authorized(HttpRequest.newBuilder(uri(path)).GET(), user));
  }

  /** {@code GET /metrics} as Prometheus scrapes it, with the operator's token. */
  Reply metrics() {
    return getWithHeader("/metrics", "Bearer " + METRICS_TOKEN);
  }

  Reply getPublic(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Reply getWithHeader(String path, String authorization) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).GET());
  }

  Reply post(String path, String user, String json) {
    return send(
        authorized(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)),
            user));
  }

  Reply delete(String path, String user) {
    return send(authorized(HttpRequest.newBuilder(uri(path)).DELETE(), user));
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder builder, String user) {
    return builder.header("Authorization", "Bearer " + token(user));
  }

  Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    database.close();
  }
}
