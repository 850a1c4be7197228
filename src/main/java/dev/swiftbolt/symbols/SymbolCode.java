package dev.swiftbolt.symbols;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of ticker symbols at the edge: after upper-casing, a symbol must match {@value #RULE}
 * (a letter, then up to nine letters, digits, dots or dashes; BRK.B is valid). Nothing that fails
 * this rule ever reaches SQL, a shell or a URL.
 */
public final class SymbolCode {

  public static final String RULE = "^[A-Z][A-Z0-9.\\-]{0,9}$";
  private static final Pattern PATTERN = Pattern.compile(RULE);

  private SymbolCode() {}

  /**
   * Upper-cases and validates one symbol.
   *
   * @throws IllegalArgumentException naming the rule when it does not match
   */
  public static String normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("symbol is missing; it must match " + RULE);
    }
    String symbol = raw.trim().toUpperCase(Locale.ROOT);
    if (!PATTERN.matcher(symbol).matches()) {
      throw new IllegalArgumentException(
          "invalid symbol '"
              + printable(raw)
              + "': after upper-casing it must match "
              + RULE
              + " (a letter, then up to 9 letters, digits, '.' or '-')");
    }
    return symbol;
  }

  /** Validates a comma-separated list such as {@code AAPL,msft}; empty entries are refused. */
  public static List<String> normalizeList(String commaSeparated) {
    List<String> symbols = new ArrayList<>();
    for (String part : commaSeparated.split(",", -1)) {
      String symbol = normalize(part);
      if (!symbols.contains(symbol)) {
        symbols.add(symbol);
      }
    }
    return symbols;
  }

  private static String printable(String raw) {
    String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
