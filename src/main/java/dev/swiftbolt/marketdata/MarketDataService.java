package dev.swiftbolt.marketdata;

import dev.swiftbolt.alpaca.AlpacaAuthenticationException;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.symbols.SymbolRepository;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/**
 * The market-data operations: import, backfill, intraday ingestion, reading bars and the quality
 * report. Composes the {@link BarRepository}, the resampler and the quality rules; reads "now" from
 * the injected {@link Clock} only.
 *
 * <p>Sources deliver M15 and D1 bars; H1/H4 and W1 are always resampled from what is stored ({@link
 * DerivedBarBuilder}) whenever base bars change. A bar still forming (its close after now) is never
 * stored. Symbols must be registered: an unknown one throws {@link
 * dev.swiftbolt.symbols.UnknownSymbolException}. Thread-safe.
 */
public final class MarketDataService {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(MarketDataService.class);

  private static final Set<Timeframe> RESAMPLED =
      EnumSet.of(Timeframe.H1, Timeframe.H4, Timeframe.W1);

  private final SymbolRepository symbols;
  private final BarRepository bars;
  private final BarSchedule schedule;
  private final DerivedBarBuilder derived;
  private final DataQuality quality;
  private final Clock clock;
  private final BackfillSettings settings;

  public MarketDataService(
      Jdbi jdbi,
      BarSchedule schedule,
      Clock clock,
      BackfillSettings settings,
      QualityThresholds thresholds) {
    this.symbols = new SymbolRepository(jdbi);
    this.bars = new BarRepository(jdbi);
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.derived = new DerivedBarBuilder(bars, schedule);
    this.quality = new DataQuality(schedule, thresholds, clock);
  }

  /** A service on the NYSE calendar with default settings. */
  public static MarketDataService withDefaults(Jdbi jdbi, Clock clock) {
    return new MarketDataService(
        jdbi,
        new BarSchedule(TradingCalendar.nyse()),
        clock,
        BackfillSettings.DEFAULT,
        QualityThresholds.DEFAULT);
  }

  /** The active symbols, for commands given no symbol list. */
  public List<String> activeSymbols() {
    return symbols.activeSymbols();
  }

  /**
   * Stores {@code imported} bars of a registered symbol under {@code source} and rebuilds the
   * timeframes resampled from them (a D1 import also yields W1; M15 yields H1 and H4).
   *
   * @return loads per timeframe, the imported one first
   */
  public Map<Timeframe, UpsertResult> importBars(
      String symbol, Timeframe timeframe, String source, List<Bar> imported) {
    return importBars(symbol, timeframe, source, imported, false);
  }

  /**
   * Like {@link #importBars(String, Timeframe, String, List)}; {@code replaceSimulated} lets real
   * bars replace a series of simulated ones ({@link SeriesSources}).
   *
   * @throws SeriesSourceException when the load would mix sources in the series
   */
  public Map<Timeframe, UpsertResult> importBars(
      String symbol,
      Timeframe timeframe,
      String source,
      List<Bar> imported,
      boolean replaceSimulated) {
    long id = symbols.require(symbol);
    return store(symbol, id, timeframe, source, imported, replaceSimulated, clock.instant());
  }

