package dev.swiftbolt.cli;

import dev.swiftbolt.api.ApiServer;
import dev.swiftbolt.auth.JwtSecret;
import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import dev.swiftbolt.pipelines.JobWiring;
import dev.swiftbolt.symbols.AlpacaAssets;
import dev.swiftbolt.symbols.AssetList;
import dev.swiftbolt.symbols.FakeAlpacaAssets;
import dev.swiftbolt.symbols.SymbolRegistry;
import dev.swiftbolt.symbols.SymbolRepository;
import dev.swiftbolt.symbols.SymbolSync;
import dev.swiftbolt.symbols.SyncResult;
import dev.swiftbolt.symbols.WatchlistService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 11's benchmarks, each beside a reference measured in the same run. Not a unit test
 * (excluded from surefire); run its main():
 *
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.swiftbolt.cli.SymbolsBenchmark
 * </pre>
 *
 * <ol>
 *   <li>{@code symbols sync} of 12,000 assets from a WireMock Alpaca, first and second run, against
 *       the download and parse of the same list alone;
 *   <li>{@code GET /api/v1/symbols?query=} over those 12,006 symbols: p50/p99 of sequential
 *       requests cycling through 12 queries, against {@code GET /api/v1/health}; then wrk, when
 *       installed;
 *   <li>{@code track} of a new simulated symbol to its stored unified prediction with one worker
 *       (default concurrency), with each job's share.
 * </ol>
 */
public final class SymbolsBenchmark {

  private static final List<String> QUERIES =
      List.of(
          "a",
          "app",
          "aapl",
          "xab",
          "xzzz",
          "general",
          "global hold",
          "société",
          "brk.b",
          "nes",
          "therapeutics",
          "x");

