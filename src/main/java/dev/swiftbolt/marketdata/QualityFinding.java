package dev.swiftbolt.marketdata;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One data-quality finding.
 *
 * @param severity how bad it is
 * @param rule the rule's stable snake_case name ({@code gap}, {@code off_calendar}, {@code
 *     ohlc_integrity}, {@code non_positive_price}, {@code zero_volume_run}, {@code outlier_return},
 *     {@code resample_mismatch}, {@code stale})
 * @param message a sentence for people
 * @param at the first bar time concerned, when the finding is about specific bars
 */
public record QualityFinding(Severity severity, String rule, String message, Optional<Instant> at) {

  public QualityFinding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(at, "at");
  }

  static QualityFinding error(String rule, Instant at, String message) {
    return new QualityFinding(Severity.ERROR, rule, message, Optional.of(at));
  }

  static QualityFinding warning(String rule, Instant at, String message) {
    return new QualityFinding(Severity.WARNING, rule, message, Optional.of(at));
  }
}
