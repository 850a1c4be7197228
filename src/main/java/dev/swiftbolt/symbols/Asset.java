package dev.swiftbolt.symbols;

import java.util.Objects;

/**
 * A listed security as a directory describes it (Alpaca's asset list, a CSV of symbols, or a hand
 * entry): its validated ticker, name, exchange and class, and whether it is listed as active and
 * tradable.
 *
 * @param symbol the canonical ticker ({@link SymbolCode#normalize})
 * @param name the company or fund name, never blank (the ticker when nothing better is known)
 * @param exchange e.g. NASDAQ, NYSE, ARCA; {@code UNKNOWN} when not given
 * @param assetClass {@link AssetClass}
 * @param active whether the directory lists it as active
 * @param tradable whether it can be traded; only active, tradable assets are registered by a sync
 */
public record Asset(
    String symbol,
    String name,
    String exchange,
    AssetClass assetClass,
    boolean active,
    boolean tradable) {

  /** The exchange stored when none is known. */
  public static final String UNKNOWN_EXCHANGE = "UNKNOWN";

  public Asset {
    symbol = SymbolCode.normalize(symbol);
    Objects.requireNonNull(assetClass, "assetClass");
    name = name == null || name.isBlank() ? symbol : name.strip();
    exchange =
        exchange == null || exchange.isBlank()
            ? UNKNOWN_EXCHANGE
            : exchange.strip().toUpperCase(java.util.Locale.ROOT);
    if (name.length() > 200) {
      throw new IllegalArgumentException(
          "name of %s is longer than 200 characters".formatted(symbol));
    }
    if (exchange.length() > 20) {
      throw new IllegalArgumentException(
          "exchange of %s is longer than 20 characters".formatted(symbol));
    }
  }

  /** Whether a sync registers it: listed as active and tradable. */
  public boolean registrable() {
    return active && tradable;
  }
}
