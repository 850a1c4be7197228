package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands as separate processes, as a service manager runs them: stopped by SIGTERM, and several
 * started at the same moment on one fresh home.
 */
class CliProcessTest {

  @TempDir Path dir;

  @Test
  void a_worker_stopped_by_sigterm_finishes_gracefully_and_exits_0() throws Exception {
    ConnectionSettings database = TestDatabase.newDatabase();
    String url = database.jdbcUrl() + "?user=" + database.user();
    try (CliProcess worker =
        CliProcess.start(
            dir.resolve("worker.log"),
            Map.of("DATABASE_URL", url),
            "--home",
            dir.resolve("home").toString(),
            "-v",
            "worker",
            "--concurrency",
            "2")) {
      worker.awaitOutput(" started: 2 threads", Duration.ofSeconds(120));

      worker.sigterm();

      assertThat(worker.awaitExit(Duration.ofSeconds(60))).as(worker.output()).isZero();
      assertThat(worker.output()).containsPattern("worker \\S+: 0 claimed, 0 succeeded");
    }
  }

  @Test
  void demo_going_on_to_serve_prints_its_database_line_once_and_stops_with_0() throws Exception {
    try (CliProcess demo =
        CliProcess.start(
            dir.resolve("demo.log"),
            Map.of(),
            "--home",
            dir.resolve("demo-home").toString(),
            "demo",
            "--port",
            "0",
            "--intraday-months",
            "1",
            "--daily-years",
            "2")) {
      demo.awaitOutput("Serving the dashboard at", Duration.ofMinutes(6));

      demo.sigterm();

      assertThat(demo.awaitExit(Duration.ofSeconds(60))).as(demo.output()).isZero();
      assertThat(demo.output().lines().filter(l -> l.startsWith("Database:")).toList())
          .containsExactly(
              "Database: embedded PostgreSQL under " + dir.resolve("demo-home").resolve("demo"));
    }
  }

  @Test
  void several_commands_started_together_on_a_fresh_home_all_succeed() throws Exception {
    Path home = dir.resolve("fresh-home");
    List<CliProcess> processes = new ArrayList<>();
    try {
      String[][] commands = {
        {"worker", "--once"}, {"worker", "--once"}, {"symbols", "list"}, {"worker", "--once"}
      };
      for (int i = 0; i < commands.length; i++) {
        List<String> args = new ArrayList<>(List.of("--home", home.toString()));
        args.addAll(List.of(commands[i]));
        processes.add(
            CliProcess.start(dir.resolve("p" + i + ".log"), Map.of(), args.toArray(String[]::new)));
      }
      for (CliProcess p : processes) {
        assertThat(p.awaitExit(Duration.ofSeconds(240))).as(p.output()).isZero();
        assertThat(p.output()).doesNotContain("could not lock");
      }
      assertThat(processes.get(0).output()).contains("0 claimed");
    } finally {
      for (CliProcess p : processes) {
        p.close();
      }
    }
  }
}
