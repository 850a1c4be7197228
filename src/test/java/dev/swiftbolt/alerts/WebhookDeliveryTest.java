package dev.swiftbolt.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.JobHandlers;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.MutableClock;
import dev.swiftbolt.jobs.RetryPolicy;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed delivery through the real queue and worker to a small local receiver that checks every
 * signature with its own HMAC (javax.crypto here, not {@link WebhookSignature}). Time is a clock
 * the test moves: retries due in minutes run at once.
 */
class WebhookDeliveryTest {

  private static Database database;
  private static Jdbi jdbi;
  private static HttpServer receiver;
  private static final Deque<Answer> script = new ArrayDeque<>();
  private static final List<ReceivedWebhook> received = new CopyOnWriteArrayList<>();

  private MutableClock clock;
  private JobQueue queue;
  private Alerts alerts;

  /** What the receiver answers next. */
  record Answer(int status, Map<String, String> headers) {}

  /** One request the receiver got, with whether its signature verified. */
  private static volatile String secret;

  @BeforeAll
  static void open() throws IOException {
    database = TestDatabase.create();
    jdbi = database.jdbi();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", WebhookDeliveryTest::receive);
    receiver.start();
  }

  @AfterAll
  static void close() {
    receiver.stop(0);
    database.close();
  }

  @BeforeEach
  void fresh() {
    jdbi.useHandle(
        h ->
            h.execute(
                "TRUNCATE notifications, webhook_endpoints, webhook_deliveries, forecast_jobs"));
    script.clear();
    received.clear();
    clock = new MutableClock(Instant.parse("2026-12-01T15:00:00Z"));
    queue = new JobQueue(jdbi, clock, RetryPolicy.defaultPolicy());
    alerts = new Alerts(jdbi, clock, new WebhookUrlRule(true, InetAddress::getAllByName));
  }

  @AfterEach
  void noLeftoverScript() {
    assertThat(script).as("answers the receiver never gave").isEmpty();
  }

