package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.cli.CliRun.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The market-data commands end to end on an embedded database in a temporary home. */
class MarketDataCliTest {

  @TempDir static Path home;

  private static Result run(String... args) {
    return CliRun.run(home, args);
  }

  @BeforeAll
  static void seed() {
    assertThat(run("symbols", "seed").exitCode()).isZero();
  }

  private static Path file(String name, String content) throws Exception {
    return Files.writeString(home.resolve(name), content);
  }

  @Test
  void a_file_with_one_bad_row_exits_2_naming_the_line_and_writes_nothing() throws Exception {
    Path csv =
        file(
            "bad.csv",
            "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-01-02,10,11,9,10,10,100\n"
                + "2024-01-03,10,9,11,10,10,100\n");
    Result r = run("import", "csv", csv.toString(), "--symbol", "CRWD", "--timeframe", "D1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("line 3: high must not be below low");
    Result bars = run("bars", "CRWD", "--timeframe", "D1", "--json");
    assertThat(bars.out().trim()).isEqualTo("[]");
  }

  @Test
  void imported_daily_bars_print_as_json_and_a_gap_makes_quality_exit_1() throws Exception {
    // Jan 4 2024 (a Thursday) is missing
    Path csv =
        file(
            "gap.csv",
            "date,open,high,low,close,volume\r\n"
                + "2024-01-05,12,13,11,12.5,300\r\n"
                + "2024-01-02,10,11,9,10.5,100\r\n"
                + "2024-01-03,10.5,12,10,11,200\r\n");
    Result imported = run("import", "csv", csv.toString(), "--symbol", "amd", "--timeframe", "d1");
    assertThat(imported.exitCode()).isZero();
    assertThat(imported.out()).contains("D1 3 new").contains("W1 1 new");

    Result bars = run("bars", "AMD", "--timeframe", "W1", "--json");
    // the week of Jan 1 (a holiday) opens Tuesday Jan 2, 09:30 EST
    assertThat(bars.out())
        .contains(
            "{\"ts\":\"2024-01-02T14:30:00Z\",\"open\":10.0,\"high\":13.0,\"low\":9.0,"
                + "\"close\":12.5,\"volume\":600.0,\"source\":\"csv\"}");

    Result quality = run("quality", "AMD", "--json");
    assertThat(quality.exitCode()).isEqualTo(1);
    assertThat(quality.out()).contains("\"rule\":\"gap\"").contains("\"expected_count\":4");
  }

  @Test
  void simulated_backfill_is_announced_and_labelled() {
    Result r =
        run(
            "backfill",
            "META",
            "--timeframes",
            "D1",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-31",
            "--source",
            "sim");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("SIMULATED");
    // March 2024: 21 weekdays minus Good Friday (Mar 29)
    assertThat(r.out()).contains("META    ok      D1 20 new");
    Result bars = run("bars", "META", "--timeframe", "D1");
    assertThat(bars.out()).contains("SIMULATED").contains(" sim");
  }

  @Test
  void quality_timeframes_reports_only_the_listed_timeframes_as_train_and_backfill_do()
      throws Exception {
    Path csv =
        file(
            "nvda.csv",
            "date,open,high,low,close,volume\n"
                + "2024-01-02,10,11,9,10.5,100\n"
                + "2024-01-03,10.5,12,10,11,200\n");
    assertThat(
            run("import", "csv", csv.toString(), "--symbol", "NVDA", "--timeframe", "D1")
                .exitCode())
        .isZero();

    Result daily = run("quality", "NVDA", "--timeframes", "w1,d1,D1", "--json");
    assertThat(daily.exitCode()).as(daily.err()).isZero();
    assertThat(daily.out())
        .contains("\"timeframe\":\"D1\"")
        .contains("\"timeframe\":\"W1\"")
        .doesNotContain("\"timeframe\":\"M15\"")
        .doesNotContain("\"timeframe\":\"H1\"");
    assertThat(daily.out().split("\"timeframe\":")).hasSize(3);

    Result all = run("quality", "NVDA", "--json");
    assertThat(all.out().split("\"timeframe\":")).hasSize(6);

    Result unknown = run("quality", "NVDA", "--timeframes", "D1,D2");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown timeframe 'D2'").contains("M15, H1, H4, D1, W1");
    Result sameOnTrain = run("train", "NVDA", "--timeframes", "D1,D2");
    assertThat(sameOnTrain.exitCode()).isEqualTo(2);
    assertThat(sameOnTrain.err()).contains("unknown timeframe 'D2'");
  }

  @Test
  void backfill_progress_to_a_non_terminal_is_one_plain_line_per_tenth() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Result r;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      r =
          run(
              "backfill",
              "AAPL,MSFT,TSLA",
              "--timeframes",
              "D1",
              "--from",
              "2024-04-01",
              "--to",
              "2024-04-30",
              "--source",
              "sim");
    } finally {
      System.setErr(originalErr);
    }
    assertThat(r.exitCode()).isZero();
    String progress = err.toString(StandardCharsets.UTF_8);
    assertThat(progress).doesNotContain("\r");
    assertThat(progress.lines().filter(l -> l.startsWith("backfill")).toList())
        .containsExactly(
            "backfill: 33% (1 of 3)", "backfill: 66% (2 of 3)", "backfill: 100% (3 of 3)");
  }

  @Test
  void an_unknown_or_malformed_symbol_is_bad_input() {
    Result unknown = run("bars", "ZZZZ", "--timeframe", "D1");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("swiftbolt symbols list");
    Result malformed = run("backfill", "AAPL,$(rm)", "--source", "sim");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).contains("must match");
  }
}
