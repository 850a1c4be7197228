package dev.swiftbolt.cli;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.jobs.JobHandlers;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.QueueStatistics;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import dev.swiftbolt.jobs.WorkerSummary;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.BackfillListener;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.LabelledSource;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.MarketDataSources;
import dev.swiftbolt.marketdata.SymbolLoad;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.ml.UnifiedPredictionService;
import dev.swiftbolt.pipelines.JobWiring;
import dev.swiftbolt.pipelines.PipelineCatalog;
import dev.swiftbolt.pipelines.PipelineRun;
import dev.swiftbolt.pipelines.PipelineRunner;
import dev.swiftbolt.predictions.StoredPrediction;
import dev.swiftbolt.predictions.StoredPredictions;
import dev.swiftbolt.replay.ReplayJson;
import dev.swiftbolt.replay.ReplayService;
import dev.swiftbolt.symbols.SymbolRegistry;
import dev.swiftbolt.symbols.WatchlistService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code swiftbolt demo [--no-serve] [--port N]}: the whole pipeline on simulated data, then the
 * dashboard. Every stage runs through the same code as production: the bars through the backfill
 * and COPY loader, the models through the job queue and a worker, the unified predictions through
 * the {@code ml-orchestration} pipeline.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole pipeline on simulated data, then serve the dashboard.",
      "Starts the embedded PostgreSQL (or uses DATABASE_URL), seeds the 8 core symbols, loads"
          + " SIMULATED bars for all five timeframes, tracks the symbols for 'demo-user' (which"
          + " queues backfill → train → forecast → validate), runs a worker until the queue is idle,"
          + " runs the ml-orchestration pipeline and prints a summary, then replays the last 6"
          + " months point-in-time (swiftbolt replay) and prints each symbol's replay summary;"
          + " NVDA's planted signal switches off midway, TSLA and META are random walks. Running it"
          + " again is idempotent.",
      "--no-serve runs it once and exits with the summary.",
      "Its database lives in demo/ under the home (~/.swiftbolt/demo by default, $SWIFTBOLT_HOME/demo when that is set, DIR/demo for `swiftbolt --home DIR demo`), so your own home never receives simulated bars; `swiftbolt demo --home DIR` uses DIR as is. With DATABASE_URL set, that database is used."
    })
final class DemoCommand implements Callable<Integer> {

  static final String DEMO_USER = "demo-user";
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @ParentCommand Main main;
  @Mixin RetrainingOption retraining;

  @Option(names = "--no-serve", description = "Run once, print a summary and exit")
  boolean noServe;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port of the dashboard (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--intraday-months",
      defaultValue = "18",
      description =
          "Months of simulated M15 history (H1/H4 are resampled from it; default: ${DEFAULT-VALUE})")
  int intradayMonths;

  @Option(
      names = "--daily-years",
      defaultValue = "8",
      description =
          "Years of simulated D1 history (W1 is resampled from it; default: ${DEFAULT-VALUE})")
  int dailyYears;

  @Option(
      names = "--replay-months",
      defaultValue = "6",
      description =
          "Months of past sessions replayed point-in-time after the live chain (default: ${DEFAULT-VALUE})")
  int replayMonths;

  @Option(
      names = "--workers",
      defaultValue = "2",
      description = "Worker threads for the demo's jobs (default: ${DEFAULT-VALUE})")
  int workers;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The demo's home under {@code home}: its own directory, never the user's real data. */
  static Path demoHome(Path home) {
    return home.resolve("demo");
  }

