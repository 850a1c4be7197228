package dev.swiftbolt.marketdata;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One stored bar as the CLI ({@code bars --json}) and the API ({@code /bars}) print it: the OHLCV
 * fields flat, beside the bar's source ({@code sim} marks simulated data).
 */
@JsonPropertyOrder({"ts", "open", "high", "low", "close", "volume", "source"})
public record BarRow(
    Instant ts, double open, double high, double low, double close, double volume, String source) {

  public static BarRow of(StoredBar stored) {
    Bar b = stored.bar();
    return new BarRow(b.ts(), b.open(), b.high(), b.low(), b.close(), b.volume(), stored.source());
  }
}
