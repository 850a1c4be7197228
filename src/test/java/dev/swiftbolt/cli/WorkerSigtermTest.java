package dev.swiftbolt.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process stopped by SIGTERM while a job runs (a backfill waiting on a slow Alpaca): the
 * job either finishes within the grace period and the worker exits 0, or is interrupted and
 * released when the grace period runs out and the worker exits 1.
 */
class WorkerSigtermTest {

  private static final String EMPTY_PAGE =
      "{\"bars\":[],\"symbol\":\"AAPL\",\"next_page_token\":null}";

  @TempDir Path dir;

  private ConnectionSettings settings;
  private Database db;
  private WireMockServer alpaca;
  private long jobId;

  @BeforeEach
  void open() {
    settings = TestDatabase.newDatabase();
    db = Database.open(settings, Database.ConnectRetry.DEFAULT, Database.PoolOptions.DEFAULT);
    jobId =
        db.jdbi()
            .withHandle(
                h -> {
                  h.execute(
                      "INSERT INTO symbols (symbol, name, exchange) VALUES ('AAPL', 'Apple', 'NASDAQ')");
                  return h.createQuery(
                          """
                          INSERT INTO forecast_jobs (job_type, symbol_id, timeframe, max_attempts)
                          SELECT 'backfill', id, 'D1', 1 FROM symbols WHERE symbol = 'AAPL'
                          RETURNING id
                          """)
                      .mapTo(Long.class)
                      .one();
                });
    alpaca = new WireMockServer(options().dynamicPort());
    alpaca.start();
  }

  @AfterEach
  void close() {
    alpaca.stop();
    db.close();
  }

  /** The first bars request waits {@code firstDelay}; any later one is answered at once. */
  private void alpacaAnswersFirstAfter(Duration firstDelay) {
    alpaca.stubFor(
        get(urlPathMatching("/v2/stocks/.*/bars"))
            .inScenario("slow first page")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("answered")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(EMPTY_PAGE)
                    .withFixedDelay((int) firstDelay.toMillis())));
    alpaca.stubFor(
        get(urlPathMatching("/v2/stocks/.*/bars"))
            .inScenario("slow first page")
            .whenScenarioStateIs("answered")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(EMPTY_PAGE)));
  }

  private CliProcess worker(String grace) {
    return CliProcess.start(
        dir.resolve("worker.log"),
        Map.of(
            "DATABASE_URL",
            settings.jdbcUrl() + "?user=" + settings.user(),
            "APCA_API_KEY_ID",
            "key",
            "APCA_API_SECRET_KEY",
            "secret",
            "APCA_API_DATA_URL",
            alpaca.baseUrl()),
        "--home",
        dir.resolve("home").toString(),
        "worker",
        "--concurrency",
        "1",
        "--grace",
        grace);
  }

  /** Waits until the backfill's first request reached Alpaca: the job is running. */
  private void awaitJobRunning() {
    Eventually.await(
        "the backfill asked Alpaca for bars",
        Duration.ofSeconds(120),
        () -> !alpaca.findAll(getRequestedFor(urlPathMatching("/v2/stocks/.*/bars"))).isEmpty());
  }

  private Map<String, Object> job() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT status, attempts, locked_by FROM forecast_jobs WHERE id = :id")
                    .bind("id", jobId)
                    .mapToMap()
                    .one());
  }

  @Test
  void a_job_that_finishes_within_the_grace_period_completes_and_the_worker_exits_0()
      throws Exception {
    alpacaAnswersFirstAfter(Duration.ofSeconds(3));
    try (CliProcess worker = worker("30")) {
      awaitJobRunning();
      worker.sigterm();
      assertThat(worker.awaitExit(Duration.ofSeconds(60))).as(worker.output()).isZero();
      assertThat(worker.output())
          .containsPattern("1 claimed, 1 succeeded, 0 retried, 0 dead, 0 released");
    }
    assertThat(job()).containsEntry("status", "succeeded");
  }

  @Test
  void a_job_still_running_when_the_grace_period_ends_is_released_and_the_worker_exits_1()
      throws Exception {
    alpacaAnswersFirstAfter(Duration.ofSeconds(60));
    try (CliProcess worker = worker("1")) {
      awaitJobRunning();
      worker.sigterm();
      assertThat(worker.awaitExit(Duration.ofSeconds(30))).as(worker.output()).isEqualTo(1);
      assertThat(worker.output())
          .containsPattern("1 claimed, 0 succeeded, 0 retried, 0 dead, 1 released");
    }
    // released: queued again for another worker, the interrupted attempt not counted
    assertThat(job())
        .containsEntry("status", "queued")
        .containsEntry("attempts", 0)
        .containsEntry("locked_by", null);
  }
}
