package dev.swiftbolt.cli;

import dev.swiftbolt.config.Json;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import dev.swiftbolt.jobs.WorkerSummary;
import dev.swiftbolt.pipelines.JobWiring;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt worker [--concurrency N] [--once] [--lease SECONDS] [--grace SECONDS]}. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Claim and run jobs from the queue until stopped.",
      "On SIGTERM or Ctrl-C it stops claiming, lets running jobs finish for up to 30 s (--grace) and"
          + " releases the rest.",
      "Start as many workers as you like, on any machine that reaches the same database.",
      "Exit: 0, also after a stop by SIGTERM or Ctrl-C; 1 when jobs still running after the grace"
          + " period were interrupted and released; with --once, 1 when a job it ran died or when"
          + " claiming failed 10 times in a row (the database or its pooler refused the claim query;"
          + " jobs may still be due)."
    })
final class WorkerCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "4",
      description = "Jobs run at once (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Option(names = "--once", description = "Run until no job is due, then exit")
  boolean once;

  @Option(
      names = "--lease",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Lease of a claimed job, extended while it runs; a dead worker's job is claimed again"
              + " after it (default: ${DEFAULT-VALUE})")
  int leaseSeconds;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "Most jobs claimed per query (default: the concurrency)")
  Integer batch;

  @Option(
      names = "--grace",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "On SIGTERM or Ctrl-C, how long running jobs may take to finish before they are interrupted and released (default: ${DEFAULT-VALUE})")
  int graceSeconds;

  @Option(names = "--json", description = "Print the summary as JSON")
  boolean json;

  /**
   * Applied last to the options built from the flags; tests shorten the idle and error waits with
   * it so that the command's exit codes can be checked without waiting out real back-offs.
   */
  UnaryOperator<WorkerOptions> tuning = UnaryOperator.identity();

  @Override
  public Integer call() throws Exception {
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException("--concurrency must be between 1 and 256: " + concurrency);
    }
    if (leaseSeconds < 1) {
      throw new IllegalArgumentException("--lease must be at least 1 second: " + leaseSeconds);
    }
    if (graceSeconds < 0) {
      throw new IllegalArgumentException("--grace must be 0 seconds or more: " + graceSeconds);
    }
    int batchSize = batch == null ? concurrency : batch;
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch must be at least 1: " + batchSize);
    }
    WorkerOptions options =
        WorkerOptions.defaults()
            .withConcurrency(concurrency)
            .withLease(Duration.ofSeconds(leaseSeconds))
            .withBatchSize(batchSize)
            .withShutdownGrace(Duration.ofSeconds(graceSeconds));
    options = tuning.apply(options);
    // A connection per job thread, plus the poller, the completer and the heartbeat.
    Database db =
        main.database(new Database.PoolOptions(Math.max(10, concurrency + 3), "swiftbolt-worker"));
    Clock clock = Clock.systemUTC();
    Worker worker =
        new Worker(
            JobWiring.queue(db, clock), JobWiring.handlers(db, main.config(), clock), options);
    CountDownLatch printed = new CountDownLatch(1);
    main.closeInOwnShutdownHook();
    Thread hook =
        new Thread(
            () -> {
              worker.stop();
              // Let the command print its summary before the process ends.
              awaitQuietly(printed, SUMMARY_WAIT);
              main.close();
              // A stop by SIGTERM is a success for a service manager, not the JVM's 143.
              GracefulExit.halt(worker.graceRanOut() ? 1 : 0);
            },
            "worker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    WorkerSummary summary;
    try {
      if (once) {
        summary = worker.runUntilIdle();
      } else {
        worker.start();
        summary = worker.awaitStopped();
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it stops the worker, closes the database and sets the exit code.
      }
    }
    try {
      print(options.workerId(), summary);
      if (summary.gaveUpClaiming()) {
        System.err.println(
            "error: worker %s could not claim jobs (%d failed claims, the last %d in a row); the log names the database's error"
                .formatted(
                    options.workerId(), summary.claimFailures(), Worker.CLAIM_ATTEMPTS_UNTIL_IDLE));
      }
    } finally {
      printed.countDown();
    }
    return (once && (summary.dead() > 0 || summary.gaveUpClaiming())) || worker.graceRanOut()
        ? 1
        : 0;
  }

  /** How long the shutdown hook waits for the summary to be printed. */
  private static final Duration SUMMARY_WAIT = Duration.ofSeconds(5);

  private static void awaitQuietly(CountDownLatch latch, Duration wait) {
    try {
      latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void print(String workerId, WorkerSummary s) throws Exception {
    if (json) {
      System.out.println(Json.mapper().writeValueAsString(s));
      return;
    }
    System.out.printf(
        "worker %s: %d claimed, %d succeeded, %d retried, %d dead, %d released, %d lost leases,"
            + " %d failed claims in %.1f s%n",
        workerId,
        s.claimed(),
        s.succeeded(),
        s.retried(),
        s.dead(),
        s.released(),
        s.lostLeases(),
        s.claimFailures(),
        s.elapsed().toMillis() / 1000.0);
  }
}