  /**
   * Stores {@code incoming} bars of one series under {@code source} as {@link SeriesSources}
   * allows, and rebuilds the timeframes resampled from it.
   */
  private Map<Timeframe, UpsertResult> store(
      String symbol,
      long id,
      Timeframe base,
      String source,
      List<Bar> incoming,
      boolean replaceSimulated,
      Instant now) {
    Map<Timeframe, UpsertResult> loads = new EnumMap<>(Timeframe.class);
    if (incoming.isEmpty()) {
      loads.put(base, UpsertResult.NONE);
      return loads;
    }
    Set<String> stored = bars.sources(id, base);
    SeriesSources.Plan plan = SeriesSources.plan(symbol, base, stored, source, replaceSimulated);
    UpsertResult result;
    if (plan == SeriesSources.Plan.REPLACE_SIMULATED) {
      result =
          bars.replaceSeries(
                  id,
                  base,
                  DerivedBarBuilder.derivedFrom(base),
                  source,
                  incoming,
                  "simulated bars replaced by %s bars (%s)"
                      .formatted(source, SeriesSources.REPLACE_FLAG),
                  now)
              .loaded();
    } else {
      Optional<String> otherReal =
          stored.stream().filter(s -> SeriesSources.isReal(s) && !s.equals(source)).findFirst();
      if (otherReal.isPresent() && SeriesSources.isReal(source)) {
        Instant first = incoming.stream().map(Bar::ts).min(Instant::compareTo).orElseThrow();
        Instant last = incoming.stream().map(Bar::ts).max(Instant::compareTo).orElseThrow();
        SeriesSources.crossSourceDisagreement(
                symbol,
                base,
                otherReal.get(),
                bars.read(id, base, first, last.plusSeconds(1)),
                source,
                incoming)
            .ifPresent(
                why -> {
                  throw new SeriesSourceException(why);
                });
      }
      result = bars.upsert(id, base, source, incoming);
    }
    loads.put(base, result);
    loads.putAll(derived.rebuild(id, base, result, now));
    return loads;
  }

  /**
   * Backfills {@code symbolList} for the requested timeframes from {@code source}: fetches M15 (for
   * M15/H1/H4) and D1 (for D1/W1) from {@code from} (inclusive New York date) or, when absent, from
   * the newest stored bar (or the default history), up to {@code to} (inclusive) or now, and
   * resamples the rest. A failing symbol is retried {@link BackfillSettings#retries()} times with
   * backoff; failures are isolated and reported per symbol.
   *
   * @throws IllegalArgumentException for an unknown symbol (before anything is fetched)
   */
  public List<SymbolLoad> backfill(
      List<String> symbolList,
      Set<Timeframe> timeframes,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      LabelledSource source,
      BackfillListener listener) {
    return backfill(symbolList, timeframes, from, to, source, false, listener);
  }

  /**
   * Like {@link #backfill(List, Set, Optional, Optional, LabelledSource, BackfillListener)}; {@code
   * replaceSimulated} lets real bars replace series of simulated ones ({@link SeriesSources}),
   * which are otherwise refused per symbol.
   */
  public List<SymbolLoad> backfill(
      List<String> symbolList,
      Set<Timeframe> timeframes,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      LabelledSource source,
      boolean replaceSimulated,
      BackfillListener listener) {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (String s : symbolList) {
      ids.put(s, symbols.require(s));
    }
    Set<Timeframe> bases = baseTimeframes(timeframes);
    List<SymbolLoad> results = new ArrayList<>();
    for (Map.Entry<String, Long> e : ids.entrySet()) {
      SymbolLoad load =
          loadWithRetries(e.getKey(), e.getValue(), bases, from, to, source, replaceSimulated);
      listener.symbolDone(load);
      results.add(load);
    }
    return results;
  }

  /**
   * Fetches the M15 bars of each symbol since its newest stored one (complete bars only) and
   * rebuilds H1/H4; the intraday half of {@link #backfill}.
   */
  public List<SymbolLoad> ingestIntraday(
      List<String> symbolList, LabelledSource source, BackfillListener listener) {
    return backfill(
        symbolList,
        EnumSet.of(Timeframe.M15),
        Optional.empty(),
        Optional.empty(),
        source,
        listener);
  }

  /** The base timeframes fetched for the requested ones. */
  static Set<Timeframe> baseTimeframes(Set<Timeframe> requested) {
    Set<Timeframe> bases = EnumSet.noneOf(Timeframe.class);
    for (Timeframe tf : requested) {
      bases.add(
          tf == Timeframe.H1 || tf == Timeframe.H4
              ? Timeframe.M15
              : tf == Timeframe.W1 ? Timeframe.D1 : tf);
    }
    return bases;
  }

