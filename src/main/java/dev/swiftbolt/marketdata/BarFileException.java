package dev.swiftbolt.marketdata;

/**
 * A bar file was refused as a whole: the message names the file, the 1-based line number and the
 * rule the line broke. An {@link IllegalArgumentException} so that the CLI reports bad input (exit
 * 2).
 */
final class BarFileException extends IllegalArgumentException {

  private final long line;
  private final String rule;

  public BarFileException(String file, long line, String rule) {
    super(file + " line " + line + ": " + rule + " (file rejected, nothing written)");
    this.line = line;
    this.rule = rule;
  }

  /** The 1-based line number of the offending row in the file. */
  public long line() {
    return line;
  }

  /** The rule the row broke, as a sentence. */
  public String rule() {
    return rule;
  }
}
