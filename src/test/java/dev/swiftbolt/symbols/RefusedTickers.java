package dev.swiftbolt.symbols;

import java.util.List;

/** Every ticker form the registry refuses, shared by the CLI and API tests. */
public final class RefusedTickers {

  private RefusedTickers() {}

  /** Path and SQL characters, too long, non-ASCII look-alikes, empty, bad shapes. */
  public static final List<String> FORMS =
      List.of(
          "",
          "   ",
          "AAPL'; DROP TABLE symbols; --",
          "../etc/passwd",
          "AAPL%",
          "A_PL",
          "AAPL;ls",
          "TOOLONGSYMB",
          "\u0410APL", // Cyrillic capital A
          "\u0131BM", // dotless i, which upper-cases to an ASCII I
          "\uFF21\uFF21\uFF30\uFF2C", // full-width AAPL
          "BRK.B.C",
          "A/B/C",
          "BRK.",
          ".BRK",
          "1ABC",
          "$AAPL",
          "AA PL");
}
