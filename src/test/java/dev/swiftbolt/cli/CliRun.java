package dev.swiftbolt.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs the {@code swiftbolt} command line in-process on a given home, capturing standard output and
 * the command's error stream, and closes the database (stopping the embedded server it started)
 * afterwards — as one CLI process would.
 */
final class CliRun {

  /** What one command printed and returned. */
  record Result(int exitCode, String out, String err) {}

  private CliRun() {}

  static Result run(Path home, String... args) {
    return run(System.getenv(), home, args);
  }

  /** Runs with {@code environment} instead of the process's (e.g. Alpaca keys and URLs). */
  static Result run(java.util.Map<String, String> environment, Path home, String... args) {
    PrintStream originalOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Main main = new Main(environment);
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
}
