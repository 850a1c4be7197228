package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rebuilds resampled bars after base bars changed: H1 and H4 from M15, W1 from D1, over the whole
 * sessions (for W1: the whole weeks) touched by the change, from what is stored. Idempotent: a
 * rebuild over unchanged base bars changes nothing.
 *
 * <p>Only buckets that have closed by {@code now} are stored (a bucket still forming is not a bar
 * yet). Base bars outside the regular session are left to the quality report and not aggregated. A
 * derived bar carries {@code sim} when any of its base bars is simulated, otherwise the source of
 * its newest base bar.
 */
final class DerivedBarBuilder {

  private final BarRepository repository;
  private final BarSchedule schedule;
  private final Resampler resampler;

  DerivedBarBuilder(BarRepository repository, BarSchedule schedule) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.resampler = new Resampler(schedule);
  }

  /** The timeframes resampled from {@code base}: H1, H4 for M15; W1 for D1; none otherwise. */
  static List<Timeframe> derivedFrom(Timeframe base) {
    switch (base) {
      case M15:
        return List.of(Timeframe.H1, Timeframe.H4);
      case D1:
        return List.of(Timeframe.W1);
      default:
        return List.of();
    }
  }

  /** Rebuilds what {@code change} of {@code base} bars affects; returns the loads per timeframe. */
  Map<Timeframe, UpsertResult> rebuild(
      long symbolId, Timeframe base, UpsertResult change, Instant now) {
    Map<Timeframe, UpsertResult> loads = new EnumMap<>(Timeframe.class);
    if (!change.changed() || derivedFrom(base).isEmpty()) {
      return loads;
    }
    TradingCalendar calendar = schedule.calendar();
    LocalDate first = calendar.tradingDate(change.firstChanged().orElseThrow());
    LocalDate last = calendar.tradingDate(change.lastChanged().orElseThrow());
    if (base == Timeframe.D1) {
      first = first.with(DayOfWeek.MONDAY);
      last = last.with(DayOfWeek.SUNDAY);
    }
    Instant from = first.atStartOfDay(TradingCalendar.NEW_YORK).toInstant();
    Instant to = last.plusDays(1).atStartOfDay(TradingCalendar.NEW_YORK).toInstant();
    List<StoredBar> stored = repository.read(symbolId, base, from, to);
    List<Bar> inSession = new ArrayList<>();
    for (StoredBar s : stored) {
      if (calendar.sessionAt(s.bar().ts()).isPresent()) {
        inSession.add(s.bar());
      }
    }
    for (Timeframe target : derivedFrom(base)) {
      Map<Instant, String> sources = bucketSources(target, stored);
      Map<String, List<Bar>> bySource = new HashMap<>();
      for (Bar bar : resampler.resample(inSession, target)) {
        if (!schedule.closeOf(target, bar.ts()).isAfter(now)) {
          bySource.computeIfAbsent(sources.get(bar.ts()), k -> new ArrayList<>()).add(bar);
        }
      }
      UpsertResult total = UpsertResult.NONE;
      for (Map.Entry<String, List<Bar>> e : bySource.entrySet()) {
        total = total.plus(repository.upsert(symbolId, target, e.getKey(), e.getValue()));
      }
      loads.put(target, total);
    }
    return loads;
  }

  private Map<Instant, String> bucketSources(Timeframe target, List<StoredBar> stored) {
    Map<Instant, String> sources = new HashMap<>();
    for (StoredBar s : stored) {
      schedule
          .bucketOpen(target, s.bar().ts())
          .ifPresent(
              bucket ->
                  sources.merge(
                      bucket,
                      s.source(),
                      (old, newer) -> BarRepository.SIMULATED.equals(old) ? old : newer));
    }
    return sources;
  }
}
