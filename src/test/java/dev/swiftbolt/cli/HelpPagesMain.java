package dev.swiftbolt.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Prints {@code --help} of every command and subcommand of {@code swiftbolt}, found by walking the
 * command tree, each page after a {@code === swiftbolt <path> (exit N)} line. Run in a child JVM by
 * {@link HelpTextTest}, because picocli writes its warnings to the {@code System.err} it saw when
 * it was first loaded.
 */
public final class HelpPagesMain {

  private HelpPagesMain() {}

  /** Every command path below {@code root}, root first, depth first. */
  static List<List<String>> commandPaths(CommandLine root) {
    List<List<String>> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);
    return paths;
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    for (var entry : command.getSubcommands().entrySet()) {
      if (!entry.getKey().equals(entry.getValue().getCommandName())) {
        continue; // an alias of a command already listed
      }
      List<String> child = new ArrayList<>(path);
      child.add(entry.getKey());
      collect(entry.getValue(), child, paths);
    }
  }

  public static void main(String[] args) {
    for (List<String> path : commandPaths(Main.commandLine(new Main()))) {
      List<String> helpArgs = new ArrayList<>(path);
      helpArgs.add("--help");
      CommandLine cmd = Main.commandLine(new Main());
      StringWriter page = new StringWriter();
      cmd.setOut(new PrintWriter(page, true));
      int code = cmd.execute(helpArgs.toArray(String[]::new));
      System.out.println("=== swiftbolt " + String.join(" ", path) + " (exit " + code + ")");
      System.out.print(page);
    }
    System.out.flush();
    System.err.flush();
  }
}
