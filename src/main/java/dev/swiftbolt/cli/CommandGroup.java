package dev.swiftbolt.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code db}, {@code symbols}, {@code check}, …): run on
 * its own it prints its usage, listing them. Its subcommands reach the database through {@link
 * #main}.
 */
abstract class CommandGroup implements Runnable {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
