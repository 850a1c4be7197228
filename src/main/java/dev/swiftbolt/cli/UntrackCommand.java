package dev.swiftbolt.cli;

import dev.swiftbolt.symbols.SymbolCode;
import dev.swiftbolt.symbols.WatchlistService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt untrack USER SYMBOL}. */
@Command(
    name = "untrack",
    mixinStandardHelpOptions = true,
    description = "Remove SYMBOL from USER's watchlist (its data and jobs stay).")
final class UntrackCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "USER")
  String user;

  @Parameters(index = "1", paramLabel = "SYMBOL")
  String symbol;

  @Override
  public Integer call() {
    boolean removed = new WatchlistService(main.database().jdbi()).untrack(user, symbol);
    String code = SymbolCode.normalize(symbol);
    System.out.println(
        removed
            ? "Removed " + code + " from " + user + "'s watchlist"
            : code + " was not on " + user + "'s watchlist");
    return 0;
  }
}
