package dev.swiftbolt.symbols;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The open registry: symbols added by hand (with Alpaca's name, exchange and class when it is
 * configured), and the rule for tracking — any registered active symbol, and an unknown ticker that
 * the asset directory lists as active, registered on the way. Thread-safe.
 */
public final class SymbolRegistry {

  /** What {@link #add} did. */
  public enum Change {
    INSERTED,
    UPDATED,
    UNCHANGED
  }

  /** The outcome of {@link #add}: the symbol as stored and what changed. */
  public record Added(SymbolSummary symbol, Change change, String origin) {}

  private static final String INSERT =
      """
      INSERT INTO symbols (symbol, name, exchange, asset_class, active, synced_from)
      VALUES (:symbol, :name, :exchange, :asset_class, true, :synced_from)
      ON CONFLICT (symbol) DO NOTHING
      """;

  private static final String UPDATE =
      """
      UPDATE symbols
      SET name = :name, exchange = :exchange, asset_class = :asset_class, active = true
      WHERE symbol = :symbol
        AND (name, exchange, asset_class, active)
            IS DISTINCT FROM (:name, :exchange, :asset_class, true)
      """;

  private final Jdbi jdbi;
  private final SymbolRepository symbols;
  private final Optional<AssetDirectory> directory;

  /**
   * @param directory Alpaca's assets when configured; empty without Alpaca
   */
  public SymbolRegistry(Jdbi jdbi, Optional<AssetDirectory> directory) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.symbols = new SymbolRepository(jdbi);
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** The registry without an asset directory: reads, seeding and registered symbols only. */
  public SymbolRegistry(Jdbi jdbi) {
    this(jdbi, Optional.empty());
  }

  /**
   * Inserts the core symbols of {@link SymbolRepository#SEED_RESOURCE}; idempotent.
   *
   * @return the number of active symbols afterwards
   */
  public int seed() {
    return symbols.seed();
  }

  /** Every registered symbol, ordered by symbol. */
  public List<SymbolInfo> list() {
    return symbols.list();
  }

  /** The active symbols' codes, ordered. */
  public List<String> activeSymbols() {
    return symbols.activeSymbols();
  }

  /**
   * The id of a registered symbol.
   *
   * @throws UnknownSymbolException when it is not registered
   */
  public long require(String symbol) {
    return symbols.require(symbol);
  }

  /** Whether unknown tickers can be looked up. */
  public boolean hasDirectory() {
    return directory.isPresent();
  }

  /**
   * Registers {@code rawSymbol}, or updates and re-activates it; idempotent. Given values win;
   * without {@code name}, Alpaca's asset (when configured and listed) supplies name, exchange and
   * class; otherwise the name is the ticker.
   *
   * @throws IllegalArgumentException for a malformed symbol, name or exchange
   */
  public Added add(
      String rawSymbol,
      Optional<String> name,
      Optional<String> exchange,
      Optional<AssetClass> assetClass) {
    String symbol = SymbolCode.normalize(rawSymbol);
    Optional<Asset> listed =
        name.isPresent() ? Optional.empty() : directory.flatMap(d -> d.find(symbol));
    Optional<SymbolInfo> existing = symbols.find(symbol);
    Asset asset =
        new Asset(
            symbol,
            name.or(() -> listed.map(Asset::name))
                .or(() -> existing.map(SymbolInfo::name))
                .orElse(symbol),
            exchange
                .or(() -> listed.map(Asset::exchange))
                .or(() -> existing.map(SymbolInfo::exchange))
                .orElse(Asset.UNKNOWN_EXCHANGE),
            assetClass
                .or(() -> listed.map(Asset::assetClass))
                .or(() -> existing.map(s -> AssetClass.parse("asset_class", s.assetClass())))
                .orElse(AssetClass.EQUITY),
            true,
            true);
    String origin =
        listed.isPresent()
            ? "name, exchange and class from " + directory.orElseThrow().description()
            : "given values";
    Change change = store(asset, Optional.empty());
    return new Added(summary(asset), change, origin);
  }

  /**
   * The id of a symbol that may be tracked: registered and active, or unknown but listed as active
   * and tradable by the asset directory (then registered first).
   *
   * @throws UnknownSymbolException when it is neither registered nor listed
   * @throws InactiveSymbolException when it is registered but inactive, or unknown and listed as
   *     not tradable
   */
  public long requireTrackable(String symbol) {
    Optional<SymbolInfo> known = symbols.find(symbol);
    if (known.isPresent()) {
      if (!known.get().active()) {
        throw new InactiveSymbolException(symbol);
      }
      return known.get().id();
    }
    if (directory.isEmpty()) {
      throw new UnknownSymbolException(symbol);
    }
    Asset asset =
        directory
            .get()
            .find(symbol)
            .filter(Asset::active)
            .orElseThrow(
                () ->
                    new UnknownSymbolException(
                        symbol,
                        directory.get().description() + " lists no active asset " + symbol));
    if (!asset.tradable()) {
      throw InactiveSymbolException.notTradable(symbol, directory.get().description());
    }
    store(asset, Optional.of("alpaca"));
    return symbols.require(symbol);
  }

  /**
   * Registers {@code rawSymbol} when it is unknown (for {@code import csv}): with {@code name}, or
   * as {@link #add} would; a registered symbol is left as it is.
   *
   * @return whether it was registered now
   */
  public boolean ensureRegistered(String rawSymbol, Optional<String> name) {
    String symbol = SymbolCode.normalize(rawSymbol);
    if (symbols.find(symbol).isPresent()) {
      return false;
    }
    return add(symbol, name, Optional.empty(), Optional.empty()).change() == Change.INSERTED;
  }

  private Change store(Asset asset, Optional<String> syncedFrom) {
    return jdbi.inTransaction(
        h -> {
          int inserted =
              h.createUpdate(INSERT)
                  .bind("symbol", asset.symbol())
                  .bind("name", asset.name())
                  .bind("exchange", asset.exchange())
                  .bind("asset_class", asset.assetClass().code())
                  .bind("synced_from", syncedFrom.orElse(null))
                  .execute();
          if (inserted == 1) {
            return Change.INSERTED;
          }
          int updated =
              h.createUpdate(UPDATE)
                  .bind("symbol", asset.symbol())
                  .bind("name", asset.name())
                  .bind("exchange", asset.exchange())
                  .bind("asset_class", asset.assetClass().code())
                  .execute();
          return updated == 1 ? Change.UPDATED : Change.UNCHANGED;
        });
  }

  private static SymbolSummary summary(Asset asset) {
    return new SymbolSummary(
        asset.symbol(), asset.name(), asset.exchange(), asset.assetClass().code(), true);
  }
}
