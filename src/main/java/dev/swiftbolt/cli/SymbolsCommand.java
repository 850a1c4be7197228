package dev.swiftbolt.cli;

import dev.swiftbolt.config.Json;
import dev.swiftbolt.symbols.AlpacaAssets;
import dev.swiftbolt.symbols.AlpacaTradingSettings;
import dev.swiftbolt.symbols.AssetClass;
import dev.swiftbolt.symbols.AssetDirectory;
import dev.swiftbolt.symbols.AssetList;
import dev.swiftbolt.symbols.SymbolCode;
import dev.swiftbolt.symbols.SymbolCsv;
import dev.swiftbolt.symbols.SymbolInfo;
import dev.swiftbolt.symbols.SymbolRegistry;
import dev.swiftbolt.symbols.SymbolSearch;
import dev.swiftbolt.symbols.SymbolSummary;
import dev.swiftbolt.symbols.SymbolSync;
import dev.swiftbolt.symbols.SyncResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt symbols seed | list | add | sync | search}. */
@Command(
    name = "symbols",
    mixinStandardHelpOptions = true,
    description = "The symbols registry.",
    subcommands = {
      SymbolsCommand.Seed.class,
      SymbolsCommand.ListSymbols.class,
      SymbolsCommand.Add.class,
      SymbolsCommand.Sync.class,
      SymbolsCommand.Search.class
    })
final class SymbolsCommand extends CommandGroup {

  /** Alpaca's asset list when APCA_API_KEY_ID and APCA_API_SECRET_KEY are set. */
  static Optional<AssetDirectory> directory(Main main) {
    return AlpacaTradingSettings.fromEnvironment(main.config().alpacaEnvironment())
        .map(AlpacaAssets::of);
  }

  /** The registry on {@code main}'s database, looking unknown tickers up in Alpaca when set. */
  static SymbolRegistry registry(Main main) {
    return new SymbolRegistry(main.database().jdbi(), directory(main));
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Register SYMBOL (or update and re-activate it); idempotent.",
        "With Alpaca configured (APCA_API_KEY_ID, APCA_API_SECRET_KEY) and no --name, the name,"
            + " exchange and class come from Alpaca's asset; without Alpaca the name defaults to the"
            + " ticker. Tickers are trimmed and upper-cased; BRK-B and BRK/B mean BRK.B."
      })
  static final class Add implements Callable<Integer> {
    @ParentCommand SymbolsCommand parent;

    @Parameters(paramLabel = "SYMBOL", description = "Ticker, e.g. ORCL or BRK.B")
    String symbol;

    @Option(names = "--name", paramLabel = "N", description = "Company or fund name")
    String name;

    @Option(names = "--exchange", paramLabel = "X", description = "Exchange, e.g. NYSE or NASDAQ")
    String exchange;

    @Option(
        names = "--asset-class",
        paramLabel = "equity|etf",
        description = "Asset class (default: Alpaca's, else equity)")
    String assetClass;

    @Override
    public Integer call() {
      SymbolCode.normalize(symbol);
      Optional<AssetClass> cls =
          Optional.ofNullable(assetClass).map(c -> AssetClass.parse("--asset-class", c));
      SymbolRegistry.Added added =
          registry(parent.main)
              .add(
                  symbol,
                  Optional.ofNullable(name).filter(n -> !n.isBlank()),
                  Optional.ofNullable(exchange).filter(x -> !x.isBlank()),
                  cls);
      SymbolSummary s = added.symbol();
      String what =
          switch (added.change()) {
            case INSERTED -> "Added";
            case UPDATED -> "Updated";
            case UNCHANGED -> "Already registered:";
          };
      System.out.printf(
          "%s %s (%s, %s, %s; %s)%n",
          what, s.symbol(), s.name(), s.exchange(), s.assetClass(), added.origin());
      return 0;
    }
  }

  @Command(
      name = "sync",
      mixinStandardHelpOptions = true,
      description = {
        "Load the active US-equity assets from Alpaca's trading API, or from a CSV, into the"
            + " registry.",
        """
        Alpaca: GET $APCA_API_BASE_URL/v2/assets?status=active&asset_class=us_equity (default \
        https://paper-api.alpaca.markets; the same keys as the data API). --file reads a CSV with \
        the header symbol,name,exchange,asset_class instead. New assets are inserted, names and \
        exchanges updated, and symbols the same source listed before but no longer lists are \
        marked inactive, never deleted (watchlists and bars keep them). Everything happens in \
        one transaction: a failed or partial download changes nothing. Non-tradable assets and \
        tickers outside the symbol rule are skipped and counted."""
      })
  static final class Sync implements Callable<Integer> {
    @ParentCommand SymbolsCommand parent;

    @Option(
        names = "--file",
        paramLabel = "FILE",
        description = "A CSV symbol list (symbol,name,exchange,asset_class) instead of Alpaca")
    Path file;

    @Override
    public Integer call() {
      String source;
      AssetList list;
      if (file != null) {
        source = "csv";
        list = readFile(file);
      } else {
        AssetDirectory alpaca =
            directory(parent.main)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "symbols sync needs Alpaca (set APCA_API_KEY_ID and"
                                + " APCA_API_SECRET_KEY) or a CSV symbol list (--file FILE)"));
        System.err.println("Reading the asset list from " + alpaca.description() + "…");
        source = "alpaca";
        list = alpaca.activeAssets();
      }
      SyncResult result = new SymbolSync(parent.main.database().jdbi()).apply(source, list);
      System.out.println(result.summary());
      return 0;
    }

    private static AssetList readFile(Path file) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "--file %s does not exist or is not a file".formatted(file));
      }
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return SymbolCsv.parse(reader, file.toString());
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read --file %s: %s".formatted(file, e.getMessage()), e);
      }
    }
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = {
        "Find registered symbols by ticker or name.",
        "The exact ticker comes first, then tickers starting with QUERY, then names with a word"
            + " starting with each word of QUERY (case- and accent-insensitive); active symbols"
            + " before inactive ones."
      })
  static final class Search implements Callable<Integer> {
    @ParentCommand SymbolsCommand parent;

    @Parameters(paramLabel = "QUERY", description = "A ticker or name, or their beginning")
    String query;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "20",
        description = "At most N matches, 1 to 100 (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(
        names = "--json",
        description = "One JSON array of {symbol, name, exchange," + " asset_class, active}")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (limit < 1 || limit > SymbolSearch.MAX_LIMIT) {
        throw new IllegalArgumentException(
            "--limit must be between 1 and %d, got %d".formatted(SymbolSearch.MAX_LIMIT, limit));
      }
      List<SymbolSummary> found =
          new SymbolSearch(parent.main.database().jdbi()).search(query, limit, 0);
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(found));
        return 0;
      }
      if (found.isEmpty()) {
        System.out.printf(
            "No symbol matches '%s'. Register one with `swiftbolt symbols add SYMBOL` or load"
                + " Alpaca's list with `swiftbolt symbols sync`.%n",
            query.strip());
        return 0;
      }
      System.out.printf(
          "%-10s %-40s %-8s %-6s %s%n", "symbol", "name", "exchange", "class", "active");
      for (SymbolSummary s : found) {
        System.out.printf(
            "%-10s %-40s %-8s %-6s %s%n",
            s.symbol(), s.name(), s.exchange(), s.assetClass(), s.active() ? "yes" : "no");
      }
      return 0;
    }
  }

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
      int active = new SymbolRegistry(parent.main.database().jdbi()).seed();
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
      List<SymbolInfo> symbols = new SymbolRegistry(parent.main.database().jdbi()).list();
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
