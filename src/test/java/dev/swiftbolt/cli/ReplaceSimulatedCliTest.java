package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mixed-source reproduction of issue 23 through the command line. */
class ReplaceSimulatedCliTest {

  @TempDir Path home;

  @Test
  void importing_real_bars_into_a_simulated_series_exits_1_naming_the_flag_and_with_it_loads()
      throws Exception {
    assertThat(CliRun.run(home, "symbols", "seed").exitCode()).isZero();
    Result simulated =
        CliRun.run(
            home,
            "backfill",
            "AAPL",
            "--timeframes",
            "D1",
            "--source",
            "sim",
            "--from",
            "2024-11-01",
            "--to",
            "2024-12-31");
    assertThat(simulated.exitCode()).as(simulated.out() + simulated.err()).isZero();
    Path csv = home.resolve("aapl.csv");
    Files.writeString(
        csv,
        """
        date,open,high,low,close,volume
        2024-12-02,237.27,240.79,237.16,239.59,48137103
        2024-12-03,239.81,242.76,238.90,242.65,38861017
        2024-12-04,242.87,244.11,241.25,243.01,44383935
        2024-12-05,243.99,244.54,242.13,243.04,40033878
        2024-12-06,242.91,244.63,242.08,242.84,36870619
        """);

    Result refused =
        CliRun.run(home, "import", "csv", csv.toString(), "--symbol", "AAPL", "--timeframe", "D1");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("AAPL D1 holds SIMULATED bars")
        .contains("rerun with --replace-simulated");

    Result replaced =
        CliRun.run(
            home,
            "import",
            "csv",
            csv.toString(),
            "--symbol",
            "AAPL",
            "--timeframe",
            "D1",
            "--replace-simulated");
    assertThat(replaced.exitCode()).as(replaced.err()).isZero();
    Result bars = CliRun.run(home, "bars", "AAPL", "--timeframe", "D1", "--json");
    var stored = dev.swiftbolt.config.Json.mapper().readTree(bars.out());
    assertThat(stored).hasSize(5).allMatch(bar -> bar.get("source").asText().equals("csv"));
  }
}
