package dev.swiftbolt.marketdata;

/** How bad a data-quality finding is. Errors make {@code swiftbolt quality} exit 1. */
public enum Severity {
  /** The data is wrong or incomplete: a gap, a broken invariant, a mismatched aggregate. */
  ERROR,
  /** Suspicious or out of date, but possibly legitimate: staleness, outliers, zero volume. */
  WARNING
}
