package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.api.ApiServer;
import dev.swiftbolt.auth.JwtSecret;
import dev.swiftbolt.auth.TokenIssuer;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.db.ConnectionMode;
import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.PgBouncer;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import dev.swiftbolt.jobs.WorkerSummary;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.BackfillListener;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.MarketDataSources;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.pipelines.JobWiring;
import dev.swiftbolt.pipelines.PipelineCatalog;
import dev.swiftbolt.predictions.StoredPrediction;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.symbols.SymbolRepository;
import dev.swiftbolt.symbols.WatchlistService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything through a real PgBouncer in {@code pool_mode = transaction} with fewer server
 * connections (3) than the pool's clients, as Supabase's transaction pooler (port 6543) serves it:
 * migrations, seed, tracking, backfill, training, forecasts, the unified prediction and an API
 * read. Before prepared statements were switched off here, such a chain failed with {@code prepared
 * statement "S_2" already exists}.
 */
class TransactionPoolerTest {

  private static final String SECRET = "pooler-test-secret-that-is-at-least-32-bytes";

  private static PgBouncer bouncer;
  private static Database database;
  private static Jdbi jdbi;
  private static String name;

  @BeforeAll
  static void open() {
    bouncer = PgBouncer.startInTransactionMode();
    name = TestDatabase.newDatabase().jdbcUrl().replaceAll(".*/", "");
    ConnectionSettings settings = bouncer.settings(name);
    assertThat(settings.mode()).isEqualTo(ConnectionMode.TRANSACTION_POOLER);
    assertThat(settings.properties()).containsEntry("prepareThreshold", "0");
    // Database.open migrates: db migrate through the transaction pooler
    database =
        Database.open(
            settings, Database.ConnectRetry.DEFAULT, new Database.PoolOptions(12, "pooler-test"));
    jdbi = database.jdbi();
    new SymbolRepository(jdbi).seed();
  }

  @AfterAll
  static void close() {
    if (database != null) {
      database.close();
    }
    if (bouncer != null) {
      bouncer.close();
    }
  }

