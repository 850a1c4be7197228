package dev.swiftbolt.market;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The five bar timeframes SwiftBolt forecasts on, from the shortest to the longest.
 *
 * <p>{@link #hierarchyWeightHundredths()} is the validator's multi-timeframe weight in exact
 * integer hundredths (W1 0.50, D1 0.40, H4 0.30, H1 0.20, M15 0.10), so that sums of weights are
 * exact and a relative margin of exactly 0.20 is always a conflict.
 */
public enum Timeframe {
  M15(Duration.ofMinutes(15), 10),
  H1(Duration.ofHours(1), 20),
  H4(Duration.ofHours(4), 30),
  D1(Duration.ofDays(1), 40),
  W1(Duration.ofDays(7), 50);

  private final Duration nominalLength;
  private final int hierarchyWeightHundredths;

  Timeframe(Duration nominalLength, int hierarchyWeightHundredths) {
    this.nominalLength = nominalLength;
    this.hierarchyWeightHundredths = hierarchyWeightHundredths;
  }

  /** The nominal length of one bar (a D1 bar covers one trading session, not 24 hours). */
  public Duration nominalLength() {
    return nominalLength;
  }

  /** The validator's hierarchy weight in integer hundredths. */
  public int hierarchyWeightHundredths() {
    return hierarchyWeightHundredths;
  }

  /** The validator's hierarchy weight as a double (0.10 … 0.50). */
  public double hierarchyWeight() {
    return hierarchyWeightHundredths / 100.0;
  }

  /**
   * Parses a timeframe name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code text} is not one
   */
  public static Timeframe parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("timeframe is missing; expected one of " + names());
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown timeframe '" + text + "'; expected one of " + names(), e);
    }
  }

  /** The accepted names, comma-separated, for messages. */
  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
