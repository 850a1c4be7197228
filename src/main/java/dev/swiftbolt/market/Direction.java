package dev.swiftbolt.market;

import java.util.Locale;

/** The direction of a forecast: the three classes every SwiftBolt model predicts. */
public enum Direction {
  BULLISH,
  NEUTRAL,
  BEARISH;

  /**
   * Parses a direction name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code text} is not one
   */
  public static Direction parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "direction is missing; expected one of BULLISH, NEUTRAL, BEARISH");
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown direction '" + text + "'; expected one of BULLISH, NEUTRAL, BEARISH", e);
    }
  }
}