  private SymbolLoad loadWithRetries(
      String symbol,
      long id,
      Set<Timeframe> bases,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      LabelledSource source,
      boolean replaceSimulated) {
    AtomicInteger attempts = new AtomicInteger();
    Retry retry =
        Retry.of(
            "backfill-" + symbol,
            RetryConfig.custom()
                .maxAttempts(settings.retries() + 1)
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(
                        settings.firstBackoff(), 2.0, 0.5, settings.maxBackoff()))
                .retryOnException(
                    e ->
                        !(e instanceof AlpacaAuthenticationException)
                            && !(e instanceof IllegalArgumentException)
                            && !(e instanceof SeriesSourceException))
                .build());
    try {
      Map<Timeframe, UpsertResult> loads =
          Retry.decorateSupplier(
                  retry,
                  () -> {
                    attempts.incrementAndGet();
                    return loadSymbol(symbol, id, bases, from, to, source, replaceSimulated);
                  })
              .get();
      return new SymbolLoad(symbol, attempts.get(), loads, Optional.empty());
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new SymbolLoad(symbol, attempts.get(), Map.of(), Optional.of(message));
    }
  }

  private Map<Timeframe, UpsertResult> loadSymbol(
      String symbol,
      long id,
      Set<Timeframe> bases,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      LabelledSource source,
      boolean replaceSimulated) {
    Instant now = clock.instant();
    Map<Timeframe, UpsertResult> loads = new EnumMap<>(Timeframe.class);
    for (Timeframe base : bases) {
      // real bars over a simulated series start afresh: resuming after simulated bars would
      // leave the replaced series with only the newest real ones
      Set<String> stored = bars.sources(id, base);
      boolean overSimulated =
          SeriesSources.isReal(source.label()) && stored.contains(BarRepository.SIMULATED);
      // an incremental fetch into a series of its own source re-fetches the newest stored bars
      // too, to see a re-adjustment (a split)
      List<StoredBar> overlap =
          from.isEmpty() && stored.equals(Set.of(source.label()))
              ? bars.lastBars(id, base, SeriesAdjustment.OVERLAP_BARS)
              : List.of();
      Instant start =
          from.map(this::startOfDay)
              .orElseGet(
                  () ->
                      !overlap.isEmpty()
                          ? overlap.get(0).bar().ts()
                          : overSimulated ? historyStart(base, now) : resumePoint(id, base, now));
      Instant end = fetchEnd(to, now);
      List<Bar> complete = fetchComplete(symbol, base, start, end, source, now);
      Optional<String> readjusted = SeriesAdjustment.readjusted(overlap, complete);
      if (readjusted.isPresent()) {
        loads.putAll(refetchWholeSeries(symbol, id, base, end, source, readjusted.get(), now));
      } else {
        loads.putAll(store(symbol, id, base, source.label(), complete, replaceSimulated, now));
      }
    }
    return loads;
  }

  /**
   * Where a fetch ends (exclusive): {@code to}'s next midnight or now, and never later than 15
   * minutes ago: a bar that opened since then (M15 the shortest) is not complete yet, and asking
   * for the last 15 minutes would cost a request on another feed ({@link AlpacaBarSource}). A bar
   * that opened exactly 15 minutes ago comes with the next fetch.
   */
  private Instant fetchEnd(Optional<LocalDate> to, Instant now) {
    Instant end = to.map(d -> startOfDay(d.plusDays(1))).orElse(now);
    Instant lastPossibleOpen = now.minus(Timeframe.M15.nominalLength());
    return end.isAfter(lastPossibleOpen) ? lastPossibleOpen : end;
  }

  private List<Bar> fetchComplete(
      String symbol,
      Timeframe base,
      Instant start,
      Instant end,
      LabelledSource source,
      Instant now) {
    List<Bar> fetched =
        start.isBefore(end) ? source.source().fetch(symbol, base, start, end) : List.of();
    List<Bar> complete = new ArrayList<>();
    for (Bar b : fetched) {
      if (isComplete(base, b.ts(), now)) {
        complete.add(b);
      }
    }
    return complete;
  }

  /**
   * The source re-adjusted the series (a split): re-fetches its whole history, from its oldest
   * stored bar, and replaces it in one transaction, retiring what was trained on the old prices;
   * then rebuilds the derived timeframes.
   */
  private Map<Timeframe, UpsertResult> refetchWholeSeries(
      String symbol,
      long id,
      Timeframe base,
      Instant end,
      LabelledSource source,
      String why,
      Instant now) {
    Instant first = bars.firstTs(id, base).orElseGet(() -> historyStart(base, now));
    List<Bar> history = fetchComplete(symbol, base, first, end, source, now);
    log.info(
        "{} {}: {}; re-fetched {} bars and replaced the series", symbol, base, why, history.size());
    BarRepository.Replacement replaced =
        bars.replaceSeries(
            id,
            base,
            DerivedBarBuilder.derivedFrom(base),
            source.label(),
            history,
            "prices re-adjusted by %s: %s".formatted(source.label(), why),
            now);
    Map<Timeframe, UpsertResult> loads = new EnumMap<>(Timeframe.class);
    loads.put(base, replaced.loaded());
    loads.putAll(derived.rebuild(id, base, replaced.loaded(), now));
    return loads;
  }

  private Instant resumePoint(long id, Timeframe base, Instant now) {
    return bars.lastTs(id, base).orElseGet(() -> historyStart(base, now));
  }

  /** Where a first backfill of {@code base} starts: the default history before {@code now}. */
  private Instant historyStart(Timeframe base, Instant now) {
    return ZonedDateTime.ofInstant(now, TradingCalendar.NEW_YORK)
        .minus(base == Timeframe.D1 ? settings.dailyHistory() : settings.intradayHistory())
        .toInstant();
  }

  private boolean isComplete(Timeframe timeframe, Instant ts, Instant now) {
    return schedule.calendar().sessionAt(ts).isPresent()
        && !schedule.closeOf(timeframe, ts).isAfter(now);
  }

  private Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(TradingCalendar.NEW_YORK).toInstant();
  }

  /**
   * Stored bars of a registered symbol with open time from {@code from} (inclusive date, New York)
   * to {@code to} (inclusive date), oldest first; open-ended when absent.
   */
  public List<StoredBar> bars(
      String symbol, Timeframe timeframe, Optional<LocalDate> from, Optional<LocalDate> to) {
    long id = symbols.require(symbol);
    Instant start = from.map(this::startOfDay).orElse(Instant.EPOCH);
    Instant end =
        to.map(d -> startOfDay(d.plusDays(1))).orElse(Instant.parse("9999-01-01T00:00:00Z"));
    return bars.read(id, timeframe, start, end);
  }

  /**
   * The quality report of every timeframe of each registered symbol; resampled timeframes are also
   * compared with the aggregates of their stored base bars.
   */
  public List<SeriesQuality> quality(List<String> symbolList) {
    return quality(symbolList, EnumSet.allOf(Timeframe.class));
  }

  /** The quality report of each symbol's {@code timeframes}, symbol by symbol, M15 to W1. */
  public List<SeriesQuality> quality(List<String> symbolList, Set<Timeframe> timeframes) {
    List<SeriesQuality> reports = new ArrayList<>();
    for (String symbol : symbolList) {
      long id = symbols.require(symbol);
      for (Timeframe tf : Timeframe.values()) {
        if (timeframes.contains(tf)) {
          reports.add(seriesQuality(symbol, id, tf));
        }
      }
    }
    return reports;
  }

  private SeriesQuality seriesQuality(String symbol, long id, Timeframe tf) {
    List<StoredBar> stored = bars.readAll(id, tf);
    List<Bar> series = new ArrayList<>(stored.size());
    Set<String> sources = new TreeSet<>();
    for (StoredBar s : stored) {
      series.add(s.bar());
      sources.add(s.source());
    }
    Optional<List<Bar>> base = Optional.empty();
    if (!series.isEmpty() && RESAMPLED.contains(tf)) {
      Instant first = series.get(0).ts();
      Instant last = series.get(series.size() - 1).ts();
      Instant end =
          schedule.calendar().sessionAt(last).isPresent()
              ? schedule.closeOf(tf, last)
              : last.plusSeconds(1);
      List<Bar> baseBars = new ArrayList<>();
      for (StoredBar s : bars.read(id, Resampler.baseOf(tf), first, end)) {
        if (schedule.calendar().sessionAt(s.bar().ts()).isPresent()) {
          baseBars.add(s.bar());
        }
      }
      base = Optional.of(baseBars);
    }
    return new SeriesQuality(quality.check(symbol, tf, series, base), new LinkedHashSet<>(sources));
  }
}