  private static long count(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void tracking_ends_in_a_unified_prediction_and_the_api_serves_it_through_pgbouncer()
      throws Exception {
    assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success")).isPositive();
    Clock clock = Clock.systemUTC();
    MarketDataService marketData = MarketDataService.withDefaults(jdbi, clock);
    var simulator =
        MarketDataSources.choose(
            Optional.of("sim"),
            Map.of(),
            new BarSchedule(TradingCalendar.nyse()),
            java.time.Clock.systemUTC());
    marketData.backfill(
        List.of("NVDA"),
        EnumSet.of(Timeframe.D1, Timeframe.W1),
        Optional.of(LocalDate.now(ZoneOffset.UTC).minusYears(6)),
        Optional.empty(),
        simulator,
        BackfillListener.none());
    marketData.backfill(
        List.of("NVDA"),
        EnumSet.of(Timeframe.M15, Timeframe.H1, Timeframe.H4),
        Optional.of(LocalDate.now(ZoneOffset.UTC).minusMonths(9)),
        Optional.empty(),
        simulator,
        BackfillListener.none());

    assertThat(new WatchlistService(jdbi).track("alice", "NVDA").added()).isTrue();
    WorkerSummary summary;
    try (Worker worker =
        new Worker(
            JobWiring.queue(database, clock),
            JobWiring.handlers(
                database,
                SwiftBoltConfig.from(Map.of(), Optional.empty()),
                clock,
                Optional.of("sim")),
            WorkerOptions.defaults().withConcurrency(4).withBatchSize(2))) {
      summary = worker.runUntilIdle();
    }

    assertThat(summary.dead()).isZero();
    assertThat(summary.claimFailures()).isZero();
    List<String> succeeded =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT job_type FROM forecast_jobs WHERE status = 'succeeded' ORDER BY id")
                    .mapTo(String.class)
                    .list());
    assertThat(succeeded).containsExactly("backfill", "forecast", "train", "validate");
    assertThat(count("SELECT count(DISTINCT timeframe) FROM ohlc_bars")).isEqualTo(5);
    assertThat(count("SELECT count(*) FROM models WHERE active")).isEqualTo(5);
    assertThat(count("SELECT count(DISTINCT timeframe) FROM forecasts WHERE live_run"))
        .isEqualTo(5);
    StoredPrediction stored = new UnifiedPredictionRepository(jdbi).latest("NVDA").orElseThrow();

    try (ApiServer server = new ApiServer(database, JwtSecret.of(SECRET), clock).start(0)) {
      String token =
          new TokenIssuer(JwtSecret.of(SECRET), clock).issue("alice", Duration.ofHours(1));
      HttpClient http = HttpClient.newHttpClient();
      for (String path :
          List.of("/api/v1/watchlist", "/api/v1/symbols/NVDA/prediction", "/api/v1/jobs")) {
        HttpResponse<String> reply =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(path + ": " + reply.body()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(reply.body());
        if (path.endsWith("/prediction")) {
          assertThat(body.get("symbol").asText()).isEqualTo("NVDA");
          assertThat(body.get("unified_confidence").asDouble())
              .isEqualTo(stored.prediction().unifiedConfidence());
        }
        if (path.endsWith("/watchlist")) {
          assertThat(body.toString()).contains("NVDA");
        }
      }
    }
    assertThat(bouncer.log()).doesNotContain("prepared statement");
  }

  @Test
  void check_deployment_through_pgbouncer_reports_the_transaction_pooler_and_passes(
      @TempDir Path home) {
    SwiftBoltConfig config =
        SwiftBoltConfig.from(
            Map.of("DATABASE_URL", bouncer.databaseUrl(name), "SWIFTBOLT_HOME", home.toString()),
            Optional.empty());
    List<CheckDeployment.Line> lines = CheckDeployment.report(config);
    lines.forEach(line -> System.out.println("check deployment through PgBouncer: " + line));
    assertThat(lines)
        .extracting(CheckDeployment.Line::check)
        .containsExactly(
            "database",
            "schema",
            "row-level security",
            "policies",
            "privileges",
            "tracking trigger",
            "realtime",
            "tokens",
            "alpaca");
    assertThat(lines).allMatch(line -> line.status() == CheckDeployment.Status.PASS);
    assertThat(lines.get(0).detail()).contains("transaction pooler");
    assertThat(lines.get(2).detail()).matches("enabled on all \\d+ tables");
  }

  @Test
  void a_migration_that_fails_through_the_pooler_names_the_session_pooler_port() {
    String broken = TestDatabase.newDatabase().jdbcUrl().replaceAll(".*/", "");
    Database.open(
            bouncer.settings(broken),
            Database.ConnectRetry.DEFAULT,
            new Database.PoolOptions(2, "pooler-broken"))
        .close();
    try (Database direct =
        Database.connect(
            TestDatabase.settingsFor(broken),
            Database.ConnectRetry.DEFAULT,
            new Database.PoolOptions(2, "pooler-direct"))) {
      direct
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      // as if V1 had been edited after it was applied
                      "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'"));
    }
    assertThatThrownBy(
            () ->
                Database.open(
                    bouncer.settings(broken),
                    Database.ConnectRetry.DEFAULT,
                    new Database.PoolOptions(2, "pooler-broken")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("transaction pooler")
        .hasMessageContaining("session pooler (port 5432)")
        .hasMessageContaining("swiftbolt db migrate");
  }

  @Test
  void the_scheduled_pipelines_and_serve_run_through_pgbouncer(@TempDir Path home)
      throws Exception {
    String own = TestDatabase.newDatabase().jdbcUrl().replaceAll(".*/", "");
    Map<String, String> env = Map.of("DATABASE_URL", bouncer.databaseUrl(own));
    CliRun.Result seeded = CliRun.run(env, home, "symbols", "seed");
    assertThat(seeded.exitCode()).as(seeded.err()).isZero();
    List<String> pipelines =
        List.of(
            PipelineCatalog.DAILY_DATA_REFRESH,
            PipelineCatalog.INTRADAY_INGESTION,
            PipelineCatalog.DATA_QUALITY,
            PipelineCatalog.ML_ORCHESTRATION,
            PipelineCatalog.RETRAINING);
    for (String pipeline : pipelines) {
      CliRun.Result run = CliRun.run(env, home, "pipeline", "run", pipeline);
      assertThat(run.exitCode()).as(pipeline + ": " + run.out() + run.err()).isZero();
    }
    try (Database pooled =
        Database.connect(
            bouncer.settings(own),
            Database.ConnectRetry.DEFAULT,
            new Database.PoolOptions(2, "pooler-pipelines"))) {
      List<String> recorded =
          pooled
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT pipeline FROM pipeline_runs WHERE status = 'succeeded'"
                                  + " ORDER BY id")
                          .mapTo(String.class)
                          .list());
      assertThat(recorded).containsExactlyElementsOf(pipelines);
    }

    String token = CliRun.run(env, home, "token", "pooled-user").out().strip();
    try (CliProcess serve =
        CliProcess.start(
            home.resolve("serve.log"),
            env,
            "--home",
            home.toString(),
            "serve",
            "--port",
            "0",
            "--workers",
            "1")) {
      serve.awaitOutput("API at http://localhost:", Duration.ofSeconds(120));
      java.util.regex.Matcher api =
          java.util.regex.Pattern.compile("API at http://localhost:(\\d+)/")
              .matcher(serve.output());
      assertThat(api.find()).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of("/api/v1/health", "/api/v1/watchlist", "/api/v1/jobs")) {
        HttpResponse<String> reply =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + api.group(1) + path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(path + ": " + reply.body()).isEqualTo(200);
      }
      serve.sigterm();
      assertThat(serve.awaitExit(Duration.ofSeconds(60))).as(serve.output()).isZero();
    }
    assertThat(bouncer.log()).doesNotContain("prepared statement");
  }

  @Test
  void demo_runs_its_whole_pipeline_through_pgbouncer(@TempDir Path home) {
    String own = TestDatabase.newDatabase().jdbcUrl().replaceAll(".*/", "");
    CliRun.Result demo =
        CliRun.run(
            Map.of("DATABASE_URL", bouncer.databaseUrl(own)),
            home,
            "demo",
            "--no-serve",
            "--intraday-months",
            "1",
            "--daily-years",
            "3", // the replay needs more than 2 years of D1
            "--replay-months",
            "1");
    assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
    assertThat(demo.out())
        .contains("[5/6] Unified predictions")
        .doesNotContain("Dead jobs keep their error");
    assertThat(bouncer.log()).doesNotContain("prepared statement");
  }
}
