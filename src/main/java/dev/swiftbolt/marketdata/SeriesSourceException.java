package dev.swiftbolt.marketdata;

/**
 * A load refused because it would mix sources in one series (symbol × timeframe): simulated bars
 * into a real series, real bars into a simulated series without {@code --replace-simulated}, or a
 * second real source whose bars disagree with the stored ones. Not retried; the CLI exits 1.
 */
public final class SeriesSourceException extends RuntimeException {

  public SeriesSourceException(String message) {
    super(message);
  }
}
