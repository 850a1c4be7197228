package dev.swiftbolt.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.JobHandlers;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.RetryPolicy;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarRepository;
import dev.swiftbolt.ml.MlService;
import dev.swiftbolt.ml.MlSettings;
import dev.swiftbolt.ml.SyntheticBars;
import dev.swiftbolt.ml.UnifiedPredictionService;
import dev.swiftbolt.ml.registry.BarReader;
import dev.swiftbolt.predictions.PredictionListener;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.symbols.SymbolRepository;
import dev.swiftbolt.validation.Fixtures;
import dev.swiftbolt.validation.UnifiedPrediction;
import dev.swiftbolt.validation.UnifiedValidator;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Alerts' targets in one run on the embedded PostgreSQL: (1) stored prediction → signed webhook
 * received by a local receiver, one worker, queue otherwise idle (p50/p99); (2) deliveries per
 * second to that receiver with one worker; (3) the plain {@code validate} step (the unified
 * prediction computed from stored forecasts and evaluations, and stored) with and without the
 * outbox, and the bare INSERT with and without it. Not a unit test (excluded from surefire); run
 * {@code bench/alerts-bench.sh} or its main() with [latency-samples [deliveries [store-samples
 * [durable]]]]: durable (the default) runs on a server configured like production's embedded one,
 * whose commits wait for the WAL flush; {@code false} on the shared test server, which does not
 * flush.
 */
public final class AlertsBenchmark {

  private AlertsBenchmark() {}

  /** The system clock moved forward by hand (so cooldowns pass without waiting). */
  static final class ShiftedClock extends Clock {
    final AtomicLong shiftMillis = new AtomicLong();

