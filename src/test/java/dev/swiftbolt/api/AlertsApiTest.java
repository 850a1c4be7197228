package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.swiftbolt.alerts.AlertEvent;
import dev.swiftbolt.alerts.Alerts;
import dev.swiftbolt.alerts.NotificationKind;
import dev.swiftbolt.alerts.NotificationSettings;
import dev.swiftbolt.alerts.Outbox;
import dev.swiftbolt.alerts.WebhookUrlRule;
import dev.swiftbolt.api.ApiFixture.Reply;
import dev.swiftbolt.auth.JwtSecret;
import dev.swiftbolt.auth.TokenIssuer;
import dev.swiftbolt.auth.TokenVerifier;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Eventually;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notification feed, settings, stream and webhook routes on a real server and database. */
class AlertsApiTest {

  private static Database database;
  private static ApiServer server;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final TokenIssuer issuer =
      new TokenIssuer(JwtSecret.of(ApiFixture.SECRET), Clock.systemUTC());

  @BeforeAll
  static void start() {
    database = TestDatabase.create();
    // Host names resolve without DNS here: an IP literal is itself.
    WebhookUrlRule rule = new WebhookUrlRule(false, InetAddress::getAllByName);
    Clock clock = Clock.systemUTC();
    server =
        new ApiServer(
                database,
                new TokenVerifier(JwtSecret.of(ApiFixture.SECRET), clock),
                clock,
                Optional.empty(),
                dev.swiftbolt.api.HttpLimits.DEFAULTS,
                new Alerts(database.jdbi(), clock, rule))
            .start(0);
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  @BeforeEach
  void empty() {
    database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "TRUNCATE notifications, notification_settings, webhook_endpoints,"
                        + " webhook_deliveries, forecast_jobs"));
  }

  private static HttpRequest.Builder request(String path, String user) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
        .header("Authorization", "Bearer " + issuer.issue(user, Duration.ofHours(1)));
  }

  private static Reply send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Reply get(String path, String user) {
    return send(request(path, user).GET());
  }

  private static Reply json(String method, String path, String user, String body) {
    return send(
        request(path, user)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  private static long notify(String user, String title) {
    AlertEvent event =
        new AlertEvent(
            Optional.of("NVDA"),
            NotificationKind.DATA_STALE,
            title,
            "body of " + title,
            JsonNodeFactory.instance.objectNode().put("symbol", "NVDA"),
            "test:" + title,
            title);
    return database
        .jdbi()
        .inTransaction(
            h ->
                Outbox.write(h, user, NotificationSettings.DEFAULTS, event, Instant.now())
                    .orElseThrow());
  }

  @Test
  void settings_default_then_change_and_bad_values_are_400s_naming_the_field_writing_nothing() {
    JsonNode defaults = get("/api/v1/notification-settings", "alice").json();
    assertThat(defaults.get("confidence_threshold").asDouble()).isEqualTo(0.5);
    assertThat(defaults.get("cooldown_seconds").asLong()).isEqualTo(6 * 3600);
    assertThat(defaults.get("kinds")).hasSize(8);

    Reply put =
        json(
            "PUT",
            "/api/v1/notification-settings",
            "alice",
            "{\"kinds\": [\"direction.changed\"], \"confidence_threshold\": 0.6,"
                + " \"cooldown_seconds\": 60}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);

    for (String[] bad :
        new String[][] {
          {"{\"confidence_threshold\": 1.01}", "confidence_threshold"},
          {"{\"confidence_threshold\": -0.01}", "confidence_threshold"},
          {"{\"cooldown_seconds\": 59}", "cooldown_seconds"},
          {"{\"kinds\": [\"direction.changed\", \"price.moved\"]}", "kinds"},
          {"{\"kinds\": \"all\"}", "kinds"},
          {"{\"colour\": \"red\"}", "colour"}
        }) {
      Reply r = json("PUT", "/api/v1/notification-settings", "alice", bad[0]);
      assertThat(r.status()).as(bad[0]).isEqualTo(400);
      assertThat(r.json().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
    JsonNode after = get("/api/v1/notification-settings", "alice").json();
    assertThat(after.get("kinds").toString()).isEqualTo("[\"direction.changed\"]");
    assertThat(after.get("confidence_threshold").asDouble()).isEqualTo(0.6);
    assertThat(after.get("cooldown_seconds").asLong()).isEqualTo(60);
    assertThat(get("/api/v1/notification-settings", "bob").json().get("kinds")).hasSize(8);
  }

  @Test
  void the_feed_shows_only_the_callers_rows_newest_first_and_marks_only_them_read() {
    long a1 = notify("alice", "a1");
    long b1 = notify("bob", "b1");
    long a2 = notify("alice", "a2");
    long a3 = notify("alice", "a3");

    JsonNode page = get("/api/v1/notifications", "alice").json();
    assertThat(page.get("notifications").findValuesAsText("title"))
        .containsExactly("a3", "a2", "a1");
    assertThat(page.get("unread_count").asLong()).isEqualTo(3);
    assertThat(
            get("/api/v1/notifications?after_id=" + a1 + "&limit=1", "alice")
                .json()
                .get("notifications")
                .findValuesAsText("title"))
        .containsExactly("a3");
    assertThat(get("/api/v1/notifications?limit=0", "alice").status()).isEqualTo(400);
    assertThat(get("/api/v1/notifications?limit=101", "alice").json().get("field").asText())
        .isEqualTo("limit");

    Reply marked =
        json("POST", "/api/v1/notifications/read", "alice", "{\"ids\": [" + a1 + ", " + b1 + "]}");
    assertThat(marked.json().get("marked").asInt()).isEqualTo(1);
    assertThat(get("/api/v1/notifications", "bob").json().get("unread_count").asLong())
        .isEqualTo(1);
    assertThat(
            get("/api/v1/notifications?unread=true", "alice")
                .json()
                .get("notifications")
                .findValuesAsText("title"))
        .containsExactly("a3", "a2");
    Reply upTo = json("POST", "/api/v1/notifications/read", "alice", "{\"up_to_id\": " + a2 + "}");
    assertThat(upTo.json().get("unread_count").asLong()).isEqualTo(1);
    assertThat(a3).isGreaterThan(a2);
    assertThat(
            json("POST", "/api/v1/notifications/read", "alice", "{}").json().get("field").asText())
        .isEqualTo("ids");
  }

  @Test
  void the_stream_sends_the_callers_new_notifications_with_their_ids_and_resumes_after_one()
      throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    CompletableFuture<HttpResponse<Stream<String>>> open =
        http.sendAsync(
            request("/api/v1/notifications/stream", "alice")
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = open.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> readInto(response.body(), lines));
    reader.setDaemon(true);
    reader.start();
    assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo(": connected");

    notify("bob", "for bob");
    long first = notify("alice", "first");
    long sentAt = System.nanoTime();
    String idLine = awaitLineStartingWith(lines, "id: ");
    assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isLessThan(Duration.ofSeconds(2));
    assertThat(idLine).isEqualTo("id: " + first);
    String data = awaitLineStartingWith(lines, "data: ");
    JsonNode n = Json.mapper().readTree(data.substring("data: ".length()));
    assertThat(n.get("title").asText()).isEqualTo("first");
    response.body().close();

    long second = notify("alice", "second");
    Reply resumed =
        readStreamUntilEvent(
            request("/api/v1/notifications/stream", "alice")
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(first)),
            second);
    assertThat(resumed.body()).contains("id: " + second).doesNotContain("id: " + first);
    assertThat(resumed.body()).doesNotContain("for bob");

    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + server.port() + "/api/v1/notifications/stream"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  /**
   * Reads a stream until the event with id {@code id} has come whole (its {@code data:} line), then
   * closes it and returns what came. The stream sends what it replays in id order in one batch, so
   * anything replayed before that event has come too.
   */
  private static Reply readStreamUntilEvent(HttpRequest.Builder b, long id) throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> r =
        http.sendAsync(b.GET().build(), HttpResponse.BodyHandlers.ofLines())
            .get(5, TimeUnit.SECONDS);
    Thread reader = new Thread(() -> readInto(r.body(), lines));
    reader.setDaemon(true);
    reader.start();
    Eventually.await(
        "event " + id + " on the stream",
        Duration.ofSeconds(5),
        () -> {
          List<String> seen = List.copyOf(lines);
          int at = seen.indexOf("id: " + id);
          return at >= 0
              && seen.subList(at, seen.size()).stream().anyMatch(l -> l.startsWith("data: "));
        });
    r.body().close();
    return new Reply(r.statusCode(), String.join("\n", lines), null);
  }

  /** Collects lines until the stream is closed (closing it from the test ends the loop). */
  private static void readInto(Stream<String> stream, BlockingQueue<String> lines) {
    try {
      stream.forEach(lines::add);
    } catch (java.io.UncheckedIOException closedByTheTest) {
      // the test closed the stream: done
    }
  }

  private static String awaitLineStartingWith(BlockingQueue<String> lines, String prefix)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("no line starting with " + prefix + " within 5 s");
  }

  @Test
  void a_webhook_gets_a_secret_once_and_refused_urls_are_400s_naming_the_rule() {
    Reply created =
        json(
            "POST",
            "/api/v1/webhooks",
            "alice",
            "{\"url\": \"https://93.184.215.14/hooks\", \"kinds\": [\"direction.changed\"]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String secret = created.json().get("secret").asText();
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    long id = created.json().get("id").asLong();

    Reply listed = get("/api/v1/webhooks", "alice");
    assertThat(listed.body()).doesNotContain(secret).doesNotContain("secret");
    assertThat(listed.json().get("webhooks").get(0).get("kinds").toString())
        .isEqualTo("[\"direction.changed\"]");
    assertThat(get("/api/v1/webhooks", "bob").json().get("webhooks")).isEmpty();

    for (String[] bad :
        new String[][] {
          {"{\"url\": \"http://93.184.215.14/hooks\"}", "https"},
          {"{\"url\": \"https://127.0.0.1/hooks\"}", "loopback"},
          {"{\"url\": \"https://10.1.2.3/hooks\"}", "private"},
          {"{\"url\": \"https://[fd00::1]/hooks\"}", "unique-local"},
          {"{\"url\": \"/relative\"}", "absolute"},
          {"{\"url\": \"https://93.184.215.14/" + "x".repeat(2048) + "\"}", "longer"},
          {"{\"url\": \"https://93.184.215.14/h\", \"kinds\": [\"nope\"]}", "unknown kind"}
        }) {
      Reply r = json("POST", "/api/v1/webhooks", "alice", bad[0]);
      assertThat(r.status()).as(bad[0]).isEqualTo(400);
      assertThat(r.json().get("message").asText()).as(bad[0]).contains(bad[1]);
    }
    assertThat(get("/api/v1/webhooks", "alice").json().get("webhooks")).hasSize(1);

    assertThat(send(request("/api/v1/webhooks/" + id, "bob").DELETE()).status()).isEqualTo(404);
    assertThat(json("POST", "/api/v1/webhooks/" + id + "/test", "bob", "").status()).isEqualTo(404);
    Reply test = json("POST", "/api/v1/webhooks/" + id + "/test", "alice", "");
    assertThat(test.status()).as(test.body()).isEqualTo(202);
    assertThat(send(request("/api/v1/webhooks/" + id, "alice").DELETE()).status()).isEqualTo(200);
    assertThat(get("/api/v1/webhooks", "alice").json().get("webhooks")).isEmpty();
  }

  @Test
  void an_eleventh_endpoint_is_refused() {
    for (int i = 0; i < 10; i++) {
      assertThat(
              json(
                      "POST",
                      "/api/v1/webhooks",
                      "alice",
                      "{\"url\": \"https://93.184.215.14/h" + i + "\"}")
                  .status())
          .isEqualTo(201);
    }
    Reply eleventh =
        json("POST", "/api/v1/webhooks", "alice", "{\"url\": \"https://93.184.215.14/h10\"}");
    assertThat(eleventh.status()).isEqualTo(400);
    assertThat(eleventh.json().get("field").asText()).isEqualTo("url");
    assertThat(eleventh.json().get("message").asText()).contains("10 webhook endpoints");
    assertThat(get("/api/v1/webhooks", "alice").json().get("webhooks")).hasSize(10);
  }
}
