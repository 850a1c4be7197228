package dev.swiftbolt.symbols;

/**
 * A well-formed symbol that is not in the registry. It is bad input (exit 2, HTTP 404), and the
 * message points at {@code swiftbolt symbols list}.
 */
public final class UnknownSymbolException extends IllegalArgumentException {
  private final String symbol;

  public UnknownSymbolException(String symbol) {
    super(
        "unknown symbol '"
            + symbol
            + "': it is not in the symbols registry (see `swiftbolt symbols list`;"
            + " `swiftbolt symbols seed` adds the 8 core symbols)");
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
