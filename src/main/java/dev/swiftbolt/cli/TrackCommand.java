package dev.swiftbolt.cli;

import dev.swiftbolt.jobs.JobView;
import dev.swiftbolt.symbols.SymbolCode;
import dev.swiftbolt.symbols.TrackResult;
import dev.swiftbolt.symbols.WatchlistService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt track USER SYMBOL}. */
@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description = {
      "Add SYMBOL to USER's watchlist and queue its backfill and forecast jobs.",
      "Any registered active symbol can be tracked. An unknown ticker is looked up in Alpaca's"
          + " asset list when Alpaca is configured and registered when it is active there;"
          + " otherwise register it first with `swiftbolt symbols add` or `swiftbolt symbols sync`.",
      "The database queues the jobs in the same transaction (tracking twice adds no second set).",
      "Workers (`swiftbolt worker`, or `swiftbolt serve`) then run them."
    })
final class TrackCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "USER", description = "User id (e.g. a Supabase user UUID)")
  String user;

  @Parameters(index = "1", paramLabel = "SYMBOL", description = "Ticker, e.g. AAPL")
  String symbol;

  @Override
  public Integer call() {
    SymbolCode.normalize(symbol);
    TrackResult result =
        new WatchlistService(main.database().jdbi(), SymbolsCommand.registry(main))
            .track(user, symbol);
    System.out.println(result.message());
    for (JobView job : result.jobs()) {
      System.out.printf(
          "  job %d: %s %s %s%n",
          job.id(), job.jobType(), job.timeframe().orElse("all timeframes"), job.status());
    }
    return 0;
  }
}