  private SymbolsBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (FakeAlpacaAssets alpaca = new FakeAlpacaAssets();
        Database db =
            Database.open(
                TestDatabase.newDatabase(),
                Database.ConnectRetry.DEFAULT,
                Database.PoolOptions.DEFAULT)) {
      new SymbolRepository(db.jdbi()).seed();
      alpaca.serveGeneratedList(12_000);
      sync(alpaca.client(), db);
      search(db);
      trackToPrediction(db);
    }
    System.exit(0);
  }

  private static void sync(AlpacaAssets client, Database db) {
    client.activeAssets(); // warm-up of the HTTP client and Jackson
    long t0 = System.nanoTime();
    AssetList list = client.activeAssets();
    double download = seconds(t0);
    SymbolSync sync = new SymbolSync(db.jdbi());
    long t1 = System.nanoTime();
    SyncResult first = sync.apply("alpaca", client.activeAssets());
    double firstRun = seconds(t1);
    long t2 = System.nanoTime();
    SyncResult second = sync.apply("alpaca", client.activeAssets());
    double secondRun = seconds(t2);
    System.out.printf(
        "sync: %d assets; download+parse alone %.3f s; first sync %.3f s (%.1f× the download;"
            + " %s); second sync %.3f s (%.1f×; %s)%n",
        list.assets().size(),
        download,
        firstRun,
        firstRun / download,
        first.summary(),
        secondRun,
        secondRun / download,
        second.summary());
  }

  private static void search(Database db) throws Exception {
    db.jdbi().useHandle(h -> h.execute("ANALYZE symbols"));
    try (ApiServer server =
        new ApiServer(
                db, JwtSecret.of("benchmark-secret-that-is-at-least-32-bytes!"), Clock.systemUTC())
            .start(0)) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://localhost:" + server.port();
      for (int i = 0; i < 500; i++) {
        get(http, base + "/api/v1/health");
        get(http, base + searchPath(i));
      }
      int n = 3_000;
      double[] health = new double[n];
      double[] page = new double[n];
      double[] search = new double[n];
      for (int i = 0; i < n; i++) {
        long a = System.nanoTime();
        get(http, base + "/api/v1/health");
        health[i] = (System.nanoTime() - a) / 1e6;
        long b = System.nanoTime();
        get(http, base + "/api/v1/symbols?limit=20&offset=" + (i * 20 % 12_000));
        page[i] = (System.nanoTime() - b) / 1e6;
        long c = System.nanoTime();
        get(http, base + searchPath(i));
        search[i] = (System.nanoTime() - c) / 1e6;
      }
      Arrays.sort(health);
      Arrays.sort(page);
      Arrays.sort(search);
      System.out.printf(
          "search over %d symbols, %d sequential requests cycling %d queries: p50 %.2f ms, p99"
              + " %.2f ms; references: a listing page (one indexed query) p50 %.2f ms, p99 %.2f"
              + " ms, health (cached, no query) p50 %.2f ms, p99 %.2f ms; search / page p50"
              + " %.1f×, p99 %.1f×%n",
          new SymbolRepository(db.jdbi()).list().size(),
          n,
          QUERIES.size(),
          pct(search, 50),
          pct(search, 99),
          pct(page, 50),
          pct(page, 99),
          pct(health, 50),
          pct(health, 99),
          pct(search, 50) / pct(page, 50),
          pct(search, 99) / pct(page, 99));
      wrk(base);
    }
  }

  private static void wrk(String base) throws IOException, InterruptedException {
    Path wrk = Path.of("/usr/bin/wrk");
    if (!Files.isExecutable(wrk)) {
      System.out.println("wrk: not installed, skipped");
      return;
    }
    Path script = Files.createTempFile("symbols-search", ".lua");
    StringBuilder lua = new StringBuilder("local q = {");
    for (String query : QUERIES) {
      lua.append('"').append(URLEncoder.encode(query, StandardCharsets.UTF_8)).append("\",");
    }
    lua.append(
        "}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\","
            + " \"/api/v1/symbols?limit=20&query=\" .. q[(i % #q) + 1])\nend\n");
    Files.writeString(script, lua);
    for (String[] run :
        List.of(
            new String[] {"search", "-s", script.toString(), base},
            new String[] {
              "listing page (reference)", base + "/api/v1/symbols?limit=20&offset=100"
            })) {
      ProcessBuilder pb = new ProcessBuilder();
      List<String> cmd =
          new java.util.ArrayList<>(List.of(wrk.toString(), "-c16", "-t2", "-d10s", "--latency"));
      cmd.addAll(List.of(run).subList(1, run.length));
      pb.command(cmd).redirectErrorStream(true);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      System.out.println("wrk -c16 -t2 -d10s, " + run[0] + ":");
      out.lines()
          .filter(
              l ->
                  l.contains("50%")
                      || l.contains("99%")
                      || l.contains("Requests/sec")
                      || l.contains("Non-2xx"))
          .forEach(l -> System.out.println("  " + l.strip()));
    }
    Files.deleteIfExists(script);
  }

  private static void trackToPrediction(Database db) throws Exception {
    Clock clock = Clock.systemUTC();
    new SymbolRegistry(db.jdbi(), Optional.empty())
        .add("ZBENCH", Optional.of("Benchmark Newcomer Inc."), Optional.empty(), Optional.empty());
    try (Worker worker =
        new Worker(
            JobWiring.queue(db, clock),
            JobWiring.handlers(
                db, SwiftBoltConfig.from(Map.of(), Optional.empty()), clock, Optional.of("sim")),
            WorkerOptions.defaults())) {
      worker.start();
      long t0 = System.nanoTime();
      new WatchlistService(db.jdbi()).track("bench-user", "ZBENCH");
      while (db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT count(*) FROM unified_predictions WHERE symbol = 'ZBENCH'")
                          .mapTo(Long.class)
                          .one())
          == 0) {
        Thread.sleep(50);
        if (seconds(t0) > 600) {
          throw new IllegalStateException("no prediction after 10 minutes");
        }
      }
      double total = seconds(t0);
      System.out.printf(
          "track → stored unified prediction (one worker, default concurrency): %.1f s%n", total);
      db.jdbi()
          .useHandle(
              h ->
                  h.createQuery(
                          "SELECT j.job_type,"
                              + " extract(epoch FROM j.finished_at - j.created_at) AS since_created"
                              + " FROM forecast_jobs j JOIN symbols s ON s.id = j.symbol_id"
                              + " WHERE s.symbol = 'ZBENCH' ORDER BY j.finished_at")
                      .mapToMap()
                      .forEach(
                          row ->
                              System.out.printf(
                                  "  %-9s finished %.1f s after it was queued%n",
                                  row.get("job_type"),
                                  ((Number) row.get("since_created")).doubleValue())));
      worker.stop();
    }
  }

  private static String searchPath(int i) {
    return "/api/v1/symbols?limit=20&query="
        + URLEncoder.encode(QUERIES.get(i % QUERIES.size()), StandardCharsets.UTF_8);
  }

  private static void get(HttpClient http, String url) throws Exception {
    HttpResponse<Void> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
