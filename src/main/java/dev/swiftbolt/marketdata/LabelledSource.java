package dev.swiftbolt.marketdata;

import java.util.Objects;

/**
 * A {@link BarSource} with the label its bars are stored under and the sentence that announces it
 * (printed once per command).
 *
 * @param label {@code alpaca}, {@code csv} or {@code sim}
 * @param source the source
 * @param announcement e.g. "Source: simulator (…) — bars are simulated"
 */
public record LabelledSource(String label, BarSource source, String announcement) {

  public LabelledSource {
    if (!BarRepository.SOURCES.contains(label)) {
      throw new IllegalArgumentException(
          "source label must be one of " + BarRepository.SOURCES + ", got " + label);
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(announcement, "announcement");
  }
}
