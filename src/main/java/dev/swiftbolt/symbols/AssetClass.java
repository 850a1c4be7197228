package dev.swiftbolt.symbols;

import java.util.Locale;

/**
 * The registry's asset classes: {@code equity} (stocks) and {@code etf} (exchange-traded funds).
 */
public enum AssetClass {
  EQUITY,
  ETF;

  /** The stored and printed name: {@code equity} or {@code etf}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code equity} or {@code etf} (any case).
   *
   * @param option the option or field name for the message, e.g. {@code --asset-class}
   * @throws IllegalArgumentException naming the option and the accepted values
   */
  public static AssetClass parse(String option, String raw) {
    String value = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    for (AssetClass c : values()) {
      if (c.code().equals(value)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "%s must be equity or etf, got '%s'".formatted(option, raw == null ? "" : raw));
  }
}
