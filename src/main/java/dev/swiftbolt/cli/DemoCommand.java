package dev.swiftbolt.cli;

import dev.swiftbolt.symbols.SymbolRepository;
import dev.swiftbolt.symbols.TrackResult;
import dev.swiftbolt.symbols.WatchlistService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code swiftbolt demo [--no-serve] [--port N]}: the whole pipeline on simulated data, then the
 * dashboard. Each stage that is not built yet is named as such in the output.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole pipeline on simulated data, then serve the dashboard.",
      "Starts the embedded PostgreSQL, seeds the 8 core symbols, tracks them for the user",
      "'demo-user' and runs every stage.",
      "--no-serve runs it once and exits with a summary."
    })
final class DemoCommand implements Callable<Integer> {

  static final String DEMO_USER = "demo-user";

  @ParentCommand Main main;

  @Option(names = "--no-serve", description = "Run once, print a summary and exit")
  boolean noServe;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default: ${DEFAULT-VALUE})")
  int port;

  @Override
  public Integer call() {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 1 and 65535, got " + port);
    }
    long started = System.nanoTime();
    var database = main.database();
    System.out.println(
        "Database: "
            + (database.isEmbedded()
                ? "embedded PostgreSQL under " + main.config().home()
                : database.settings().address()));
    SymbolRepository symbols = new SymbolRepository(database.jdbi());
    int active = symbols.seed();
    System.out.println("[1/3] Seeded symbols: " + active + " active");
    WatchlistService watchlist = new WatchlistService(database.jdbi());
    List<String> codes = symbols.activeSymbols();
    int jobs = 0;
    for (String code : codes) {
      TrackResult result = watchlist.track(DEMO_USER, code);
      jobs += result.jobs().size();
    }
    System.out.printf(
        "[2/3] Tracked %d symbols for %s; %d active jobs queued%n", codes.size(), DEMO_USER, jobs);
    System.out.println(
        "[3/3] Not built yet: simulated market data, model training, evaluation, unified"
            + " validation, job workers and the dashboard (issues 4-7).");
    System.out.printf("Done in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    if (!noServe) {
      System.out.println(
          "Serving the dashboard is not built yet (issue 7); exiting instead of serving.");
    }
    return 0;
  }
}
