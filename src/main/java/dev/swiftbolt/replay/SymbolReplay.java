package dev.swiftbolt.replay;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.TradingSession;
import dev.swiftbolt.ml.SeriesFit;
import dev.swiftbolt.ml.UnifiedPredictionService;
import dev.swiftbolt.ml.evaluation.DriftHistory;
import dev.swiftbolt.ml.evaluation.EvaluationConfig;
import dev.swiftbolt.ml.evaluation.Forecast;
import dev.swiftbolt.ml.evaluation.LiveResolution;
import dev.swiftbolt.ml.evaluation.LiveScore;
import dev.swiftbolt.ml.evaluation.NaiveBaselines;
import dev.swiftbolt.ml.features.ContextSeries;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.ml.features.LabelledMatrix;
import dev.swiftbolt.ml.models.ModelTrainer;
import dev.swiftbolt.parallel.OrderedParallel;
import dev.swiftbolt.validation.UnifiedPrediction;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationScores;
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
 * closed by D's close and does what the daily pipelines do — resolve the replay's earlier
 * primary-timeframe forecasts, retrain per policy, forecast every timeframe, score the live window
 * and ask the {@link UnifiedValidator} with the clock at D's close. Pure: bars in, days out; no
 * database, no clock. Not thread-safe: one instance per thread.
 *
 * <p>Retraining policy: a series is (re)trained at D when it has no model yet, or when the previous
 * session's unified prediction set {@code retraining_trigger} or had a {@code next_retraining_date}
 * at or before D's close (so a retraining decided at D happens at D + 1).
 */
public final class SymbolReplay {

  /** Called once per replayed session. */
  @FunctionalInterface
  public interface Progress {
    void sessionDone();
  }

  private final ReplaySettings settings;
  private final BarSchedule schedule;
  private final Labeler labeler;
  private final ModelTrainer trainer;
  private final FeatureBuilder features = new FeatureBuilder();
  private final UnifiedValidator validator = new UnifiedValidator();
  private final EvaluationConfig evaluation;

