package dev.swiftbolt.replay;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.marketdata.TradingSession;
import dev.swiftbolt.ml.MlSettings;
import dev.swiftbolt.ml.features.ContextSeries;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import dev.swiftbolt.ml.registry.BarReader;
import dev.swiftbolt.parallel.OrderedParallel;
import dev.swiftbolt.symbols.SymbolRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs a replay for several symbols — each symbol's sessions in order, the symbols in parallel —
 * reading their stored bars once and storing the days in {@code replay_runs}/{@code replay_days}.
 * Production's models, forecasts, evaluations and predictions are neither read nor written: a
 * replay trains its own models in memory from the bars. Thread-safe.
 */
public final class ReplayService {

  /** Called once per symbol × session replayed, from any thread. */
  @FunctionalInterface
  public interface Progress {
    void step();
  }

  /**
   * What to replay.
   *
   * @param to the last session; empty for the last stored session of the primary timeframe
   */
  public record Request(
      List<String> symbols, LocalDate from, Optional<LocalDate> to, List<Timeframe> timeframes) {
    public Request {
      symbols = List.copyOf(symbols);
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      timeframes = List.copyOf(timeframes);
    }
  }

  /** One symbol's days, or why it could not be replayed. */
  public record SymbolResult(String symbol, List<ReplayDay> days, Optional<String> error) {
    public SymbolResult {
      days = List.copyOf(days);
    }

    public ReplaySummary summary() {
      return ReplaySummary.of(symbol, days);
    }
  }

  /** The stored run (empty when no symbol could be replayed) and every symbol's result. */
  public record Outcome(Optional<ReplayRun> run, List<SymbolResult> results) {}

  private final SymbolRepository symbols;
  private final BarReader bars;
  private final ReplayRepository repository;
  private final MlSettings settings;
  private final BarSchedule schedule;
  private final Clock clock;
  private final int threads;

  public ReplayService(Jdbi jdbi, BarReader bars, MlSettings settings, Clock clock, int threads) {
    this.symbols = new SymbolRepository(jdbi);
    this.bars = Objects.requireNonNull(bars, "bars");
    this.repository = new ReplayRepository(jdbi);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.schedule = new BarSchedule(TradingCalendar.nyse());
    this.clock = Objects.requireNonNull(clock, "clock");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
  }

  /** The number of sessions a request covers (for sizing progress), once bars are known. */
  public List<TradingSession> sessions(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException(
          "--from %s is after --to %s; give a --from on or before --to".formatted(from, to));
    }
    List<TradingSession> sessions = schedule.calendar().sessions(from, to);
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException(
          "no NYSE session between --from %s and --to %s; widen the range".formatted(from, to));
    }
    return sessions;
  }

  /** The last stored session of the primary timeframe over {@code symbolCodes}. */
  public LocalDate lastStoredSession(List<String> symbolCodes, Timeframe primary) {
    LocalDate last = null;
    for (String symbol : symbolCodes) {
      List<Bar> series = bars.bars(symbols.require(symbol), primary);
      if (!series.isEmpty()) {
        LocalDate date = schedule.calendar().tradingDate(series.get(series.size() - 1).ts());
        last = last == null || date.isAfter(last) ? date : last;
      }
    }
    if (last == null) {
      throw new IllegalArgumentException(
          "no %s bars stored for %s; run `swiftbolt backfill` first"
              .formatted(primary, String.join(",", symbolCodes)));
    }
    return last;
  }

  /**
   * Replays every symbol of {@code request} and stores the run.
   *
   * @throws IllegalArgumentException for a bad range or timeframe list (nothing is stored)
   */
  public Outcome replay(Request request, Timeframe primary, Progress progress) {
    ReplaySettings replaySettings =
        new ReplaySettings(settings, primary, EnumSet.copyOf(request.timeframes()));
    for (String symbol : request.symbols()) {
      symbols.require(symbol);
    }
    LocalDate to = request.to().orElseGet(() -> lastStoredSession(request.symbols(), primary));
    List<TradingSession> sessions = sessions(request.from(), to);
    Instant started = clock.instant();
    List<SymbolResult> results =
        OrderedParallel.map(
            request.symbols(),
            threads,
            symbol -> replaySymbol(symbol, replaySettings, sessions, progress));
    Map<String, List<ReplayDay>> replayed = new LinkedHashMap<>();
    for (SymbolResult r : results) {
      if (r.error().isEmpty()) {
        replayed.put(r.symbol(), r.days());
      }
    }
    Map<LocalDate, Instant> closes = new HashMap<>();
    sessions.forEach(s -> closes.put(s.date(), s.close()));
    Map<String, List<ReplayDay>> stored = ReplayProbabilities.annotate(replayed, closes);
    results =
        results.stream()
            .map(
                r ->
                    r.error().isEmpty()
                        ? new SymbolResult(r.symbol(), stored.get(r.symbol()), r.error())
                        : r)
            .toList();
    Optional<ReplayRun> run =
        stored.isEmpty()
            ? Optional.empty()
            : Optional.of(
                repository.store(
                    request.from(),
                    to,
                    request.timeframes(),
                    primary,
                    started,
                    clock.instant(),
                    stored));
    return new Outcome(run, results);
  }

  private SymbolResult replaySymbol(
      String symbol, ReplaySettings replaySettings, List<TradingSession> sessions, Progress p) {
    long id = symbols.require(symbol);
    Map<Timeframe, List<Bar>> series = new EnumMap<>(Timeframe.class);
    for (Timeframe tf : readTimeframes(replaySettings.timeframes())) {
      series.put(tf, bars.bars(id, tf));
    }
    try {
      List<ReplayDay> days =
          new SymbolReplay(replaySettings, schedule).run(symbol, series, sessions, p::step);
      return new SymbolResult(symbol, days, Optional.empty());
    } catch (InsufficientHistoryException e) {
      return new SymbolResult(symbol, List.of(), Optional.of(e.getMessage()));
    }
  }

  private static Set<Timeframe> readTimeframes(Set<Timeframe> replayed) {
    Set<Timeframe> read = EnumSet.copyOf(replayed);
    for (Timeframe tf : replayed) {
      ContextSeries.contextTimeframe(tf).ifPresent(read::add);
    }
    return read;
  }
}