  @Override
  public Integer call() throws Exception {
    // `demo --home DIR` (the option after `demo`) is used as is; any other home gets demo/
    boolean homeGivenToDemo = spec.commandLine().getParseResult().hasMatchedOption("--home");
    Path home = homeGivenToDemo ? main.configuredHome() : demoHome(main.configuredHome());
    main.useHome(home);
    System.out.printf(
        "Demo home: %s (SIMULATED data only; explore it with `swiftbolt --home %s predictions`, `… serve`, `… jobs`)%n",
        home, home);
    validateOptions();
    long started = System.nanoTime();
    Clock clock = Clock.systemUTC();
    Database database = main.database(new Database.PoolOptions(workers + 6, "swiftbolt-demo"));
    System.out.println(ServeCommand.databaseLine(main, database));
    SymbolRegistry symbols = new SymbolRegistry(database.jdbi());
    int active = symbols.seed();
    List<String> codes = symbols.activeSymbols();
    System.out.println("[1/6] Seeded symbols: " + active + " active");

    LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
    LocalDate replayFrom = today.minusMonths(replayMonths);
    LocalDate signalLastDay = replayFrom.plusDays(ChronoUnit.DAYS.between(replayFrom, today) / 2);
    LabelledSource simulator =
        MarketDataSources.demoSimulator(new BarSchedule(TradingCalendar.nyse()), signalLastDay);
    System.out.println("[2/6] " + simulator.announcement());
    loadSimulatedBars(database, clock, codes, simulator);

    WatchlistService watchlist = new WatchlistService(database.jdbi());
    int queued = 0;
    for (String code : codes) {
      queued += watchlist.track(DEMO_USER, code).jobs().size();
    }
    System.out.printf(
        "[3/6] Tracked %d symbols for %s (%d active jobs: backfill → train → forecast →"
            + " validate)%n",
        codes.size(), DEMO_USER, queued);
    JobQueue queue = JobWiring.queue(database, clock);
    JobHandlers handlers = JobWiring.handlers(database, clock, () -> simulator);
    WorkerSummary tracked = drain(database, queue, handlers, "      jobs");

    PipelineCatalog catalog = JobWiring.pipelines(database, clock);
    PipelineRun run =
        new PipelineRunner(database.jdbi(), clock)
            .runNow(catalog.get(PipelineCatalog.ML_ORCHESTRATION));
    System.out.printf(
        "[4/6] Pipeline %s run %d: %s; running its jobs%n", run.pipeline(), run.id(), run.status());
    WorkerSummary orchestrated = drain(database, queue, handlers, "      jobs");

    List<StoredPrediction> predictions = new StoredPredictions(database.jdbi()).latestPerSymbol();
    System.out.println("[5/6] Unified predictions (SIMULATED data):");
    printSummary(predictions);
    int replayFailures = replay(codes, replayFrom);
    long dead = tracked.dead() + orchestrated.dead();
    System.out.printf(
        "Jobs: %d succeeded, %d retried, %d dead. Done in %.1f s.%n",
        tracked.succeeded() + orchestrated.succeeded(),
        tracked.retried() + orchestrated.retried(),
        dead,
        (System.nanoTime() - started) / 1e9);
    if (dead > 0) {
      System.out.println("Dead jobs keep their error: swiftbolt jobs --status dead");
    }
    System.out.printf(
        "The demo's data is in %s: `swiftbolt --home %s predictions` lists it again, `swiftbolt --home %s serve` serves it.%n",
        home, home, home);
    if (noServe) {
      return predictions.size() == codes.size() && dead == 0 && replayFailures == 0 ? 0 : 1;
    }
    return ServeCommand.serveUntilStopped(
        main, ServeCommand.DEFAULT_HOST, port, workers, Optional.of(DEMO_USER), true);
  }