    @Override
    public Instant instant() {
      return Instant.now().plusMillis(shiftMillis.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Webhooks the receiver has taken, and a wait on that count (instead of polling it). */
  static final class Received {
    private long count;

    synchronized void add() {
      count++;
      notifyAll();
    }

    synchronized long count() {
      return count;
    }

    /** Waits until at least {@code n} have come, or {@code max} passed; whether they came. */
    synchronized boolean awaitAtLeast(long n, Duration max) throws InterruptedException {
      long deadline = System.nanoTime() + max.toNanos();
      while (count < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }
  }

  public static void main(String[] args) throws Exception {
    int latencySamples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int deliveries = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int storeSamples = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    boolean durable = args.length <= 3 || Boolean.parseBoolean(args[3]);
    Database db =
        durable
            ? Database.open(
                TestDatabase.durableServer(),
                Database.ConnectRetry.DEFAULT,
                Database.PoolOptions.DEFAULT)
            : TestDatabase.create();
    Jdbi jdbi = db.jdbi();
    ShiftedClock clock = new ShiftedClock();
    Map<Long, Long> receivedAt = new ConcurrentHashMap<>();
    Received received = new Received();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    ExecutorService receiverThreads = Executors.newFixedThreadPool(8);
    receiver.setExecutor(receiverThreads);
    receiver.createContext(
        "/hook",
        exchange -> {
          long now = System.nanoTime();
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          long id =
              dev.swiftbolt.config.Json.mapper()
                  .readTree(body)
                  .at("/data/notification_id")
                  .asLong();
          receivedAt.putIfAbsent(id, now);
          received.add();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

    new SymbolRepository(jdbi).seed();
    jdbi.useHandle(
        h -> {
          h.execute("INSERT INTO symbols (symbol, name, exchange) VALUES ('SIMA', 'Sim', 'SIM')");
          h.execute(
              "INSERT INTO user_symbol_tracking (user_id, symbol_id)"
                  + " SELECT 'bench', id FROM symbols WHERE symbol = 'SIMA'");
          h.execute("DELETE FROM forecast_jobs");
        });
    Alerts alerts = new Alerts(jdbi, clock, new WebhookUrlRule(true, InetAddress::getAllByName));
    alerts
        .feed()
        .saveSettings("bench", NotificationSettings.DEFAULTS.withCooldown(Duration.ofMinutes(1)));
    alerts.webhooks().add("bench", url, java.util.Set.of());
    JobQueue queue = new JobQueue(jdbi, clock, RetryPolicy.defaultPolicy());
    JobHandlers handlers =
        JobHandlers.builder().register(WebhookOutbox.JOB_TYPE, alerts.deliveryHandler()).build();

    // (1) latency: one worker with its default options, idle between events
    Worker worker = new Worker(queue, handlers, WorkerOptions.defaults());
    worker.start();
    UnifiedPredictionRepository withOutbox =
        new UnifiedPredictionRepository(jdbi, alerts.predictions());
    UnifiedValidator validator = new UnifiedValidator();
    long[] latencies = new long[latencySamples];
    for (int i = 0; i < latencySamples + 10; i++) {
      clock.shiftMillis.addAndGet(Duration.ofMinutes(2).toMillis());
      Direction d = i % 2 == 0 ? Direction.BULLISH : Direction.BEARISH;
      UnifiedPrediction p = validator.validate("SIMA", d, Fixtures.scores(0.7, 0.7, 0.7));
      long expected = received.count() + 1;
      withOutbox.store(p);
      long stored = System.nanoTime();
      if (!received.awaitAtLeast(expected, Duration.ofSeconds(10)) && i > 0) {
        throw new IllegalStateException("no webhook within 10 s after prediction " + i);
      }
      if (i >= 10) { // the first events warm the JIT and the pool; the first is prediction.ready
        long newest = alerts.feed().latestId("bench");
        latencies[i - 10] = receivedAt.get(newest) - stored;
      }
      // the benchmark's input, not a wait: the next event arrives at a random point of the
      // worker's idle poll, so the latencies sample the whole poll interval
      Thread.sleep((long) (Math.random() * 300));
    }
    worker.stop();

    // (2) throughput: `deliveries` events queued, then one worker drains them
    jdbi.useHandle(h -> h.execute("DELETE FROM forecast_jobs"));
    long already = received.count();
    jdbi.useTransaction(
        h -> {
          for (int i = 0; i < deliveries; i++) {
            Outbox.write(
                h,
                "bench",
                NotificationSettings.DEFAULTS,
                new AlertEvent(
                    Optional.of("SIMA"),
                    NotificationKind.DATA_STALE,
                    "t",
                    "b",
                    JsonNodeFactory.instance.objectNode().put("symbol", "SIMA"),
                    "bulk:" + i,
                    "bulk:" + i),
                clock.instant());
          }
        });
    Worker drain = new Worker(queue, handlers, WorkerOptions.defaults());
    long t0 = System.nanoTime();
    drain.start();
    if (!received.awaitAtLeast(already + deliveries, Duration.ofMinutes(10))) {
      throw new IllegalStateException(
          (received.count() - already) + " of " + deliveries + " webhooks within 10 min");
    }
    double drainSeconds = (System.nanoTime() - t0) / 1e9;
    drain.stop();
    receiver.stop(0);
    receiverThreads.shutdownNow(); // its threads are not daemons: the JVM would never exit

    // (3) the validate step with and without the outbox, same data, alternating
    long symbolId = new SymbolRepository(jdbi).require("SIMA");
    List<Bar> daily = SyntheticBars.autoregressive(77, 1400, 0.05, 0.01);
    BarRepository bars = new BarRepository(jdbi);
    bars.upsert(symbolId, Timeframe.D1, BarRepository.SIMULATED, daily);
    bars.upsert(symbolId, Timeframe.W1, BarRepository.SIMULATED, SyntheticBars.weekly(daily));
    Clock after =
        Clock.fixed(daily.get(daily.size() - 1).ts().plus(Duration.ofDays(1)), ZoneOffset.UTC);
    MlService ml = new MlService(jdbi, BarReader.ohlcBars(jdbi), MlSettings.defaults(), after);
    ml.train("SIMA", Timeframe.D1);
    ml.forecast("SIMA", Timeframe.D1, true);
    // (1)'s predictions carry today's as_of, later than the validate step's fixed clock: left in
    // place they would stay the "previous" prediction, and every sample would fire events (each
    // one looked up and dropped by the cooldown) instead of measuring a store that fires none.
    jdbi.useHandle(h -> h.execute("DELETE FROM unified_predictions WHERE symbol = 'SIMA'"));
    for (int u = 0; u < 4; u++) { // five trackers in all
      final int user = u;
      jdbi.useHandle(
          h ->
              h.execute(
                  "INSERT INTO user_symbol_tracking (user_id, symbol_id) VALUES (?, ?)",
                  "tracker-" + user,
                  symbolId));
    }
    UnifiedPredictionService plain =
        new UnifiedPredictionService(jdbi, Timeframe.D1, after, PredictionListener.NONE);
    UnifiedPredictionService outboxed =
        new UnifiedPredictionService(jdbi, Timeframe.D1, after, alerts.predictions());
    UnifiedPredictionRepository bare = new UnifiedPredictionRepository(jdbi);
    UnifiedPrediction sample = plain.predictAndStore("SIMA"); // same state: no event is written
    for (int i = 0; i < 30; i++) { // warm-up
      plain.predictAndStore("SIMA");
      outboxed.predictAndStore("SIMA");
      bare.store(sample);
      withOutbox.store(sample);
    }
    long[] validatePlain = new long[storeSamples];
    long[] validateOutbox = new long[storeSamples];
    long[] insertPlain = new long[storeSamples];
    long[] insertOutbox = new long[storeSamples];
    long notificationsBefore = notifications(jdbi);
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    for (int i = 0; i < storeSamples; i++) {
      // alternating, and which of the pair goes first alternates too, so neither side always runs
      // on a connection or cache the other just warmed
      if (i % 2 == 0) {
        validatePlain[i] = time(() -> plain.predictAndStore("SIMA").hashCode());
        validateOutbox[i] = time(() -> outboxed.predictAndStore("SIMA").hashCode());
        insertPlain[i] = time(() -> bare.store(sample));
        insertOutbox[i] = time(() -> withOutbox.store(sample));
      } else {
        validateOutbox[i] = time(() -> outboxed.predictAndStore("SIMA").hashCode());
        validatePlain[i] = time(() -> plain.predictAndStore("SIMA").hashCode());
        insertOutbox[i] = time(() -> withOutbox.store(sample));
        insertPlain[i] = time(() -> bare.store(sample));
      }
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long writtenDuringSamples = notifications(jdbi) - notificationsBefore;
    Map<String, String> durability =
        jdbi.withHandle(
            h ->
                Map.of(
                    "fsync", h.createQuery("SHOW fsync").mapTo(String.class).one(),
                    "synchronous_commit",
                        h.createQuery("SHOW synchronous_commit").mapTo(String.class).one()));
    db.close();

    System.out.printf(
        "PostgreSQL embedded, %s (fsync=%s, synchronous_commit=%s)%n%n",
        durable ? "configured like production's" : "the test server",
        durability.get("fsync"),
        durability.get("synchronous_commit"));
    System.out.println("| measure | value |");
    System.out.println("|---|---|");
    System.out.printf(
        "| stored prediction → webhook received, p50 (n=%d) | %.1f ms |%n",
        latencySamples, ms(pct(latencies, 50)));
    System.out.printf(
        "| stored prediction → webhook received, p99 | %.1f ms |%n", ms(pct(latencies, 99)));
    System.out.printf(
        "| stored prediction → webhook received, max | %.1f ms |%n", ms(pct(latencies, 100)));
    System.out.printf(
        "| deliveries per second, one worker (defaults: 4 threads), %d deliveries | %.0f /s |%n",
        deliveries, deliveries / drainSeconds);
    System.out.printf(
        "| validate step (predict and store), no outbox, median (n=%d) | %.2f ms |%n",
        storeSamples, ms(pct(validatePlain, 50)));
    System.out.printf(
        "| validate step with the outbox (5 trackers, no event), median | %.2f ms |%n",
        ms(pct(validateOutbox, 50)));
    printOverhead("the validate step", validatePlain, validateOutbox);
    System.out.printf(
        "| bare INSERT of a unified prediction, median | %.2f ms |%n", ms(pct(insertPlain, 50)));
    System.out.printf(
        "| INSERT with the outbox (5 trackers, no event), median | %.2f ms |%n",
        ms(pct(insertOutbox, 50)));
    printOverhead("the bare INSERT", insertPlain, insertOutbox);
    System.out.printf(
        "| notifications written during the store samples (expected: none) | %d |%n",
        writtenDuringSamples);
    System.out.printf(
        "| 1-minute load average before / after the store samples (%d cores) | %.2f / %.2f |%n",
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
  }

  /**
   * The two overhead rows of {@code what}: of the medians, and the median of paired differences.
   */
  private static void printOverhead(String what, long[] without, long[] with) {
    System.out.printf(
        "| outbox overhead on %s (of the medians) | %+.1f %% |%n", what, overhead(without, with));
    System.out.printf(
        "| outbox overhead on %s (median of paired differences) | %+.1f %% |%n",
        what, pairedOverhead(without, with));
  }

  private static long notifications(Jdbi jdbi) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM notifications").mapTo(Long.class).one());
  }

  /** How much slower the median of {@code with} is than that of {@code without}, in %. */
  private static double overhead(long[] without, long[] with) {
    return 100.0 * (pct(with, 50) - pct(without, 50)) / pct(without, 50);
  }

  /** The median of the samples' pairwise differences, in % of the median without. */
  private static double pairedOverhead(long[] without, long[] with) {
    long[] differences = new long[without.length];
    for (int i = 0; i < without.length; i++) {
      differences[i] = with[i] - without[i];
    }
    return 100.0 * pct(differences, 50) / pct(without, 50);
  }

  private static long time(LongSupplier work) {
    long t = System.nanoTime();
    work.getAsLong();
    return System.nanoTime() - t;
  }

  private static long pct(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
