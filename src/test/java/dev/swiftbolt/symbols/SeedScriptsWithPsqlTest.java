package dev.swiftbolt.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's own shell and SQL, run unchanged with the real {@code psql} client against our schema:
 * the Supabase/psql path must work without SwiftBolt in between.
 */
class SeedScriptsWithPsqlTest {

  private static Database database;
  private static String databaseUrl;

  @BeforeAll
  static void open() {
    ConnectionSettings settings = TestDatabase.newDatabase();
    database = Database.open(settings, Database.ConnectRetry.DEFAULT, Database.PoolOptions.DEFAULT);
    databaseUrl =
        "postgresql://postgres@localhost:"
            + settings.port()
            + settings.jdbcUrl().substring(settings.jdbcUrl().lastIndexOf('/'));
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DATABASE_URL", databaseUrl);
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void seed_file_runs_under_psql_twice_and_leaves_8_symbols() throws Exception {
    String first =
        run(
            List.of(
                "psql", databaseUrl, "-v", "ON_ERROR_STOP=1", "-f", "scripts/seed-symbols.sql"));
    String second =
        run(
            List.of(
                "psql", databaseUrl, "-v", "ON_ERROR_STOP=1", "-f", "scripts/seed-symbols.sql"));

    assertThat(first).contains("INSERT 0 8");
    assertThat(second).contains("INSERT 0 0");
    assertThat(second.replaceAll("\\s+", " ")).contains("symbol_count -------------- 8");
  }

  @Test
  void the_seeds_test_symbol_sync_script_passes_all_three_steps() throws Exception {
    run(List.of("psql", databaseUrl, "-q", "-f", "scripts/seed-symbols.sql"));
    Path script = Path.of("src/test/resources/seed/test_symbol_sync.sh");
    assertThat(Files.readString(script)).contains("WARNING: No jobs created yet");

    String output = run(List.of("bash", script.toString()));

    assertThat(output)
        .contains("✓ PASS: Symbol AAPL found")
        .contains("✓ PASS: User tracking entry created")
        .containsPattern("✓ PASS: +2 jobs created")
        .contains("Symbol sync test completed successfully!")
        .doesNotContain("WARNING")
        .doesNotContain("FAIL");
  }
}
