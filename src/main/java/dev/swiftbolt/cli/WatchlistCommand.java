package dev.swiftbolt.cli;

import dev.swiftbolt.config.Json;
import dev.swiftbolt.symbols.WatchlistEntry;
import dev.swiftbolt.symbols.WatchlistService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt watchlist USER [--json]}. */
@Command(
    name = "watchlist",
    mixinStandardHelpOptions = true,
    description = "Show USER's watchlist.")
final class WatchlistCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "USER")
  String user;

  @Option(names = "--json", description = "One JSON array, snake_case fields")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<WatchlistEntry> entries = new WatchlistService(main.database().jdbi()).watchlist(user);
    if (json) {
      System.out.println(Json.mapper().writeValueAsString(entries));
      return 0;
    }
    if (entries.isEmpty()) {
      System.out.println(
          user + "'s watchlist is empty. Add one: swiftbolt track " + user + " AAPL");
      return 0;
    }
    for (WatchlistEntry e : entries) {
      System.out.printf("%-8s %-28s tracked since %s%n", e.symbol(), e.name(), e.trackedAt());
    }
    return 0;
  }
}
