package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db backup} and {@code db restore} round-trip the demo's home: every table's row count,
 * every sequence and {@code predictions --json} are equal after a restore into a new home.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DbBackupTest {

  @TempDir static Path dir;

  private static Path demoHome;
  private static Path backup;
  private static String demoPredictions;
  private static Map<String, Long> demoRows;

  /** The process's environment without DATABASE_URL: these commands use the embedded database. */
  private static Map<String, String> embedded() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("DATABASE_URL");
    env.remove("SWIFTBOLT_LOG_FORMAT");
    return env;
  }

  private static CliRun.Result run(Path home, String... args) {
    return CliRun.run(embedded(), home, args);
  }

  @BeforeAll
  static void demo_home_backed_up_while_a_server_runs_on_it() throws Exception {
    demoHome = dir.resolve("demo-home");
    var demo =
        run(
            demoHome,
            "demo",
            "--home",
            demoHome.toString(),
            "--no-serve",
            "--intraday-months",
            "1",
            "--daily-years",
            "2",
            "--replay-months",
            "1");
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    demoPredictions = run(demoHome, "predictions", "--json").out();
    demoRows = rowsAndSequences(demoHome);

    backup = dir.resolve("demo.backup");
    try (CliProcess serve =
        CliProcess.start(
            dir.resolve("serve.log"),
            Map.of(),
            "--home",
            demoHome.toString(),
            "serve",
            "--port",
            "0",
            "--workers",
            "0")) {
      serve.awaitOutput("(Ctrl-C to stop)", Duration.ofSeconds(120));
      var result = run(demoHome, "db", "backup", backup.toString());
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).startsWith("Backed up ");
      serve.sigterm();
      assertThat(serve.awaitExit(Duration.ofSeconds(60))).isZero();
    }
  }

  @Test
  @Order(1)
  void restore_into_an_empty_home_gives_equal_rows_sequences_and_predictions() throws Exception {
    Path restored = dir.resolve("restored-home");

    var result = run(restored, "db", "restore", backup.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(demoRows).containsKeys("symbols", "ohlc_bars", "unified_predictions");
    assertThat(demoRows.get("ohlc_bars")).isPositive();
    assertThat(demoRows.get("unified_predictions")).isPositive();
    assertThat(rowsAndSequences(restored)).isEqualTo(demoRows);
    String predictions = run(restored, "predictions", "--json").out();
    assertThat(predictions.lines().count()).isEqualTo(8);
    assertThat(predictions).isEqualTo(demoPredictions);
  }

  @Test
  @Order(2)
  void restore_refuses_a_home_that_holds_data_unless_forced() throws Exception {
    var refused = run(demoHome, "db", "restore", backup.toString());

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("the home " + demoHome.toAbsolutePath() + " holds data (")
        .contains("rows in ohlc_bars")
        .contains("--force");

    var forced = run(demoHome, "db", "restore", backup.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(rowsAndSequences(demoHome)).isEqualTo(demoRows);
  }

  @Test
  void with_database_url_both_commands_point_to_the_providers_backups_and_exit_2() {
    Map<String, String> env = embedded();
    env.put("DATABASE_URL", "postgresql://user:secret@db.example.com:5432/postgres");
    Path home = dir.resolve("unused-home");
    for (List<String> args :
        List.of(List.of("db", "backup", "x.backup"), List.of("db", "restore", "x.backup"))) {
      var result = CliRun.run(env, home, args.toArray(String[]::new));
      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err())
          .contains("DATABASE_URL is set")
          .contains("provider's backups")
          .contains("pg_dump");
    }
    assertThat(home).doesNotExist();
  }

  @Test
  void a_file_that_is_not_a_backup_is_refused_with_exit_2() throws Exception {
    Path notABackup = Files.writeString(dir.resolve("notes.txt"), "hello");

    var result = run(dir.resolve("other-home"), "db", "restore", notABackup.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("is not a SwiftBolt backup");
  }

  /**
   * Every base table's {@code count(*)} and every sequence's {@code last_value}, counted here with
   * the catalog's list rather than the backup code's.
   */
  private static Map<String, Long> rowsAndSequences(Path home) {
    try (Database database =
        Databases.open(
            SwiftBoltConfig.from(embedded(), Optional.of(home)), Database.PoolOptions.DEFAULT)) {
      return database
          .jdbi()
          .withHandle(
              h -> {
                Map<String, Long> out = new TreeMap<>();
                for (String table :
                    h.createQuery(
                            """
                            SELECT table_name
                              FROM information_schema.tables
                             WHERE table_schema = current_schema()
                               AND table_type = 'BASE TABLE'
                               AND table_name <> 'flyway_schema_history'
                            """)
                        .mapTo(String.class)
                        .list()) {
                  out.put(
                      table,
                      h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
                }
                for (String sequence :
                    h.createQuery(
                            """
                            SELECT sequence_name
                              FROM information_schema.sequences
                             WHERE sequence_schema = current_schema()
                            """)
                        .mapTo(String.class)
                        .list()) {
                  out.put(
                      "sequence " + sequence,
                      h.createQuery("SELECT last_value FROM " + sequence).mapTo(Long.class).one());
                }
                return out;
              });
    }
  }
}
