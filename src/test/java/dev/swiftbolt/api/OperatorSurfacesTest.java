package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.auth.JwtSecret;
import dev.swiftbolt.auth.TokenIssuer;
import dev.swiftbolt.auth.TokenKeys;
import dev.swiftbolt.auth.TokenVerifier;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's surfaces: a user's jobs are their watchlist's; {@code /metrics} is operators'. */
class OperatorSurfacesTest {

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
  void a_user_who_does_not_track_a_symbol_gets_404_for_its_jobs_and_one_who_does_gets_them() {
    api.post("/api/v1/watchlist", "tracker", "{\"symbol\":\"AAPL\"}");

    var stranger = api.get("/api/v1/jobs?symbol=AAPL", "stranger");
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.json().get("error").asText()).isEqualTo("not_on_watchlist");
    assertThat(stranger.body()).doesNotContain("last_error").doesNotContain("backfill");

    var tracker = api.get("/api/v1/jobs?symbol=AAPL", "tracker");
    assertThat(tracker.status()).isEqualTo(200);
    assertThat(tracker.json().get("jobs").size()).isEqualTo(2);
  }

  @Test
  void metrics_answer_the_operators_token_and_refuse_a_users_token_with_403() {
    assertThat(api.metrics().status()).isEqualTo(200);
    assertThat(api.metrics().body()).contains("swiftbolt_jobs_queue_depth");

    var user = api.get("/metrics", "a-user");
    assertThat(user.status()).isEqualTo(403);
    assertThat(user.body()).contains("SWIFTBOLT_METRICS_TOKEN");

    assertThat(api.getWithHeader("/metrics", "Bearer wrong-" + ApiFixture.METRICS_TOKEN).status())
        .isEqualTo(401);
    assertThat(api.getPublic("/metrics").status()).isEqualTo(401);
  }

  @Test
  void without_a_metrics_token_a_supabase_deployment_refuses_users_tokens_with_403() {
    try (Database database = TestDatabase.create();
        ApiServer server =
            new ApiServer(database, JwtSecret.of(ApiFixture.SECRET), Clock.systemUTC())
                .metricsToken(Optional.empty())
                .start(0)) {
      String token =
          new TokenIssuer(JwtSecret.of(ApiFixture.SECRET), Clock.systemUTC())
              .issue("a-user", Duration.ofHours(1));
      HttpResponse<String> reply = scrape(server, token);
      assertThat(reply.statusCode()).isEqualTo(403);
      assertThat(reply.body()).contains("SWIFTBOLT_METRICS_TOKEN is not set");
    }
  }

  @Test
  void without_a_metrics_token_development_tokens_still_scrape_as_before(@TempDir Path home) {
    JwtSecret development = JwtSecret.development(home);
    try (Database database = TestDatabase.create();
        ApiServer server =
            new ApiServer(
                    database,
                    new TokenVerifier(TokenKeys.hs256(development), Clock.systemUTC()),
                    Clock.systemUTC())
                .start(0)) {
      String token =
          new TokenIssuer(development, Clock.systemUTC()).issue("dev", Duration.ofHours(1));
      HttpResponse<String> reply = scrape(server, token);
      assertThat(reply.statusCode()).isEqualTo(200);
      assertThat(reply.body()).contains("swiftbolt_jobs_queue_depth");
    }
  }

  private static HttpResponse<String> scrape(ApiServer server, String token) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/metrics"))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
