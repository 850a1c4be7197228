package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The help of every command and subcommand, found by walking the command tree (so commands added
 * later are covered): rendered without a picocli warning, descriptions are paragraphs that only
 * picocli wraps, and every summary in a command list is one whole sentence that fits in two lines.
 */
class HelpTextTest {

  /** Where a description element may end when another element follows it. */
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:][)\"'`]?$");

  /** Two sentences in one string: a full stop, spaces, a capital (abbreviations removed first). */
  private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?] +[A-Z]");

  private static List<CommandLine> allCommands() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.commandLine(new Main()), all);
    return all;
  }

  private static void collect(CommandLine command, List<CommandLine> all) {
    all.add(command);
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals(sub.getCommandName())) {
                collect(sub, all);
              }
            });
  }

  private static String path(CommandSpec spec) {
    return spec.qualifiedName(" ");
  }

  @Test
  void every_help_page_renders_without_a_picocli_warning() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), HelpPagesMain.class.getName())
            .start();
    // Help pages are small: read stderr fully after stdout, the pipe buffers cannot fill.
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(child.exitValue()).as("help renderer exit, stderr: %s", err).isZero();
    assertThat(err).as("warnings while rendering every --help").doesNotContain("[picocli");
    List<String> headers = out.lines().filter(l -> l.startsWith("=== swiftbolt")).toList();
    assertThat(headers).hasSize(allCommands().size());
    assertThat(headers).allMatch(h -> h.endsWith("(exit 0)"));
    assertThat(headers).contains("=== swiftbolt evaluate (exit 0)");
    assertThat(out).contains("Wilson 95% interval");
  }

  @Test
  void descriptions_break_lines_only_between_sentences() {
    List<String> problems = new ArrayList<>();
    for (CommandLine command : allCommands()) {
      CommandSpec spec = command.getCommandSpec();
      String[] description = spec.usageMessage().description();
      for (String element : description) {
        if (!element.isBlank() && !endsASentence(element)) {
          problems.add(path(spec) + ": \"" + element + "\"");
        }
      }
      for (ArgSpec arg : spec.args()) {
        String[] lines = arg.description();
        for (int i = 0; i < lines.length - 1; i++) {
          if (!lines[i].isBlank() && !endsASentence(lines[i])) {
            problems.add(path(spec) + " " + arg + ": \"" + lines[i] + "\"");
          }
        }
      }
    }
    assertThat(problems).as("description lines that end in the middle of a sentence").isEmpty();
  }

  @Test
  void every_summary_is_one_whole_sentence_shown_whole_in_its_command_list() {
    List<String> problems = new ArrayList<>();
    for (CommandLine command : allCommands()) {
      if (command.getSubcommands().isEmpty()) {
        continue;
      }
      StringWriter usage = new StringWriter();
      command.usage(new PrintWriter(usage), CommandLine.Help.Ansi.OFF);
      List<String> listing = commandList(usage.toString());
      command
          .getSubcommands()
          .forEach(
              (name, sub) -> {
                String summary = summary(sub.getCommandSpec());
                String shown = entry(listing, name);
                if (!isOneWholeSentence(summary)) {
                  problems.add(
                      path(sub.getCommandSpec()) + " summary is not one sentence: " + summary);
                }
                if (entryLines(listing, name) > 2) {
                  problems.add(path(sub.getCommandSpec()) + " summary takes more than two lines");
                }
                if (!summary.equals(shown)) {
                  problems.add(
                      path(command.getCommandSpec()) + " lists " + name + " as \"" + shown + "\"");
                }
              });
    }
    assertThat(problems).isEmpty();
  }

  /** Whether {@code element} ends a sentence; a trailing {@code %n} (a blank line) is allowed. */
  private static boolean endsASentence(String element) {
    String text = element.strip();
    while (text.endsWith("%n")) {
      text = text.substring(0, text.length() - 2).strip();
    }
    return SENTENCE_END.matcher(text).matches();
  }

  private static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    String[] description = spec.usageMessage().description();
    return header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
  }

  static boolean isOneWholeSentence(String text) {
    String plain = text.replace("e.g.", "eg").replace("i.e.", "ie");
    return plain.matches("^[A-Z`].*[.]$") && !SENTENCE_BREAK.matcher(plain).find();
  }

  /** The lines of the "Commands:" section of a usage message. */
  private static List<String> commandList(String usage) {
    List<String> lines = usage.lines().toList();
    int start = lines.indexOf("Commands:");
    assertThat(start).as("a Commands: section in %s", usage).isNotNegative();
    List<String> list = new ArrayList<>();
    for (int i = start + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
      list.add(lines.get(i));
    }
    return list;
  }

  /** How many lines the entry of {@code name} takes in the command list. */
  private static int entryLines(List<String> listing, String name) {
    Pattern first = Pattern.compile("^ {2}" + Pattern.quote(name) + "(?: +.*)?$");
    for (int i = 0; i < listing.size(); i++) {
      if (first.matcher(listing.get(i)).matches()) {
        int j = i + 1;
        while (j < listing.size() && listing.get(j).startsWith("   ")) {
          j++;
        }
        return j - i;
      }
    }
    return 0;
  }

  /** The text listed for {@code name}, its wrapped lines joined by single spaces. */
  private static String entry(List<String> listing, String name) {
    Pattern first = Pattern.compile("^ {2}" + Pattern.quote(name) + "(?: +(.*))?$");
    for (int i = 0; i < listing.size(); i++) {
      var m = first.matcher(listing.get(i));
      if (!m.matches()) {
        continue;
      }
      StringBuilder text = new StringBuilder(m.group(1) == null ? "" : m.group(1).strip());
      for (int j = i + 1; j < listing.size() && listing.get(j).startsWith("   "); j++) {
        text.append(text.length() == 0 ? "" : " ").append(listing.get(j).strip());
      }
      return text.toString();
    }
    return "(not listed)";
  }

  @Test
  void the_sentence_rule_accepts_a_sentence_and_rejects_a_cut_or_a_pair() {
    assertThat(isOneWholeSentence("List the symbols, e.g. AAPL.")).isTrue();
    assertThat(isOneWholeSentence("Serve the JSON API and the dashboard, and run the")).isFalse();
    assertThat(isOneWholeSentence("Print bars. Simulated bars say source=sim.")).isFalse();
    assertThat(SENTENCE_END.matcher("and W1. Without --from it resumes from the").matches())
        .isFalse();
    assertThat(SENTENCE_END.matcher("(see `swiftbolt symbols list`).").matches()).isTrue();
  }
}
