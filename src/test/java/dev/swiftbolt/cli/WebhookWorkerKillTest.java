package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.swiftbolt.alerts.AlertEvent;
import dev.swiftbolt.alerts.Alerts;
import dev.swiftbolt.alerts.NotificationSettings;
import dev.swiftbolt.alerts.Outbox;
import dev.swiftbolt.alerts.ReceivedWebhook;
import dev.swiftbolt.alerts.SampleEvents;
import dev.swiftbolt.alerts.WebhookOutbox;
import dev.swiftbolt.alerts.WebhookUrlRule;
import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Eventually;
import dev.swiftbolt.jobs.JobHandlers;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.RetryPolicy;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code swiftbolt worker} process killed with SIGKILL while the receiver holds its webhook
 * request open: the delivery stays leased to the dead worker until its lease ends, then a second
 * worker delivers it, signed, under the same {@code webhook-id}. The receiver checks every
 * signature with its own HMAC.
 */
class WebhookWorkerKillTest {

  /**
   * The dead worker's lease. Its claim alone covers the few hundred milliseconds from the claim to
   * the kill, so a late heartbeat on a loaded machine cannot let it lose and re-send its own job.
   */
  private static final int LEASE_SECONDS = 4;

  @TempDir Path dir;

  private ConnectionSettings settings;
  private Database db;
  private Jdbi jdbi;
  private HttpServer receiver;
  private ExecutorService receiverThreads;
  private final List<ReceivedWebhook> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstArrived = new CountDownLatch(1);
  private final CountDownLatch releaseFirst = new CountDownLatch(1);
  private volatile String secret;

  @BeforeEach
  void open() throws IOException {
    settings = TestDatabase.newDatabase();
    db = Database.open(settings, Database.ConnectRetry.DEFAULT, Database.PoolOptions.DEFAULT);
    jdbi = db.jdbi();
    receiverThreads = Executors.newCachedThreadPool();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.setExecutor(receiverThreads);
    receiver.createContext("/hook", this::receive);
    receiver.start();
  }

  @AfterEach
  void close() {
    releaseFirst.countDown();
    receiver.stop(0);
    receiverThreads.shutdownNow();
    db.close();
  }

  /** The first request is held open until the test releases it; later ones are answered 204. */
  private void receive(HttpExchange exchange) throws IOException {
    ReceivedWebhook request = ReceivedWebhook.read(exchange, secret);
    boolean first;
    synchronized (received) {
      received.add(request);
      first = received.size() == 1;
    }
    if (first) {
      firstArrived.countDown();
      try {
        releaseFirst.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      exchange.sendResponseHeaders(204, -1);
    } catch (IOException senderGone) {
      // the worker that sent it was killed: nobody reads this answer
    }
    exchange.close();
  }

  private Map<String, Object> row(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapToMap().one());
  }

  @Test
  void a_worker_killed_mid_delivery_loses_nothing_another_delivers_it_after_the_lease()
      throws Exception {
    Alerts alerts =
        new Alerts(jdbi, Clock.systemUTC(), new WebhookUrlRule(true, InetAddress::getAllByName));
    secret =
        alerts
            .webhooks()
            .add("alice", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", Set.of())
            .secret();
    AlertEvent event = SampleEvents.nvdaTurnedBearish("kill-test");
    jdbi.useTransaction(
        h -> Outbox.write(h, "alice", NotificationSettings.DEFAULTS, event, Instant.now()));

    try (CliProcess worker =
        CliProcess.start(
            dir.resolve("worker.log"),
            Map.of(
                "DATABASE_URL",
                settings.jdbcUrl() + "?user=" + settings.user(),
                WebhookUrlRule.ALLOW_PRIVATE_VARIABLE,
                "true"),
            "--home",
            dir.resolve("home").toString(),
            "worker",
            "--concurrency",
            "1",
            "--lease",
            Integer.toString(LEASE_SECONDS))) {
      assertThat(firstArrived.await(2, TimeUnit.MINUTES))
          .as("the worker's request reached the receiver:%n%s", worker.output())
          .isTrue();
      assertThat(row("SELECT status, attempts FROM forecast_jobs"))
          .containsEntry("status", "running")
          .containsEntry("attempts", 1);
      worker.kill(); // SIGKILL with the request open: no answer read, nothing recorded, no release
    }
    releaseFirst.countDown();
    Instant leaseEnd =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT locked_until FROM forecast_jobs").mapTo(Instant.class).one());
    assertThat(row("SELECT status FROM webhook_deliveries")).containsEntry("status", "pending");

    Worker rescuer =
        new Worker(
            new JobQueue(jdbi, Clock.systemUTC(), RetryPolicy.defaultPolicy()),
            JobHandlers.builder()
                .register(WebhookOutbox.JOB_TYPE, alerts.deliveryHandler())
                .build(),
            WorkerOptions.defaults()
                .withWorkerId("rescuer")
                .withConcurrency(1)
                .withLease(Duration.ofSeconds(LEASE_SECONDS))
                .withIdlePoll(Duration.ofMillis(20), Duration.ofMillis(100)));
    rescuer.start();
    try {
      Eventually.await(
          "the delivery is delivered by the second worker",
          Duration.ofSeconds(60),
          () -> "delivered".equals(row("SELECT status FROM webhook_deliveries").get("status")));
    } finally {
      rescuer.stop();
    }

    assertThat(received).hasSize(2);
    ReceivedWebhook killed = received.get(0);
    ReceivedWebhook delivered = received.get(1);
    assertThat(received).allMatch(ReceivedWebhook::verified, "signature verified");
    assertThat(delivered.id()).isEqualTo(killed.id()).startsWith("msg_");
    assertThat(delivered.body()).isEqualTo(killed.body());
    assertThat(delivered.timestamp()).isGreaterThanOrEqualTo(killed.timestamp());
    assertThat(delivered.at())
        .as("sent again only after the dead worker's lease")
        .isAfter(leaseEnd);
    assertThat(row("SELECT status, attempts, locked_by FROM forecast_jobs"))
        .containsEntry("status", "succeeded")
        .containsEntry("attempts", 2)
        .containsEntry("locked_by", "rescuer");
    assertThat(row("SELECT attempts, last_status_code FROM webhook_deliveries"))
        .containsEntry("attempts", 1)
        .containsEntry("last_status_code", 204);
  }
}
