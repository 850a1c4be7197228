package dev.swiftbolt.marketdata;

import java.util.Objects;
import java.util.Set;

/**
 * A quality report with the sources of the bars it judged, so that simulated data is labelled.
 *
 * @param report the verdict
 * @param sources distinct {@code source} values of the series ({@code sim} = simulated)
 */
public record SeriesQuality(QualityReport report, Set<String> sources) {

  public SeriesQuality {
    Objects.requireNonNull(report, "report");
    sources = Set.copyOf(sources);
  }

  /** True when any bar of the series is simulated. */
  public boolean simulated() {
    return sources.contains(BarRepository.SIMULATED);
  }
}
