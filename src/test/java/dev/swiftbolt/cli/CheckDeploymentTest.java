package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.cli.CliRun.Result;
import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.SupabaseProject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code swiftbolt check deployment} on the embedded database, before and after migrating. */
class CheckDeploymentTest {

  @TempDir Path home;

  @Test
  void an_unmigrated_database_fails_the_schema_checks_and_a_migrated_one_passes_every_check() {
    Result before = CliRun.run(home, "check", "deployment");
    System.out.println("check deployment before db migrate:\n" + before.out());
    assertThat(before.exitCode()).as(before.err()).isEqualTo(1);
    assertThat(before.out())
        .containsPattern("(?m)^PASS  database +reachable at embedded .*direct")
        .containsPattern("(?m)^FAIL  schema +.*pending; run `swiftbolt db migrate`")
        .containsPattern("(?m)^FAIL  tracking trigger ");

    assertThat(CliRun.run(home, "db", "migrate").exitCode()).isZero();
    Result after = CliRun.run(home, "check", "deployment");
    System.out.println("check deployment on the embedded database:\n" + after.out());
    assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
    assertThat(after.out().lines())
        .hasSize(8)
        .allMatch(line -> line.startsWith("PASS  "))
        .anyMatch(line -> line.matches("PASS  schema +version \\d+, current"))
        .anyMatch(line -> line.matches("PASS  row-level security +enabled on all \\d+ tables"))
        .anyMatch(line -> line.startsWith("PASS  policies            none needed"))
        .anyMatch(line -> line.startsWith("PASS  privileges          none needed"))
        .anyMatch(line -> line.startsWith("PASS  tokens              development tokens"))
        .anyMatch(line -> line.startsWith("PASS  alpaca              simulator"));
  }

  @Test
  void on_a_2026_supabase_project_it_passes_after_migrating_and_fails_naming_a_revoked_grant()
      throws Exception {
    ConnectionSettings project = SupabaseProject.create2026();
    Map<String, String> env = Map.of("DATABASE_URL", project.jdbcUrl() + "?user=" + project.user());
    assertThat(CliRun.run(env, home, "db", "migrate").exitCode()).isZero();

    Result migrated = CliRun.run(env, home, "check", "deployment");
    System.out.println("check deployment on a 2026 Supabase project:\n" + migrated.out());
    assertThat(migrated.out())
        .containsPattern("(?m)^PASS  policies +8 present")
        .containsPattern("(?m)^PASS  privileges +as intended on all \\d+ tables");
    assertThat(migrated.out().lines())
        .noneMatch(line -> line.startsWith("FAIL  "))
        .noneMatch(line -> line.contains("privileges") && !line.startsWith("PASS"));

    try (Connection c = DriverManager.getConnection(project.jdbcUrl(), project.user(), null);
        Statement s = c.createStatement()) {
      s.execute("REVOKE INSERT ON user_symbol_tracking FROM authenticated");
      s.execute("GRANT SELECT ON models TO anon");
    }
    Result revoked = CliRun.run(env, home, "check", "deployment");
    System.out.println("check deployment after revoking the tracking insert:\n" + revoked.out());
    assertThat(revoked.exitCode()).isEqualTo(1);
    assertThat(revoked.out())
        .contains(
            "FAIL  privileges          authenticated on user_symbol_tracking lacks INSERT; run"
                + " `GRANT INSERT ON user_symbol_tracking TO authenticated;`")
        .contains(
            "FAIL  privileges          anon on models has SELECT it must not; run"
                + " `REVOKE SELECT ON models FROM anon;`");
  }
}
