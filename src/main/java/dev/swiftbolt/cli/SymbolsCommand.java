package dev.swiftbolt.cli;

import dev.swiftbolt.config.Json;
import dev.swiftbolt.symbols.SymbolInfo;
import dev.swiftbolt.symbols.SymbolRepository;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt symbols seed | list [--json]}. */
@Command(
    name = "symbols",
    mixinStandardHelpOptions = true,
    description = "The symbols registry.",
    subcommands = {SymbolsCommand.Seed.class, SymbolsCommand.ListSymbols.class})
final class SymbolsCommand extends CommandGroup {

  @Command(
      name = "seed",
      mixinStandardHelpOptions = true,
      description = {
        "Insert the 8 core symbols (AAPL NVDA CRWD AMD MSFT GOOGL TSLA META).",
        "Idempotent (ON CONFLICT DO NOTHING). Runs scripts/seed-symbols.sql, the same file that"
            + " works under `psql \"$DATABASE_URL\" -f scripts/seed-symbols.sql`."
      })
  static final class Seed implements Callable<Integer> {
    @ParentCommand SymbolsCommand parent;

    @Override
    public Integer call() {
      int active = new SymbolRepository(parent.main.database().jdbi()).seed();
      System.out.println("Seeded core symbols; active symbols: " + active);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the symbols.")
  static final class ListSymbols implements Callable<Integer> {
    @ParentCommand SymbolsCommand parent;

    @Option(names = "--json", description = "One JSON array, snake_case fields")
    boolean json;

    @Override
    public Integer call() throws Exception {
      List<SymbolInfo> symbols = new SymbolRepository(parent.main.database().jdbi()).list();
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(symbols));
        return 0;
      }
      if (symbols.isEmpty()) {
        System.out.println(
            "No symbols yet. Run `swiftbolt symbols seed` to add the 8 core symbols.");
        return 0;
      }
      System.out.printf(
          "%-8s %-28s %-8s %-8s %s%n", "symbol", "name", "exchange", "class", "active");
      for (SymbolInfo s : symbols) {
        System.out.printf(
            "%-8s %-28s %-8s %-8s %s%n",
            s.symbol(), s.name(), s.exchange(), s.assetClass(), s.active() ? "yes" : "no");
      }
      return 0;
    }
  }
}
