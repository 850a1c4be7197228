package dev.swiftbolt.symbols;

/**
 * A registered symbol that is no longer active (its listing source dropped it), or an unknown one
 * that Alpaca lists as not tradable: it cannot be tracked. Bad input (exit 2, HTTP 409 {@code
 * inactive_symbol}).
 */
public final class InactiveSymbolException extends IllegalArgumentException {

  private final String symbol;

  private InactiveSymbolException(String symbol, String message) {
    super(message);
    this.symbol = symbol;
  }

  /** An unknown ticker that {@code directory} lists as active but not tradable. */
  public static InactiveSymbolException notTradable(String symbol, String directory) {
    return new InactiveSymbolException(
        symbol,
        "%s is listed by %s but not tradable, so it cannot be tracked; `swiftbolt symbols add %s` registers it anyway"
            .formatted(symbol, directory, symbol));
  }

  public InactiveSymbolException(String symbol) {
    this(
        symbol,
        ("%s is inactive in the symbols registry (its listing source no longer lists it), so it"
                + " cannot be tracked; its bars and watchlist entries are kept, and `swiftbolt"
                + " symbols add %s` re-activates it if it trades again")
            .formatted(symbol, symbol));
  }

  /** The refused ticker. */
  public String symbol() {
    return symbol;
  }
}
