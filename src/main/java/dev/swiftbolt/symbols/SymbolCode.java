package dev.swiftbolt.symbols;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of ticker symbols at the edge. Input is trimmed and upper-cased; a class share keeps
 * its dot ({@code BRK.B}), and {@code BRK-B} and {@code BRK/B} are accepted and mean {@code BRK.B}.
 * The result must match {@value #RULE}: 1 to 10 ASCII characters, a letter first, then letters and
 * digits with at most one class-share dot. Anything else (path or SQL characters, more than 10
 * characters, non-ASCII look-alikes such as a Cyrillic {@code А}, empty) is refused before it can
 * reach SQL, a shell or a URL. Pure and thread-safe.
 */
public final class SymbolCode {

  public static final String RULE = "^(?=.{1,10}$)[A-Z][A-Z0-9]*(\\.[A-Z0-9]+)?$";

  /** The rule in words, appended to every refusal. */
  public static final String RULE_TEXT =
      "a symbol is 1 to 10 ASCII letters and digits starting with a letter, with at most one"
          + " class-share dot (BRK.B; BRK-B and BRK/B mean BRK.B), i.e. it must match "
          + RULE;

  private static final Pattern PATTERN = Pattern.compile(RULE);
  private static final int MAX_LENGTH = 10;

  private SymbolCode() {}

  /**
   * Trims, upper-cases and validates one symbol; {@code -} and {@code /} become {@code .}.
   *
   * @throws IllegalArgumentException naming the rule when the input is not a symbol
   */
  public static String normalize(String raw) {
    if (raw == null || raw.trim().isEmpty()) {
      throw refusal(raw == null ? "" : raw, "it is empty");
    }
    String trimmed = raw.trim();
    // Checked before upper-casing: 'ı'.toUpperCase() is an ASCII 'I', 'ſ' becomes 'S'.
    if (!trimmed.chars().allMatch(c -> c >= 0x21 && c < 0x7f)) {
      throw refusal(raw, "it contains a character that is not printable ASCII");
    }
    if (trimmed.length() > MAX_LENGTH) {
      throw refusal(raw, "it is longer than " + MAX_LENGTH + " characters");
    }
    String symbol = trimmed.toUpperCase(Locale.ROOT).replace('-', '.').replace('/', '.');
    if (!PATTERN.matcher(symbol).matches()) {
      throw refusal(raw, "it has a character or a shape outside the rule");
    }
    return symbol;
  }

  /** Whether {@code raw} is a valid symbol (see {@link #normalize}). */
  public static boolean isValid(String raw) {
    try {
      normalize(raw);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
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

  private static IllegalArgumentException refusal(String raw, String why) {
    return new IllegalArgumentException(
        "invalid symbol '%s': %s; %s".formatted(printable(raw), why, RULE_TEXT));
  }

  private static String printable(String raw) {
    String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