  public SymbolReplay(ReplaySettings settings, BarSchedule schedule) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.labeler = new Labeler(settings.ml().labels());
    this.trainer = new ModelTrainer(settings.ml().xgboost());
    // The linear baseline is a report of `evaluate`; nothing in a replay reads it.
    this.evaluation = settings.ml().evaluation().withLinearBaseline(false);
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
    Map<Timeframe, ReplaySeries> series = new EnumMap<>(Timeframe.class);
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
    State state = new State();
    for (TradingSession session : sessions) {
      replaySession(symbol, series, session, state);
      progress.sessionDone();
    }
    List<ReplayDay> days = new ArrayList<>();
    for (PrimaryForecast f : state.forecasts) {
      days.add(f.day());
    }
    return days;
  }

  /** What carries from one session to the next. */
  private static final class State {
    final List<PrimaryForecast> forecasts = new ArrayList<>();
    final List<Double> driftBySession = new ArrayList<>();
    Optional<UnifiedPrediction> previous = Optional.empty();
  }

  private void replaySession(
      String symbol, Map<Timeframe, ReplaySeries> series, TradingSession session, State state) {
    Instant now = session.close();
    ReplaySeries primary = series.get(settings.primary());
    resolve(primary, now, state.forecasts);
    boolean due =
        state.previous.isEmpty()
            || state.previous.get().retrainingTrigger()
            || !state.previous.get().nextRetrainingDate().isAfter(now);
    boolean primaryRetrained = false;
    Map<Timeframe, Forecast> forecasts = new EnumMap<>(Timeframe.class);
    for (ReplaySeries s : series.values()) {
      int visible = s.visibleBars(now);
      if (due || s.fit().isEmpty()) {
        boolean trained = retrain(s, visible, now);
        primaryRetrained |= trained && s == primary;
      }
      forecast(s, visible).ifPresent(f -> forecasts.put(s.timeframe(), f));
    }
    SeriesFit fit = requireEvaluatedFit(symbol, primary, session);
    Forecast primaryForecast = forecasts.get(settings.primary());
    if (primaryForecast == null) {
      throw new InsufficientHistoryException(
          "%s %s has no feature row at its latest bar at session %s (warm-up)"
              .formatted(symbol, settings.primary(), session.date()));
    }
    List<LiveScore.Outcome> newestFirst = resolvedNewestFirst(state.forecasts);
    LabelledMatrix visiblePrimary = primary.visible(primary.visibleBars(now));
    int majorityClass = fit.majority().ordinal();
    LiveScore live =
        LiveScore.of(
            newestFirst,
            majorityClass,
            visiblePrimary,
            fit.walkForward().orElseThrow().score(),
            LiveScore.SOURCE_REPLAY);
    Direction lastRealised =
        Direction.values()[
            NaiveBaselines.persistence(
                visiblePrimary.barIndexOf(primaryForecast.barTs()),
                visiblePrimary.labels(),
                majorityClass)];
    Map<Timeframe, Double> multiTf = new EnumMap<>(Timeframe.class);
    forecasts.forEach((tf, f) -> multiTf.put(tf, f.score()));
    ValidationScores scores =
        UnifiedPredictionService.validationScores(
            fit.backtest().orElseThrow().score(),
            fit.walkForward().orElseThrow().score(),
            live,
            multiTf,
            primary.trainedAt(),
            DriftHistory.consecutiveDriftSessions(state.driftBySession),
            now);
    UnifiedPrediction prediction = validator.validate(symbol, primaryForecast.direction(), scores);
    state.driftBySession.add(prediction.driftMagnitude());
    state.previous = Optional.of(prediction);
    state.forecasts.add(
        new PrimaryForecast(
            symbol,
            session,
            primaryForecast,
            prediction,
            live,
            Math.min(LiveScore.WINDOW, newestFirst.size()),
            primaryRetrained,
            fit,
            lastRealised));
  }

  /** Retrains on the visible bars; false (keeping any earlier model) when they are too few. */
  private boolean retrain(ReplaySeries s, int visible, Instant now) {
    LabelledMatrix data = s.visible(visible);
    try {
      s.retrained(SeriesFit.fit(data, trainer, evaluation, OrderedParallel.defaultThreads()), now);
      return true;
    } catch (InsufficientHistoryException tooShort) {
      return false;
    }
  }

  private static Optional<Forecast> forecast(ReplaySeries s, int visible) {
    if (s.fit().isEmpty() || visible == 0) {
      return Optional.empty();
    }
    LabelledMatrix all = s.all();
    int row = all.features().rowOfBar(visible - 1);
    if (row < 0) {
      return Optional.empty();
    }
    return Optional.of(
        s.fit().get().forecast(all.features(), row, all.barTime(visible - 1), all.horizon()));
  }

  private static SeriesFit requireEvaluatedFit(
      String symbol, ReplaySeries primary, TradingSession session) {
    SeriesFit fit =
        primary
            .fit()
            .orElseThrow(
                () ->
                    new InsufficientHistoryException(
                        "%s %s has too few bars to train on at session %s; replay from a later --from or backfill more history"
                            .formatted(symbol, primary.timeframe(), session.date())));
    if (fit.backtest().isEmpty() || fit.walkForward().isEmpty()) {
      throw new InsufficientHistoryException(
          "%s %s cannot be evaluated at session %s (%s); replay from a later --from or backfill more history"
              .formatted(
                  symbol,
                  primary.timeframe(),
                  session.date(),
                  fit.evaluationSkipped().orElse("no evaluation")));
    }
    return fit;
  }

  /** Resolves pending primary forecasts whose horizon bar closed by {@code now}. */
  private void resolve(ReplaySeries primary, Instant now, List<PrimaryForecast> forecasts) {
    List<PrimaryForecast> pending = forecasts.stream().filter(f -> f.resolved.isEmpty()).toList();
    if (pending.isEmpty()) {
      return;
    }
    LiveResolution resolution = new LiveResolution(primary.bars(primary.visibleBars(now)), labeler);
    for (PrimaryForecast f : pending) {
      resolution
          .resolve(
              new LiveResolution.Pending(
                  f.forecast.barTs(), f.forecast.horizonBars(), f.forecast.direction()),
              now)
          .ifPresent(r -> f.resolved = Optional.of(r));
    }
  }

  /** Resolved forecasts, newest forecast bar first (production's order for the live window). */
  private static List<LiveScore.Outcome> resolvedNewestFirst(List<PrimaryForecast> forecasts) {
    return forecasts.stream()
        .filter(f -> f.resolved.isPresent())
        .sorted(
            Comparator.comparing((PrimaryForecast f) -> f.forecast.barTs())
                .thenComparing(f -> f.session.date())
                .reversed())
        .map(
            f ->
                new LiveScore.Outcome(
                    f.forecast.barTs(), f.resolved.get().realized(), f.resolved.get().correct()))
        .toList();
  }

  /** A session's primary forecast with what was known at the session and its later resolution. */
  private static final class PrimaryForecast {
    final String symbol;
    final TradingSession session;
    final Forecast forecast;
    final UnifiedPrediction prediction;
    final LiveScore live;
    final int liveN;
    final boolean retrained;
    final SeriesFit fit;
    final Direction lastRealised;
    Optional<LiveResolution.Resolved> resolved = Optional.empty();

    PrimaryForecast(
        String symbol,
        TradingSession session,
        Forecast forecast,
        UnifiedPrediction prediction,
        LiveScore live,
        int liveN,
        boolean retrained,
        SeriesFit fit,
        Direction lastRealised) {
      this.symbol = symbol;
      this.session = session;
      this.forecast = forecast;
      this.prediction = prediction;
      this.live = live;
      this.liveN = liveN;
      this.retrained = retrained;
      this.fit = fit;
      this.lastRealised = lastRealised;
    }

    ReplayDay day() {
      return new ReplayDay(
          symbol,
          session.date(),
          prediction.direction(),
          prediction.unifiedConfidence(),
          live.score().accuracy(),
          liveN,
          live.source(),
          prediction.driftMagnitude(),
          prediction.driftDetected(),
          prediction.retrainingTrigger(),
          retrained,
          resolved.map(LiveResolution.Resolved::correct),
          resolved.map(LiveResolution.Resolved::realized),
          fit.majority(),
          lastRealised,
          fit.backtest().orElseThrow().score().accuracy(),
          fit.walkForward().orElseThrow().score().accuracy());
    }
  }
}