  private static void receive(HttpExchange exchange) throws IOException {
    received.add(ReceivedWebhook.read(exchange, secret));
    Answer answer;
    synchronized (script) {
      answer = script.isEmpty() ? new Answer(200, Map.of()) : script.poll();
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(answer.status(), -1);
    exchange.close();
  }

  private String url() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private void answer(int... statuses) {
    for (int s : statuses) {
      script.add(new Answer(s, Map.of()));
    }
  }

  private long endpoint() {
    WebhookEndpoints.Created created = alerts.webhooks().add("alice", url(), java.util.Set.of());
    secret = created.secret();
    return created.id();
  }

  /** One direction.changed notification for alice, with its deliveries queued. */
  private long event(String key) {
    AlertEvent e = SampleEvents.nvdaTurnedBearish(key);
    return jdbi.inTransaction(
            h -> Outbox.write(h, "alice", NotificationSettings.DEFAULTS, e, clock.instant()))
        .orElseThrow();
  }

  private void work() {
    JobHandlers handlers =
        JobHandlers.builder().register(WebhookOutbox.JOB_TYPE, alerts.deliveryHandler()).build();
    new Worker(
            queue,
            handlers,
            WorkerOptions.defaults()
                .withConcurrency(1)
                .withIdlePoll(Duration.ofMillis(10), Duration.ofMillis(20)))
        .runUntilIdle();
  }

  private Map<String, Object> delivery() {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM webhook_deliveries").mapToMap().one());
  }

  @Test
  void a_500_500_200_receiver_gets_one_delivery_in_three_attempts_under_one_webhook_id()
      throws Exception {
    endpoint();
    long notification = event("k1");
    answer(500, 500, 200);
    work();
    assertThat(received).hasSize(1);
    clock.advance(Duration.ofSeconds(4));
    work();
    assertThat(received).as("not before 5 s").hasSize(1);
    clock.advance(Duration.ofSeconds(1));
    work();
    assertThat(received).hasSize(2);
    assertThat(delivery().get("next_attempt_at").toString()).contains("2026-12-01 15:05:05");
    clock.advance(Duration.ofMinutes(5));
    work();
    assertThat(received).hasSize(3);

    assertThat(received).allMatch(ReceivedWebhook::verified);
    assertThat(received).extracting(ReceivedWebhook::id).containsOnly(received.get(0).id());
    assertThat(received.get(0).id()).startsWith("msg_");
    assertThat(received)
        .extracting(ReceivedWebhook::timestamp)
        .containsExactly(
            Instant.parse("2026-12-01T15:00:00Z").getEpochSecond(),
            Instant.parse("2026-12-01T15:00:05Z").getEpochSecond(),
            Instant.parse("2026-12-01T15:05:05Z").getEpochSecond());
    assertThat(received).extracting(ReceivedWebhook::contentType).containsOnly("application/json");
    JsonNode body = Json.mapper().readTree(received.get(0).body());
    assertThat(body.get("type").asText()).isEqualTo("direction.changed");
    assertThat(body.get("timestamp").asText()).isEqualTo("2026-12-01T15:00:00Z");
    assertThat(body.at("/data/symbol").asText()).isEqualTo("NVDA");
    assertThat(body.at("/data/notification_id").asLong()).isEqualTo(notification);
    assertThat(body.at("/data/previous_direction").asText()).isEqualTo("BULLISH");
    assertThat(received).extracting(ReceivedWebhook::body).containsOnly(received.get(0).body());

    Map<String, Object> d = delivery();
    assertThat(d.get("status")).isEqualTo("delivered");
    assertThat(d.get("attempts")).isEqualTo(3);
    assertThat(d.get("last_status_code")).isEqualTo(200);
    assertThat(alerts.deliveries().list("alice", 10)).hasSize(1);
  }

  @Test
  void a_410_disables_the_endpoint_and_later_events_are_not_sent_to_it() {
    long endpoint = endpoint();
    event("k1");
    answer(410);
    work();
    assertThat(delivery().get("status")).isEqualTo("disabled");
    assertThat(alerts.webhooks().list("alice"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(endpoint);
              assertThat(e.active()).isFalse();
              assertThat(e.disabledReason()).contains("410");
            });
    clock.advance(Duration.ofHours(7)); // past the cooldown
    event("k2");
    work();
    assertThat(received).hasSize(1);
  }

  @Test
  void retry_after_longer_than_the_schedule_is_honoured() {
    endpoint();
    event("k1");
    script.add(new Answer(503, Map.of("Retry-After", "120")));
    work();
    assertThat(delivery().get("next_attempt_at").toString()).contains("2026-12-01 15:02:00");
    clock.advance(Duration.ofSeconds(119));
    work();
    assertThat(received).hasSize(1);
    clock.advance(Duration.ofSeconds(1));
    work();
    assertThat(received).hasSize(2);
    assertThat(delivery().get("status")).isEqualTo("delivered");
  }

  @Test
  void eight_failures_make_the_delivery_dead_with_its_last_status_and_a_redirect_is_not_followed() {
    endpoint();
    event("k1");
    script.add(new Answer(302, Map.of("Location", url() + "/elsewhere")));
    answer(500, 500, 500, 500, 500, 500, 502);
    work();
    for (Duration wait : RetrySchedule.WAITS) {
      clock.advance(wait);
      work();
    }
    assertThat(received).hasSize(8);
    Map<String, Object> d = delivery();
    assertThat(d.get("status")).isEqualTo("dead");
    assertThat(d.get("attempts")).isEqualTo(8);
    assertThat(d.get("last_status_code")).isEqualTo(502);
    assertThat(d.get("next_attempt_at")).isNull();
    clock.advance(Duration.ofDays(1));
    work();
    assertThat(received).hasSize(8);
  }

  @Test
  void a_refused_connection_is_retried() {
    long endpoint = endpoint();
    jdbi.useHandle(
        h ->
            h.execute(
                "UPDATE webhook_endpoints SET url = 'http://127.0.0.1:1/hook' WHERE id = ?",
                endpoint));
    event("k1");
    work();
    Map<String, Object> d = delivery();
    assertThat(d.get("status")).isEqualTo("pending");
    assertThat(d.get("last_error").toString()).startsWith("connection failed");
  }

  @Test
  void a_worker_that_dies_holding_the_delivery_loses_nothing_it_is_delivered_after_the_lease() {
    endpoint();
    event("k1");
    assertThat(queue.claim("doomed-worker", 10, Duration.ofSeconds(60))).hasSize(1);
    work();
    assertThat(received).as("leased to the dead worker").isEmpty();
    clock.advance(Duration.ofSeconds(61));
    work();
    assertThat(received).hasSize(1);
    assertThat(delivery().get("status")).isEqualTo("delivered");
  }

  @Test
  void the_same_event_written_twice_is_delivered_once() {
    endpoint();
    event("same");
    long count =
        jdbi.inTransaction(
            h ->
                Outbox.write(
                        h,
                        "alice",
                        NotificationSettings.DEFAULTS.withCooldown(Duration.ofMinutes(1)),
                        new AlertEvent(
                            Optional.of("NVDA"),
                            NotificationKind.DIRECTION_CHANGED,
                            "t",
                            "b",
                            JsonNodeFactory.instance.objectNode(),
                            "same",
                            "other-state"),
                        clock.instant().plus(Duration.ofHours(1)))
                    .stream()
                    .count());
    assertThat(count).isZero();
    work();
    assertThat(received).hasSize(1);
  }

  @Test
  void another_users_endpoint_never_receives_this_users_events() {
    endpoint();
    long bobs = alerts.webhooks().add("bob", url() + "?bob", java.util.Set.of()).id();
    event("k1");
    work();
    assertThat(received).hasSize(1);
    long toBob =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = ?")
                    .bind(0, bobs)
                    .mapTo(Long.class)
                    .one());
    assertThat(toBob).isZero();
    assertThat(alerts.deliveries().list("bob", 10)).isEmpty();
  }
}
