package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.cli.CliRun.Result;
import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.Databases;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code worker} and {@code pipeline} end to end on an embedded database in a temporary home. */
class WorkerPipelineCliTest {

  @TempDir static Path home;

  private static Result run(String... args) {
    return CliRun.run(home, args);
  }

  private static void sql(Consumer<Handle> work) {
    try (Database db =
        Databases.open(
            SwiftBoltConfig.from(Map.of(), Optional.of(home)), Database.PoolOptions.DEFAULT)) {
      db.jdbi().useHandle(work::accept);
    }
  }

  @BeforeAll
  static void seed() {
    assertThat(run("symbols", "seed").exitCode()).isZero();
  }

  @Test
  void worker_once_runs_due_noop_jobs_and_exits_0() {
    sql(
        h ->
            h.execute(
                "INSERT INTO forecast_jobs (job_type) SELECT 'noop' FROM generate_series(1, 25)"));
    Result r = run("worker", "--once", "--concurrency", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("25 claimed, 25 succeeded, 0 retried, 0 dead");
  }

  @Test
  void worker_once_exits_1_when_a_job_it_ran_died_and_the_job_keeps_its_error() {
    sql(
        h -> {
          h.execute("DELETE FROM forecast_jobs");
          h.execute("INSERT INTO forecast_jobs (job_type, max_attempts) VALUES ('unwired', 1)");
        });
    Result r = run("worker", "--once");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("1 dead");
    Result dead = run("jobs", "--status", "dead", "--json");
    assertThat(dead.out())
        .contains("\"job_type\":\"unwired\"")
        .contains("no handler for job type 'unwired'");
  }

  @Test
  void worker_once_exits_1_and_says_why_when_claiming_keeps_failing() {
    sql(
        h -> {
          h.execute("DELETE FROM forecast_jobs");
          h.execute("INSERT INTO forecast_jobs (job_type) VALUES ('noop')");
          // the queue out of reach, as a broken pooler or database would leave it
          h.execute("ALTER TABLE forecast_jobs RENAME TO forecast_jobs_away");
        });
    Main main = new Main(System.getenv());
    StringWriter usage = new StringWriter();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    try {
      CommandLine cmd = Main.commandLine(main);
      cmd.setErr(new PrintWriter(usage, true));
      // the real back-off (50 ms doubling to 5 s) would spend 16 s on ten failed claims
      ((WorkerCommand) cmd.getSubcommands().get("worker").getCommand()).tuning =
          o -> o.withIdlePoll(Duration.ofMillis(1), Duration.ofMillis(20));
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = cmd.execute("--home", home.toString(), "worker", "--once");
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
      main.close();
      sql(h -> h.execute("ALTER TABLE forecast_jobs_away RENAME TO forecast_jobs"));
    }
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(stderr + usage).isEqualTo(1);
    assertThat(stderr).contains("could not claim jobs (10 failed claims, the last 10 in a row)");
  }

  @Test
  void a_tracked_symbol_is_carried_by_one_worker_run_from_backfill_to_a_unified_prediction() {
    sql(h -> h.execute("DELETE FROM forecast_jobs"));
    assertThat(run("track", "cli-user", "CRWD").exitCode()).isZero();
    Result worker = run("worker", "--once");
    assertThat(worker.exitCode()).as(worker.err()).isZero();

    Result jobs = run("jobs", "--symbol", "CRWD");
    for (String type : new String[] {"backfill", "train", "forecast", "validate"}) {
      assertThat(line(jobs.out(), type)).as(type).contains("succeeded");
    }

    Result bars = run("bars", "CRWD", "--timeframe", "D1", "--json");
    assertThat(bars.exitCode()).isZero();
    assertThat(bars.out()).contains("\"close\"");
    Result prediction = run("predictions", "CRWD", "--json");
    assertThat(prediction.exitCode()).as(prediction.err()).isZero();
    assertThat(prediction.out()).startsWith("{\"symbol\":\"CRWD\"");
  }

  private static String line(String table, String jobType) {
    return table.lines().filter(l -> l.contains(" " + jobType + " ")).findFirst().orElse("");
  }

  @Test
  void bad_worker_options_are_exit_2_naming_the_option() {
    Result r = run("worker", "--concurrency", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--concurrency must be between 1 and 256");
  }

  @Test
  void pipeline_run_records_the_run_and_pipeline_list_shows_it() {
    Result ran = run("pipeline", "run", "daily-data-refresh");
    assertThat(ran.exitCode()).as(ran.err()).isZero();
    assertThat(ran.out())
        .contains("daily-data-refresh run")
        .contains("succeeded")
        .contains("enqueued=8");

    Result list = run("pipeline", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out())
        .contains(
            "daily-data-refresh",
            "intraday-ingestion",
            "data-quality",
            "ml-orchestration",
            "retraining")
        .contains("16:30 America/New_York on trading days")
        .contains("succeeded (manual)");

    Result json = run("pipeline", "list", "--json");
    assertThat(json.out()).contains("\"next_run\":").contains("\"last_run\":{");
  }

  @Test
  void pipeline_run_of_an_unknown_name_is_exit_2_listing_the_names() {
    Result r = run("pipeline", "run", "nightly");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("unknown pipeline 'nightly'; pipelines: daily-data-refresh, intraday-ingestion");
  }

  @Test
  void sigterm_stops_a_running_worker_process_gracefully() throws Exception {
    ConnectionSettings settings = TestDatabase.newDatabase();
    String url =
        "postgresql://postgres@localhost:"
            + settings.port()
            + settings.jdbcUrl().substring(settings.jdbcUrl().lastIndexOf('/'));
    Path err = Files.createTempFile(home, "worker", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--home",
                home.resolve("unused").toString(),
                "-v",
                "worker",
                "--concurrency",
                "2")
            .redirectError(err.toFile())
            .redirectOutput(new File(home.toFile(), "worker.out"));
    builder.environment().put("DATABASE_URL", url);
    Process worker = builder.start();
    try {
      Eventually.await(
          "the worker started",
          Duration.ofSeconds(90),
          () -> read(err).contains("started: 2 threads"));
      worker.destroy(); // SIGTERM
      assertThat(worker.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
      assertThat(read(err)).contains("stopped: WorkerSummary[claimed=0");
    } finally {
      worker.destroyForcibly();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
