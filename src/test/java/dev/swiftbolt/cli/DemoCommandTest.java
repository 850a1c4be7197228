package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --no-serve} end to end on a fresh home, with a shorter simulated history. */
class DemoCommandTest {

  @TempDir Path home;

  private String run(String... args) {
    PrintStream originalOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main main = new Main();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      var cmd = Main.commandLine(main);
      cmd.setErr(new PrintWriter(new StringWriter(), true));
      int code = cmd.execute(args);
      return code + "\n" + out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(originalOut);
      main.close();
    }
  }

  @Test
  void demo_no_serve_stores_a_unified_prediction_for_every_core_symbol_and_is_idempotent() {
    String[] args = {
      "--home",
      home.toString(),
      "demo",
      "--no-serve",
      "--intraday-months",
      "6",
      "--daily-years",
      "5",
      "--replay-months",
      "1"
    };
    String first = run(args);

    assertThat(first).startsWith("0\n");
    assertThat(first)
        .contains("bars are SIMULATED")
        .contains("Unified predictions (SIMULATED data)");
    for (String symbol :
        new String[] {"AAPL", "NVDA", "CRWD", "AMD", "MSFT", "GOOGL", "TSLA", "META"}) {
      assertThat(first)
          .containsPattern("\\n\\s+" + symbol + "\\s+(BULLISH|NEUTRAL|BEARISH)\\s+\\d+\\.\\d%");
    }
    assertThat(first).contains("0 dead");
    assertThat(first).contains("Replay ").contains("point-in-time");
    for (String symbol :
        new String[] {"AAPL", "NVDA", "CRWD", "AMD", "MSFT", "GOOGL", "TSLA", "META"}) {
      assertThat(first)
          .containsPattern(
              "\\n\\s+" + symbol + "\\s+\\d+ sessions, \\d+/\\d+ resolved: live .* vs baseline");
    }

    String second = run(args);
    assertThat(second).startsWith("0\n").contains("0 dead");
    assertThat(first)
        .contains("Demo home: " + home.resolve("demo"))
        .contains("swiftbolt --home " + home.resolve("demo") + " predictions");
    String predictions = run("--home", home.resolve("demo").toString(), "predictions", "--json");
    assertThat(predictions.lines().filter(l -> l.startsWith("{\"symbol\":")).count()).isEqualTo(8);
  }

  @Test
  void the_demo_keeps_its_data_under_demo_in_the_home_unless_given_its_own_home() {
    String global = run("--home", home.toString(), "demo", "--port", "70000");
    assertThat(global).startsWith("2\n").contains("Demo home: " + home.resolve("demo") + " (");
    String own = run("demo", "--home", home.toString(), "--port", "70000");
    assertThat(own).startsWith("2\n").contains("Demo home: " + home + " (");
    assertThat(home.resolve("demo").resolve("pgdata")).doesNotExist();
  }
}
