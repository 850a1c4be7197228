package dev.swiftbolt.symbols;

/**
 * A registered symbol that is no longer active (its listing source dropped it): it keeps its
 * history but cannot be tracked. Bad input (exit 2, HTTP 409).
 */
public final class InactiveSymbolException extends IllegalArgumentException {

  public InactiveSymbolException(String symbol) {
    super(
        ("%s is inactive in the symbols registry (its listing source no longer lists it), so it"
                + " cannot be tracked; its bars and watchlist entries are kept, and `swiftbolt"
                + " symbols add %s` re-activates it if it trades again")
            .formatted(symbol, symbol));
  }
}
