package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.cli.CliRun.Result;
import java.nio.file.Path;
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
        .anyMatch(line -> line.startsWith("PASS  tokens              development tokens"))
        .anyMatch(line -> line.startsWith("PASS  alpaca              simulator"))
        .anyMatch(line -> line.startsWith("PASS  realtime            no supabase_realtime"));
  }
}
