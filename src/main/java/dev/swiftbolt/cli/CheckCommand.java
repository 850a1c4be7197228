package dev.swiftbolt.cli;

import dev.swiftbolt.symbols.SymbolSyncCheck;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt check symbol-sync [--symbol AAPL] [--user test-user-123]}. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Built-in end-to-end checks.",
    subcommands = {CheckCommand.SymbolSync.class, CheckDeployment.class})
final class CheckCommand extends CommandGroup {

  @Command(
      name = "symbol-sync",
      mixinStandardHelpOptions = true,
      description = {
        "Check that tracking a symbol creates its jobs (the seed's test_symbol_sync.sh).",
        "Steps: symbol present and active, tracking row created, jobs created within 5 minutes.",
        "Prints a PASS/FAIL line per step; exit 0 when all pass, 1 otherwise. Removes the rows it"
            + " created."
      })
  static final class SymbolSync implements Callable<Integer> {
    @ParentCommand CheckCommand check;

    @Option(names = "--symbol", defaultValue = "AAPL", description = "default: ${DEFAULT-VALUE}")
    String symbol;

    @Option(
        names = "--user",
        defaultValue = "test-user-123",
        description = "default: ${DEFAULT-VALUE}")
    String user;

    @Override
    public Integer call() {
      System.out.println("Testing symbol tracking for " + symbol + "...");
      List<SymbolSyncCheck.Step> steps =
          new SymbolSyncCheck(check.main.database().jdbi()).run(symbol, user);
      String[] titles = {
        "Verifying symbol in database...",
        "Creating user_symbol_tracking entry...",
        "Verifying jobs were created..."
      };
      boolean allPassed = steps.size() == titles.length;
      for (int i = 0; i < steps.size(); i++) {
        System.out.println("Step " + (i + 1) + ": " + titles[i]);
        System.out.println(steps.get(i).line());
        allPassed &= steps.get(i).passed();
      }
      System.out.println();
      System.out.println(
          allPassed ? "Symbol sync test completed successfully!" : "Symbol sync test FAILED");
      return allPassed ? 0 : 1;
    }
  }
}
