package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.cli.CliRun.Result;
import dev.swiftbolt.symbols.FakeAlpacaAssets;
import dev.swiftbolt.symbols.RefusedTickers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symbols add | sync | search}, {@code track} and {@code import csv} with a fake Alpaca. */
class SymbolsCliTest {

  @TempDir static Path home;
  private static FakeAlpacaAssets alpaca;

  @BeforeAll
  static void start() {
    alpaca = new FakeAlpacaAssets();
    alpaca.serveGeneratedList(200);
    FakeAlpacaAssets.REALISTIC.forEach(alpaca::serveOne);
    assertThat(CliRun.run(Map.of(), home, "symbols", "seed").exitCode()).isZero();
  }

  @AfterAll
  static void stop() {
    alpaca.close();
  }

  private static Result withAlpaca(String... args) {
    return CliRun.run(alpaca.environment(), home, args);
  }

  private static Result withoutAlpaca(String... args) {
    return CliRun.run(Map.of(), home, args);
  }

  @Test
  void sync_prints_its_counts_and_a_second_run_changes_nothing() {
    Result first = withAlpaca("symbols", "sync");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("Synced 206 symbols from alpaca: ");
    Result second = withAlpaca("symbols", "sync");
    assertThat(second.out())
        .contains("0 inserted, 0 updated, 0 deactivated, 206 unchanged")
        .contains("1 inactive, 1 not_tradable");

    Result search = withoutAlpaca("symbols", "search", "nestle", "--json");
    assertThat(search.exitCode()).isZero();
    assertThat(search.out().strip())
        .isEqualTo(
            "[{\"symbol\":\"NSRGY\",\"name\":\"Nestlé S.A. Sponsored ADR\",\"exchange\":\"OTC\","
                + "\"asset_class\":\"equity\",\"active\":true}]");
  }

  @Test
  void with_alpaca_a_weekly_symbols_sync_pipeline_runs_the_sync() {
    Result listed = withAlpaca("pipeline", "list");
    assertThat(listed.out()).contains("symbols-sync").contains("Saturdays 06:00 America/New_York");
    assertThat(withoutAlpaca("pipeline", "list").out()).doesNotContain("symbols-sync");
    Result run = withAlpaca("pipeline", "run", "symbols-sync", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"skipped_not_tradable\":1").contains("\"unchanged\":");
  }

  @Test
  void refused_keys_are_exit_1_naming_apca_api_key_id() {
    try (FakeAlpacaAssets refusing = new FakeAlpacaAssets()) {
      refusing.failList(401, "{\"code\":40110000,\"message\":\"request is not authorized\"}");
      Result r = CliRun.run(refusing.environment(), home, "symbols", "sync");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("APCA_API_KEY_ID").contains("HTTP 401");
    }
  }

  @Test
  void add_takes_alpacas_name_or_the_given_one_and_is_idempotent() {
    alpaca.serveOne(
        FakeAlpacaAssets.asset(
            "TSM", "Taiwan Semiconductor Manufacturing", "NYSE", "active", true));
    Result fromAlpaca = withAlpaca("symbols", "add", "tsm");
    assertThat(fromAlpaca.exitCode()).as(fromAlpaca.err()).isZero();
    assertThat(fromAlpaca.out())
        .startsWith("Added TSM (Taiwan Semiconductor Manufacturing, NYSE, equity; name, exchange");
    Result again = withAlpaca("symbols", "add", "TSM");
    assertThat(again.out()).startsWith("Already registered: TSM");

    Result byHand =
        withoutAlpaca(
            "symbols",
            "add",
            "myfd",
            "--name",
            "My Fund",
            "--exchange",
            "arca",
            "--asset-class",
            "ETF");
    assertThat(byHand.out()).startsWith("Added MYFD (My Fund, ARCA, etf; given values)");
    Result badClass = withoutAlpaca("symbols", "add", "MYFD", "--asset-class", "bond");
    assertThat(badClass.exitCode()).isEqualTo(2);
    assertThat(badClass.err()).contains("--asset-class must be equity or etf");
  }

  @Test
  void every_refused_ticker_form_is_exit_2_naming_the_rule_and_writes_nothing() {
    String before = withoutAlpaca("symbols", "list", "--json").out();
    int alpacaRequests = alpaca.server().getAllServeEvents().size();
    for (String form : RefusedTickers.FORMS) {
      Result add = withAlpaca("symbols", "add", form);
      assertThat(add.exitCode()).as(form).isEqualTo(2);
      assertThat(add.err()).as(form).contains("must match");
      Result track = withAlpaca("track", "cli-user", form);
      assertThat(track.exitCode()).as(form).isEqualTo(2);
    }
    assertThat(withoutAlpaca("symbols", "list", "--json").out()).isEqualTo(before);
    assertThat(withoutAlpaca("watchlist", "cli-user", "--json").out()).doesNotContain("symbol\":");
    // with Alpaca configured, not one request reached it: the rule refused every form first
    assertThat(alpaca.server().getAllServeEvents()).hasSize(alpacaRequests);
  }

  @Test
  void track_refuses_a_ticker_alpaca_lists_as_not_tradable_with_exit_2() {
    Result r = withAlpaca("track", "trader", "NOTRADE");
    assertThat(r.exitCode()).as(r.out()).isEqualTo(2);
    assertThat(r.err()).contains("NOTRADE is listed by").contains("not tradable");
    assertThat(withoutAlpaca("symbols", "list", "--json").out()).doesNotContain("NOTRADE");
  }

  @Test
  void track_looks_an_unknown_ticker_up_in_alpaca_and_without_alpaca_names_add_and_sync() {
    alpaca.serveOne(FakeAlpacaAssets.asset("SNOW", "Snowflake Inc.", "NYSE", "active", true));
    Result unknown = withoutAlpaca("track", "trader", "SNOW");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("swiftbolt symbols add SNOW")
        .contains("swiftbolt symbols sync");
    Result tracked = withAlpaca("track", "trader", "snow");
    assertThat(tracked.exitCode()).as(tracked.err()).isZero();
    assertThat(tracked.out()).startsWith("Added and backfilling SNOW…");
  }

  @Test
  void import_csv_registers_an_unknown_symbol(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("dell.csv");
    Files.writeString(
        file,
        "date,open,high,low,close,volume\n2024-01-02,75,76,74,75.5,1000\n"
            + "2024-01-03,75.5,77,75,76,1200\n");
    Result r =
        withoutAlpaca(
            "import",
            "csv",
            file.toString(),
            "--symbol",
            "dell",
            "--timeframe",
            "D1",
            "--name",
            "Dell Technologies");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Registered DELL");
    assertThat(withoutAlpaca("symbols", "search", "dell").out()).contains("Dell Technologies");
  }
}
