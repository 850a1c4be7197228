package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code swiftbolt} command shown in the README's and the docs' code blocks (and in the
 * consolidation map's table) parses against the program, flags and all, and its {@code --help}
 * runs: a renamed command or flag fails the build instead of leaving the docs wrong.
 */
class DocumentedCommandsTest {

  /** Words the docs write for a value, and a value of the right type for each. */
  private static final Map<String, String> PLACEHOLDERS =
      Map.ofEntries(
          Map.entry("FILE", "file.csv"),
          Map.entry("DIR", "/tmp/swiftbolt"),
          Map.entry("USER", "alice"),
          Map.entry("SYMBOLS", "AAPL,MSFT"),
          Map.entry("SYMBOL", "AAPL"),
          Map.entry("S", "AAPL"),
          Map.entry("N", "2"),
          Map.entry("X", "NYSE"),
          Map.entry("TF", "D1"),
          Map.entry("LIST", "D1,W1"),
          Map.entry("DATE", "2026-01-02"),
          Map.entry("D", "2026-01-02"),
          Map.entry("SECONDS", "60"),
          Map.entry("NAME", "daily-data-refresh"),
          Map.entry("ADDRESS", "0.0.0.0"));

  private static final Pattern INVOCATION =
      Pattern.compile(
          "(?:^|\\$\\(|`|\\s)(?:\\./swiftbolt|java -jar \\S*swiftbolt\\.jar|swiftbolt)\\s+(.*)");

  /**
   * One documented invocation; {@code mention} when it is a command named in prose (an inline code
   * span), which may leave out its required arguments.
   */
  /** {@code java [options] -jar …/swiftbolt.jar ARGS} anywhere in a line (systemd, docker). */
  private static final Pattern JAR =
      Pattern.compile(
          "(?:^|\\s|=)(?:\\S*/)?java(?:\\s+-\\S+)*\\s+-jar\\s+\\S*swiftbolt\\.jar\\s+(.*)");

  record Documented(String where, List<String> args, boolean mention) {}

  @Test
  void every_documented_command_parses_and_shows_its_help() throws IOException {
    List<Documented> commands = documentedCommands();
    assertThat(commands.size()).isGreaterThan(40);
    List<String> failures = new ArrayList<>();
    for (Documented command : commands) {
      CommandLine cmd = Main.commandLine(new Main(Map.of()));
      CommandLine.ParseResult parsed;
      try {
        parsed = cmd.parseArgs(command.args().toArray(String[]::new));
      } catch (CommandLine.MissingParameterException e) {
        if (command.mention()) {
          continue;
        }
        failures.add(
            "%s: swiftbolt %s: %s".formatted(command.where(), command.args(), e.getMessage()));
        continue;
      } catch (CommandLine.ParameterException e) {
        failures.add(
            "%s: swiftbolt %s: %s".formatted(command.where(), command.args(), e.getMessage()));
        continue;
      }
      List<String> help = new ArrayList<>();
      for (var sub = parsed.subcommand(); sub != null; sub = sub.subcommand()) {
        help.add(sub.commandSpec().name());
      }
      help.add("--help");
      CommandLine fresh = Main.commandLine(new Main(Map.of()));
      StringWriter out = new StringWriter();
      fresh.setOut(new PrintWriter(out));
      fresh.setErr(new PrintWriter(new StringWriter()));
      int code = fresh.execute(help.toArray(String[]::new));
      if (code != 0 || !out.toString().startsWith("Usage: swiftbolt")) {
        failures.add("%s: swiftbolt %s exited %d".formatted(command.where(), help, code));
      }
    }
    assertThat(failures).isEmpty();
  }

  /** The commands of README.md and docs/*.md, as argument lists. */
  static List<Documented> documentedCommands() throws IOException {
    List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Documented> out = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      boolean fenced = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.strip().startsWith("```")) {
          fenced = !fenced;
          continue;
        }
        List<String> candidates = new ArrayList<>();
        boolean mention = !fenced;
        if (fenced) {
          candidates.add(line.strip().replaceFirst("^\\$ ", ""));
          Matcher sub = Pattern.compile("\\$\\((\\./swiftbolt [^)]*)\\)").matcher(line);
          while (sub.find()) {
            candidates.add(sub.group(1));
          }
        } else {
          Matcher span = Pattern.compile("`((?:\\./)?swiftbolt [^`]+)`").matcher(line);
          while (span.find()) {
            candidates.add(span.group(1));
          }
        }
        for (String candidate : candidates) {
          Matcher jar = JAR.matcher(candidate);
          Matcher m = INVOCATION.matcher(candidate);
          if (jar.find()) {
            m = jar;
          } else if (!m.find() || m.start() != 0) {
            continue;
          }
          {
            for (List<String> args : expand(m.group(1))) {
              out.add(new Documented(file + ":" + (i + 1), args, mention));
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * One documented invocation as argument lists: comments and shell plumbing cut off, {@code [ ]}
   * dropped, {@code a|b} choices reduced to the first, {@code train | forecast} alternatives
   * expanded, placeholders given values.
   */
  static List<List<String>> expand(String text) {
    String command = text.replaceFirst("\\s+#.*$", "").replaceFirst("\\s*(>|&&|;|\\)|`).*$", "");
    List<String> words = tokens(command);
    if (words.isEmpty()) {
      return List.of();
    }
    List<String> heads = new ArrayList<>(List.of(words.get(0)));
    int i = 1;
    while (i + 1 < words.size() && words.get(i).equals("|")) {
      heads.add(words.get(i + 1));
      i += 2;
    }
    List<String> rest = new ArrayList<>();
    for (String word : words.subList(i, words.size())) {
      if (word.equals("|")) {
        break; // a shell pipe: what follows is another program
      }
      String value = word.replace("[", "").replace("]", "");
      if (value.isEmpty() || value.equals("…") || value.equals("...")) {
        continue;
      }
      if (value.contains("|") && !value.startsWith("-")) {
        value = value.substring(0, value.indexOf('|'));
      }
      rest.add(PLACEHOLDERS.getOrDefault(value, value));
    }
    List<List<String>> out = new ArrayList<>();
    for (String head : heads) {
      List<String> args = new ArrayList<>();
      args.add(head);
      args.addAll(rest);
      out.add(args);
    }
    return out;
  }

  /** Splits on blanks, keeping "quoted words" together. */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(text);
    while (m.find()) {
      tokens.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    return tokens;
  }
}
