package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.util.List;
import java.util.Objects;

/**
 * The data-quality verdict on one symbol × timeframe series.
 *
 * @param symbol the ticker
 * @param timeframe the series' timeframe
 * @param coverage what is there against what the calendar expects
 * @param findings problems found, oldest first within each rule
 */
public record QualityReport(
    String symbol, Timeframe timeframe, Coverage coverage, List<QualityFinding> findings) {

  public QualityReport {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(coverage, "coverage");
    findings = List.copyOf(findings);
  }

  /** Number of findings with severity {@link Severity#ERROR}. */
  public long errorCount() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
  }

  /** Number of findings with severity {@link Severity#WARNING}. */
  public long warningCount() {
    return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
  }
}
