package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.auth.JwtSecret;
import dev.swiftbolt.auth.TokenIssuer;
import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * While the database is away, every route that needs it answers {@code 503
 * {"error":"database_unavailable"}} with {@code Retry-After}, never a 500.
 */
class DatabaseOutageApiTest {

  private static final String SECRET = "outage-secret-that-is-at-least-32-bytes-long";

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int port, String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void while_the_database_is_away_routes_answer_503_database_unavailable_with_retry_after()
      throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    int dbPort = postgres.getPort();
    ConnectionSettings settings =
        new ConnectionSettings(
            postgres.getJdbcUrl("postgres", "postgres"),
            "localhost",
            dbPort,
            "postgres",
            null,
            new Properties());
    String token =
        new TokenIssuer(JwtSecret.of(SECRET), Clock.systemUTC()).issue("ann", Duration.ofHours(1));
    try (Database database =
            Database.open(settings, Database.ConnectRetry.DEFAULT, Database.PoolOptions.DEFAULT);
        ApiServer server =
            new ApiServer(database, JwtSecret.of(SECRET), Clock.systemUTC(), Optional.empty())
                .start(0)) {
      assertThat(get(server.port(), "/api/v1/watchlist", token).statusCode()).isEqualTo(200);

      postgres.close();

      // the pool waits its 10 s connection timeout, then the route answers
      HttpResponse<String> away = get(server.port(), "/api/v1/watchlist", token);
      assertThat(away.statusCode()).as(away.body()).isEqualTo(503);
      assertThat(away.body()).contains("\"error\":\"database_unavailable\"");
      assertThat(away.headers().firstValue("Retry-After")).contains("5");
    } finally {
      postgres.close();
    }
  }
}