  /** Replays the sessions from {@code from} on and prints each symbol's summary line. */
  private int replay(List<String> codes, LocalDate from) {
    ReplayService service = ReplayCommand.service(main, retraining.policy());
    LocalDate to = service.lastStoredSession(codes, UnifiedPredictionService.DEFAULT_PRIMARY);
    System.out.printf(
        "[6/6] Replay %s to %s, point-in-time (SIMULATED data; %s's signal switches off midway):%n",
        from, to, MarketDataSources.DEMO_SWITCHING_SYMBOL);
    ReplayService.Outcome outcome;
    try (Progress progress =
        Progress.open("      replay", (long) codes.size() * service.sessions(from, to).size())) {
      outcome =
          service.replay(
              new ReplayService.Request(codes, from, Optional.of(to), List.of(Timeframe.values())),
              UnifiedPredictionService.DEFAULT_PRIMARY,
              progress::step);
    }
    int failures = 0;
    for (ReplayService.SymbolResult r : outcome.results()) {
      if (r.error().isPresent()) {
        failures++;
        System.out.println("      " + r.symbol() + ": replay failed: " + r.error().get());
      } else {
        System.out.println("      " + ReplayJson.text(r.summary()));
      }
    }
    System.out.println(
        "      "
            + ReplayJson.pooledText(
                outcome.results().stream()
                    .filter(r -> r.error().isEmpty())
                    .flatMap(r -> r.days().stream())
                    .toList()));
    return failures;
  }

  private void validateOptions() {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
    }
    if (intradayMonths < 1 || intradayMonths > 60) {
      throw new IllegalArgumentException("--intraday-months must be between 1 and 60");
    }
    if (dailyYears < 2 || dailyYears > 30) {
      throw new IllegalArgumentException("--daily-years must be between 2 and 30");
    }
    if (replayMonths < 1 || replayMonths > 24) {
      throw new IllegalArgumentException(
          "--replay-months must be between 1 and 24, got " + replayMonths);
    }
    if (workers < 1 || workers > 16) {
      throw new IllegalArgumentException("--workers must be between 1 and 16");
    }
  }

  private void loadSimulatedBars(
      Database database, Clock clock, List<String> codes, LabelledSource simulator) {
    MarketDataService marketData = MarketDataService.withDefaults(database.jdbi(), clock);
    LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
    try (Progress bar = Progress.open("      bars", codes.size() * 2L)) {
      BackfillListener listener = load -> bar.step();
      List<SymbolLoad> daily =
          marketData.backfill(
              codes,
              EnumSet.of(Timeframe.D1, Timeframe.W1),
              Optional.of(today.minusYears(dailyYears)),
              Optional.empty(),
              simulator,
              listener);
      List<SymbolLoad> intraday =
          marketData.backfill(
              codes,
              EnumSet.of(Timeframe.M15, Timeframe.H1, Timeframe.H4),
              Optional.of(today.minusMonths(intradayMonths)),
              Optional.empty(),
              simulator,
              listener);
      for (SymbolLoad load : concat(daily, intraday)) {
        if (!load.succeeded()) {
          throw new IllegalStateException(
              "simulated backfill failed: " + load.error().orElse("(no message)"));
        }
      }
    }
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** Runs a worker until no job is due, with a progress bar over the queue's jobs. */
  private WorkerSummary drain(Database database, JobQueue queue, JobHandlers handlers, String label)
      throws InterruptedException {
    WorkerOptions options =
        WorkerOptions.defaults().withConcurrency(workers).withBatchSize(workers);
    try (Worker worker = new Worker(queue, handlers, options);
        Progress bar = Progress.open(label, pendingJobs(database))) {
      Thread watcher =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  long pending = pendingJobs(database);
                  long done = worker.summary().succeeded() + worker.summary().dead();
                  bar.maxHint(done + pending);
                  bar.stepTo(done);
                  try {
                    Thread.sleep(250);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "demo-progress");
      watcher.setDaemon(true);
      watcher.start();
      WorkerSummary summary = worker.runUntilIdle();
      watcher.interrupt();
      watcher.join();
      bar.maxHint(summary.succeeded() + summary.dead());
      bar.stepTo(summary.succeeded() + summary.dead());
      return summary;
    }
  }

  private static long pendingJobs(Database database) {
    return new QueueStatistics(database.jdbi()).pending();
  }

  private static void printSummary(List<StoredPrediction> predictions) {
    if (predictions.isEmpty()) {
      System.out.println("      none (see `swiftbolt jobs --status dead`)");
      return;
    }
    PredictionTable.print(System.out, "      ", predictions);
  }
}
