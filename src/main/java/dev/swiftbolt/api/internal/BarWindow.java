package dev.swiftbolt.api.internal;

import dev.swiftbolt.market.Timeframe;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The bars a chart request asks for: a timeframe and a half-open range {@code [from, to)}, with
 * defaults (to = now, from = to − {@link #defaultSpan}) and a cap of {@link #MAX_BARS} bars,
 * checked before any database work with an upper bound of the bars the range can hold (US regular
 * sessions on weekdays; holidays only make the bound looser).
 *
 * @param timeframe the bar size
 * @param from first bar open time included
 * @param to first bar open time excluded
 */
record BarWindow(Timeframe timeframe, Instant from, Instant to) {

  /** At most this many bars per request. */
  public static final int MAX_BARS = 10_000;

  /**
   * Resolves the request's parameters.
   *
   * @param from {@code from} when given
   * @param to {@code to} when given
   * @param toIsDate whether {@code to} was a plain date, which then includes that whole day
   * @param now the current time, the default {@code to}
   * @throws ApiException 400 {@code invalid_range} when from is not before to, {@code
   *     range_too_large} when the range can hold more than {@link #MAX_BARS} bars
   */
  public static BarWindow resolve(
      Timeframe timeframe,
      Optional<Instant> from,
      Optional<Instant> to,
      boolean toIsDate,
      Instant now) {
    Instant end = to.map(t -> toIsDate ? t.plus(Duration.ofDays(1)) : t).orElse(now);
    Instant start = from.orElse(end.minus(defaultSpan(timeframe)));
    if (!start.isBefore(end)) {
      throw ApiException.badRequest(
          "invalid_range", "from", "from (" + start + ") must be before to (" + end + ")");
    }
    long bound = maxBarsBetween(timeframe, start, end);
    if (bound > MAX_BARS) {
      throw ApiException.badRequest(
          "range_too_large",
          "from",
          """
          from %s to %s can hold up to %s %s bars; at most %s bars per request: narrow from/to \
          or use a larger timeframe"""
              .formatted(start, end, bound, timeframe, MAX_BARS));
    }
    return new BarWindow(timeframe, start, end);
  }

  /** The span shown when {@code from} is not given: about 400–550 bars of each timeframe. */
  public static Duration defaultSpan(Timeframe timeframe) {
    return switch (timeframe) {
      case M15 -> Duration.ofDays(30);
      case H1 -> Duration.ofDays(90);
      case H4 -> Duration.ofDays(365);
      case D1 -> Duration.ofDays(730);
      case W1 -> Duration.ofDays(3650);
    };
  }

  /** Bars of one regular session (09:30–16:00): 26 × 15 min, 7 hourly, 2 four-hourly, 1 daily. */
  static int barsPerSession(Timeframe timeframe) {
    return switch (timeframe) {
      case M15 -> 26;
      case H1 -> 7;
      case H4 -> 2;
      case D1, W1 -> 1;
    };
  }

  /** An upper bound of the bars whose open time can fall in {@code [from, to)}. */
  static long maxBarsBetween(Timeframe timeframe, Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
    if (timeframe == Timeframe.W1) {
      return ChronoUnit.WEEKS.between(first, last) + 2;
    }
    return weekdaysInclusive(first, last) * barsPerSession(timeframe);
  }

  /** Monday-to-Friday dates in {@code [first, last]}. */
  static long weekdaysInclusive(LocalDate first, LocalDate last) {
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    long weekdays = (days / 7) * 5;
    LocalDate day = first.plusDays((days / 7) * 7);
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        weekdays++;
      }
    }
    return weekdays;
  }
}
