package dev.swiftbolt.marketdata;

import java.util.Objects;

/**
 * A bar as stored, with its source: {@code alpaca}, {@code csv} or {@code sim} (simulated).
 *
 * @param bar the bar
 * @param source where it came from
 */
public record StoredBar(Bar bar, String source) {

  public StoredBar {
    Objects.requireNonNull(bar, "bar");
    Objects.requireNonNull(source, "source");
  }

  /** True for simulated bars, which every output must label as such. */
  public boolean simulated() {
    return BarRepository.SIMULATED.equals(source);
  }
}
