package dev.swiftbolt.symbols;

/**
 * A well-formed symbol that is not in the registry. It is bad input (exit 2, HTTP 404), and the
 * message names {@code swiftbolt symbols add} and {@code swiftbolt symbols sync}, the two ways to
 * register it.
 */
public final class UnknownSymbolException extends IllegalArgumentException {
  private final String symbol;

  public UnknownSymbolException(String symbol) {
    this(symbol, "it is not in the symbols registry");
  }

  /**
   * @param why what was found out, e.g. that Alpaca lists no active asset by that name
   */
  public UnknownSymbolException(String symbol, String why) {
    super(
        ("unknown symbol '%s': %s; register it with `swiftbolt symbols add %s` or load Alpaca's"
                + " asset list with `swiftbolt symbols sync` (find registered ones with"
                + " `swiftbolt symbols search` or `swiftbolt symbols list`)")
            .formatted(symbol, why, symbol));
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
