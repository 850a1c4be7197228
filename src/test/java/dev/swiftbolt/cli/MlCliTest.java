package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train / forecast / evaluate argument handling on an embedded database. */
class MlCliTest {

  @TempDir static Path home;

  record Result(int exitCode, String out, String err) {}

  private static Result run(String... args) {
    PrintStream originalOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Main main = new Main();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      var cmd = Main.commandLine(main);
      cmd.setErr(new PrintWriter(err, true));
      String[] withHome = new String[args.length + 2];
      withHome[0] = "--home";
      withHome[1] = home.toString();
      System.arraycopy(args, 0, withHome, 2, args.length);
      int code = cmd.execute(withHome);
      return new Result(code, captured.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(originalOut);
      main.close();
    }
  }

  @BeforeAll
  static void seed() {
    assertThat(run("symbols", "seed").exitCode()).isZero();
  }

  @Test
  void an_unknown_timeframe_is_exit_2_naming_the_accepted_values() {
    for (String command : new String[] {"train", "forecast", "evaluate"}) {
      Result r = run(command, "AAPL", "--timeframes", "D1,M5");
      assertThat(r.exitCode()).as(command).isEqualTo(2);
      assertThat(r.err()).contains("unknown timeframe 'M5'").contains("M15, H1, H4, D1, W1");
    }
  }

  @Test
  void an_unknown_symbol_is_exit_2_before_any_work() {
    Result r = run("evaluate", "AAPL,ZZZZ", "--timeframes", "D1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown symbol 'ZZZZ'");
    assertThat(r.out()).isEmpty();
  }
}
