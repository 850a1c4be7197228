package dev.swiftbolt.replay;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.TradingSession;
import dev.swiftbolt.ml.DailyStep;
import dev.swiftbolt.ml.SeriesFit;
import dev.swiftbolt.ml.evaluation.DriftHistory;
import dev.swiftbolt.ml.evaluation.Forecast;
import dev.swiftbolt.ml.evaluation.LiveResolution;
import dev.swiftbolt.ml.evaluation.LiveScore;
import dev.swiftbolt.ml.features.ContextSeries;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.validation.UnifiedPrediction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays one symbol over past sessions, point-in-time: at each session D it sees only the bars
 * closed by D's close and runs production's {@link DailyStep} on them — resolve the replay's
 * earlier primary-timeframe forecasts, retrain per policy, forecast every timeframe, score the live
 * window and ask the validator with the clock at D's close. What is the replay's own is here: which
 * bars a session sees ({@link ReplaySeries}), the in-memory store the step reads and writes, and
 * the days it reports. Pure: bars in, days out; no database, no clock. Not thread-safe: one
 * instance per thread.
 */
public final class SymbolReplay {

  /** The live score's source once enough of the replay's own forecasts are resolved. */
  public static final String LIVE_SCORE_SOURCE = "replay";

  /** Called once per replayed session. */
  @FunctionalInterface
  public interface Progress {
    void sessionDone();
  }

  private final ReplaySettings settings;
  private final BarSchedule schedule;
  private final Labeler labeler;
  private final FeatureBuilder features = new FeatureBuilder();
  private final DailyStep step;

  public SymbolReplay(ReplaySettings settings, BarSchedule schedule) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.labeler = new Labeler(settings.ml().labels());
    this.step = new DailyStep(settings.ml(), settings.primary());
  }

  /**
   * Replays {@code symbol}.
   *
   * @param bars every stored bar by timeframe, oldest first: the replayed timeframes and their
   *     context timeframes (missing ones count as empty)
   * @param sessions the sessions to replay, oldest first
   * @return one day per session, in session order
   * @throws InsufficientHistoryException when the primary timeframe cannot be trained with a
   *     backtest and walk-forward, or has no forecast, at a session; the message names the session
   */
  public List<ReplayDay> run(
      String symbol,
      Map<Timeframe, List<Bar>> bars,
      List<TradingSession> sessions,
      Progress progress) {
    Map<Timeframe, DailyStep.Series> series = new EnumMap<>(Timeframe.class);
    for (Timeframe tf : settings.timeframes()) {
      List<Bar> contextBars =
          ContextSeries.contextTimeframe(tf)
              .map(higher -> bars.getOrDefault(higher, List.of()))
              .orElse(List.of());
      series.put(
          tf,
          ReplaySeries.of(
              tf, bars.getOrDefault(tf, List.of()), contextBars, schedule, features, labeler));
    }
    MemoryStore store = new MemoryStore(series);
    for (TradingSession session : sessions) {
      step.run(store, symbol, session);
      progress.sessionDone();
    }
    List<ReplayDay> days = new ArrayList<>();
    for (PrimaryForecast f : store.forecasts) {
      days.add(f.day());
    }
    return days;
  }

  /** The daily step's store for a replay: what carries from one session to the next, in memory. */
  private static final class MemoryStore implements DailyStep.Store {
    final Map<Timeframe, DailyStep.Series> series;
    final List<PrimaryForecast> forecasts = new ArrayList<>();
    final List<Double> driftBySession = new ArrayList<>();
    Optional<UnifiedPrediction> previous = Optional.empty();

    MemoryStore(Map<Timeframe, DailyStep.Series> series) {
      this.series = series;
    }

    @Override
    public Map<Timeframe, DailyStep.Series> series() {
      return series;
    }

    @Override
    public List<DailyStep.PendingForecast> unresolved() {
      return forecasts.stream()
          .filter(f -> f.resolved.isEmpty())
          .map(f -> (DailyStep.PendingForecast) f)
          .toList();
    }

    /**
     * Resolved forecasts issued by {@code issuer}, newest forecast bar first (production's order
     * for the live window).
     */
    @Override
    public List<LiveScore.Outcome> resolvedNewestFirst(SeriesFit issuer) {
      return forecasts.stream()
          .filter(f -> f.resolved.isPresent() && f.outcome.fit() == issuer)
          .sorted(
              Comparator.comparing((PrimaryForecast f) -> f.outcome.primaryForecast().barTs())
                  .thenComparing(f -> f.outcome.session().date())
                  .reversed())
          .map(
              f ->
                  new LiveScore.Outcome(
                      f.outcome.primaryForecast().barTs(),
                      f.resolved.get().realized(),
                      f.resolved.get().correct()))
          .toList();
    }

    @Override
    public int sessionsSince(Instant at) {
      int sessions = 1;
      for (int i = forecasts.size() - 1; i >= 0; i--) {
        if (!forecasts.get(i).outcome.session().close().isAfter(at)) {
          break;
        }
        sessions++;
      }
      return sessions;
    }

    @Override
    public String resolvedSource() {
      return LIVE_SCORE_SOURCE;
    }

    @Override
    public Optional<UnifiedPrediction> previousPrediction() {
      return previous;
    }

    @Override
    public int consecutiveDriftSessions() {
      return DriftHistory.consecutiveDriftSessions(driftBySession);
    }

    @Override
    public String tooShortAdvice() {
      return "replay from a later --from or backfill more history";
    }

    @Override
    public void record(DailyStep.Outcome outcome) {
      driftBySession.add(outcome.prediction().driftMagnitude());
      previous = Optional.of(outcome.prediction());
      forecasts.add(new PrimaryForecast(outcome));
    }
  }

  /** A session's primary forecast with what was known at the session and its later resolution. */
  private static final class PrimaryForecast implements DailyStep.PendingForecast {
    final DailyStep.Outcome outcome;
    Optional<LiveResolution.Resolved> resolved = Optional.empty();

    PrimaryForecast(DailyStep.Outcome outcome) {
      this.outcome = outcome;
    }

    @Override
    public Forecast forecast() {
      return outcome.primaryForecast();
    }

    @Override
    public boolean resolved(LiveResolution.Resolved r) {
      resolved = Optional.of(r);
      return true;
    }

    ReplayDay day() {
      UnifiedPrediction prediction = outcome.prediction();
      SeriesFit fit = outcome.fit();
      return new ReplayDay(
          outcome.symbol(),
          outcome.session().date(),
          prediction.direction(),
          prediction.unifiedConfidence(),
          outcome.live().score().accuracy(),
          outcome.liveN(),
          outcome.live().source(),
          prediction.driftMagnitude(),
          prediction.driftDetected(),
          prediction.retrainingTrigger(),
          outcome.primaryRetrained(),
          resolved.map(LiveResolution.Resolved::correct),
          resolved.map(LiveResolution.Resolved::realized),
          fit.majority(),
          outcome.lastRealised(),
          fit.issuedBacktest().orElseThrow().accuracy(),
          fit.issuedWalkForward().orElseThrow().score().accuracy(),
          resolved.map(LiveResolution.Resolved::resolvedAt),
          Optional.empty(),
          outcome.forecaster().id(),
          outcome.promoted(),
          outcome.deferredRetrainReason());
    }
  }
}
