package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The data-quality rules, as pure functions of a bar series, the calendar and the injected clock.
 * They replace the seed's diagnostic SQL scripts ({@code find_gaps}, {@code verify_ohlc_integrity},
 * {@code check_symbol_coverage}, {@code validate_data_quality} …).
 *
 * <p>Errors: {@code gap} (bars the calendar expects between the first and the last bar are missing;
 * weekends, holidays and the hours after an early close are not gaps), {@code off_calendar} (a bar
 * outside the schedule of its timeframe, e.g. on a holiday), {@code duplicate}, {@code
 * non_positive_price}, {@code ohlc_integrity} (high < low, open or close outside [low, high],
 * negative volume) and {@code resample_mismatch} (a derived H1/H4/W1 bar differs from the aggregate
 * of its base bars). Warnings: {@code stale} (more complete bars have closed since the newest one
 * than {@link QualityThresholds#staleAfterBars()}), {@code outlier_return} and {@code
 * zero_volume_run}. Thread-safe.
 */
final class DataQuality {

  private static final double RELATIVE_TOLERANCE = 1e-9;

  private final BarSchedule schedule;
  private final QualityThresholds thresholds;
  private final Clock clock;
  private final Resampler resampler;

  public DataQuality(BarSchedule schedule, QualityThresholds thresholds, Clock clock) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.resampler = new Resampler(schedule);
  }

  /** Checks a series (any order) without resample consistency. */
  public QualityReport check(String symbol, Timeframe timeframe, List<Bar> bars) {
    return check(symbol, timeframe, bars, Optional.empty());
  }

  /**
   * Checks a series; when {@code baseBars} is present (the M15 bars beneath an H1/H4 series, or the
   * D1 bars beneath a W1 series, covering the same weeks/sessions) each derived bar is also
   * compared with the aggregate of its base bars.
   */
  public QualityReport check(
      String symbol, Timeframe timeframe, List<Bar> bars, Optional<List<Bar>> baseBars) {
    List<Bar> sorted = new ArrayList<>(bars);
    sorted.sort(Comparator.comparing(Bar::ts));
    List<QualityFinding> findings = new ArrayList<>();
    if (sorted.isEmpty()) {
      return new QualityReport(
          symbol, timeframe, new Coverage(Optional.empty(), Optional.empty(), 0, 0), findings);
    }
    Instant first = sorted.get(0).ts();
    Instant last = sorted.get(sorted.size() - 1).ts();
    List<Instant> expected = schedule.expectedOpens(timeframe, first, last.plusNanos(1));
    checkCalendar(timeframe, sorted, expected, findings);
    checkBars(sorted, findings);
    checkZeroVolume(sorted, findings);
    checkOutliers(sorted, findings);
    baseBars.ifPresent(base -> checkResample(timeframe, sorted, base, findings));
    checkStaleness(timeframe, last, findings);
    Coverage coverage =
        new Coverage(Optional.of(first), Optional.of(last), sorted.size(), expected.size());
    return new QualityReport(symbol, timeframe, coverage, findings);
  }

  private void checkCalendar(
      Timeframe timeframe, List<Bar> sorted, List<Instant> expected, List<QualityFinding> out) {
    Set<Instant> present = new HashSet<>();
    Set<Instant> expectedSet = new HashSet<>(expected);
    for (Bar b : sorted) {
      if (!present.add(b.ts())) {
        out.add(QualityFinding.error("duplicate", b.ts(), "two bars at " + b.ts()));
      } else if (!expectedSet.contains(b.ts())) {
        out.add(
            QualityFinding.error(
                "off_calendar",
                b.ts(),
                "bar at " + b.ts() + " is not a " + timeframe + " bar time on the NYSE calendar"));
      }
    }
    int i = 0;
    while (i < expected.size()) {
      if (present.contains(expected.get(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < expected.size() && !present.contains(expected.get(j + 1))) {
        j++;
      }
      int missing = j - i + 1;
      out.add(
          QualityFinding.error(
              "gap",
              expected.get(i),
              "%s %s bar%s missing from %s to %s"
                  .formatted(
                      missing,
                      timeframe,
                      missing == 1 ? "" : "s",
                      expected.get(i),
                      expected.get(j))));
      i = j + 1;
    }
  }

  private static void checkBars(List<Bar> sorted, List<QualityFinding> out) {
    for (Bar b : sorted) {
      b.violation()
          .ifPresent(
              rule ->
                  out.add(
                      QualityFinding.error(
                          rule.startsWith("prices") ? "non_positive_price" : "ohlc_integrity",
                          b.ts(),
                          "bar at " + b.ts() + ": " + rule)));
    }
  }

  private void checkZeroVolume(List<Bar> sorted, List<QualityFinding> out) {
    int i = 0;
    while (i < sorted.size()) {
      if (sorted.get(i).volume() != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1).volume() == 0) {
        j++;
      }
      int run = j - i + 1;
      if (run >= thresholds.zeroVolumeRun()) {
        out.add(
            QualityFinding.warning(
                "zero_volume_run",
                sorted.get(i).ts(),
                run + " consecutive bars with zero volume from " + sorted.get(i).ts()));
      }
      i = j + 1;
    }
  }

  private void checkOutliers(List<Bar> sorted, List<QualityFinding> out) {
    int window = thresholds.outlierWindow();
    double[] returns = new double[Math.max(0, sorted.size() - 1)];
    for (int k = 1; k < sorted.size(); k++) {
      double previous = sorted.get(k - 1).close();
      double current = sorted.get(k).close();
      returns[k - 1] = previous > 0 && current > 0 ? Math.log(current / previous) : 0;
    }
    for (int k = window; k < returns.length; k++) {
      double sigma = standardDeviation(returns, k - window, k);
      if (sigma > 0 && Math.abs(returns[k]) > thresholds.outlierSigmas() * sigma) {
        Bar bar = sorted.get(k + 1);
        out.add(
            QualityFinding.warning(
                "outlier_return",
                bar.ts(),
                String.format(
                    "return %.4f at %s is %.1f rolling standard deviations (limit %.1f)",
                    returns[k],
                    bar.ts(),
                    Math.abs(returns[k]) / sigma,
                    thresholds.outlierSigmas())));
      }
    }
  }

  private static double standardDeviation(double[] values, int from, int to) {
    double mean = 0;
    for (int k = from; k < to; k++) {
      mean += values[k];
    }
    mean /= to - from;
    double sum = 0;
    for (int k = from; k < to; k++) {
      sum += (values[k] - mean) * (values[k] - mean);
    }
    return Math.sqrt(sum / (to - from - 1));
  }

  private void checkResample(
      Timeframe timeframe, List<Bar> sorted, List<Bar> base, List<QualityFinding> out) {
    Map<Instant, Bar> aggregates = new HashMap<>();
    for (Bar b : resampler.resample(base, timeframe)) {
      aggregates.put(b.ts(), b);
    }
    for (Bar derived : sorted) {
      Bar expected = aggregates.get(derived.ts());
      if (expected == null) {
        out.add(
            QualityFinding.error(
                "resample_mismatch",
                derived.ts(),
                "%s bar at %s has no %s bars beneath it"
                    .formatted(timeframe, derived.ts(), Resampler.baseOf(timeframe))));
      } else if (!same(derived, expected)) {
        out.add(
            QualityFinding.error(
                "resample_mismatch",
                derived.ts(),
                "%s bar at %s differs from the aggregate of its %s bars: stored %s, aggregate %s"
                    .formatted(
                        timeframe, derived.ts(), Resampler.baseOf(timeframe), derived, expected)));
      }
    }
  }

  private static boolean same(Bar a, Bar b) {
    return close(a.open(), b.open())
        && close(a.high(), b.high())
        && close(a.low(), b.low())
        && close(a.close(), b.close())
        && close(a.volume(), b.volume());
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  private void checkStaleness(Timeframe timeframe, Instant last, List<QualityFinding> out) {
    Instant now = clock.instant();
    long missed =
        schedule.expectedOpens(timeframe, last.plusNanos(1), now).stream()
            .filter(open -> !schedule.closeOf(timeframe, open).isAfter(now))
            .count();
    if (missed > thresholds.staleAfterBars()) {
      out.add(
          QualityFinding.warning(
              "stale",
              last,
              "newest %s bar opened at %s; %s complete bars have closed since (as of %s)"
                  .formatted(timeframe, last, missed, now)));
    }
  }
}
