package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.cli.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end on an embedded database in a temporary SWIFTBOLT_HOME. */
class CliTest {

  @TempDir static Path home;

  private static Result run(String... args) {
    return CliRun.run(home, args);
  }

  @BeforeAll
  static void seed() {
    assertThat(run("symbols", "seed").exitCode()).isZero();
  }

  @Test
  void symbols_list_json_has_the_8_core_symbols_in_snake_case() {
    Result r = run("symbols", "list", "--json");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("\"symbol\":\"AAPL\"").contains("\"asset_class\":\"equity\"");
    assertThat(r.out().split("\"symbol\":")).hasSize(9);
  }

  @Test
  void track_answers_added_and_backfilling_and_jobs_lists_them() {
    Result r = run("track", "cli-user", "msft");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Added and backfilling MSFT…");

    Result jobs = run("jobs", "--symbol", "MSFT", "--json");
    assertThat(jobs.exitCode()).isZero();
    assertThat(jobs.out()).contains("\"job_type\":\"backfill\"").contains("\"run_after\":");

    Result list = run("watchlist", "cli-user");
    assertThat(list.out()).contains("MSFT");
  }

  @Test
  void a_malformed_symbol_is_exit_2_with_the_rule() {
    Result r = run("track", "cli-user", "AAPL;rm -rf /");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("must match " + dev.swiftbolt.symbols.SymbolCode.RULE);
  }

  @Test
  void an_unknown_symbol_is_exit_2_pointing_at_symbols_list() {
    Result r = run("track", "cli-user", "ZZZZ");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("swiftbolt symbols list");
  }

  @Test
  void an_unknown_job_status_is_exit_2() {
    Result r = run("jobs", "--status", "exploded");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("queued, running, succeeded, dead");
  }

  @Test
  void a_missing_argument_is_a_usage_error_exit_2() {
    assertThat(run("track", "only-user").exitCode()).isEqualTo(2);
  }

  @Test
  void check_symbol_sync_passes_on_a_seeded_database() {
    Result r = run("check", "symbol-sync", "--symbol", "NVDA");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("✓ PASS: Symbol NVDA found").contains("✓ PASS: 2 jobs created");
  }

  @Test
  void db_info_lists_the_foundation_migration() {
    Result r = run("db", "info");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("foundation").contains("Success");
  }
}
