package dev.swiftbolt.ml;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.TradingSession;
import dev.swiftbolt.ml.evaluation.ChallengerRule;
import dev.swiftbolt.ml.evaluation.EvaluationConfig;
import dev.swiftbolt.ml.evaluation.FeatureDrift;
import dev.swiftbolt.ml.evaluation.Forecast;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.evaluation.LiveResolution;
import dev.swiftbolt.ml.evaluation.LiveScore;
import dev.swiftbolt.ml.evaluation.NaiveBaselines;
import dev.swiftbolt.ml.evaluation.Score;
import dev.swiftbolt.ml.features.FeatureMatrix;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.ml.features.LabelledMatrix;
import dev.swiftbolt.ml.models.ModelTrainer;
import dev.swiftbolt.parallel.OrderedParallel;
import dev.swiftbolt.validation.FeatureShift;
import dev.swiftbolt.validation.UnifiedPrediction;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationScores;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * One session of the daily loop for one symbol, in one place: resolve the primary timeframe's due
 * forecasts, retrain per policy, forecast every timeframe, score the live window, assemble the
 * validator's inputs and validate, with the clock at the session's close. What is read and written
 * between sessions (models, forecasts and their resolutions, earlier predictions) is the {@link
 * Store}'s; the step itself holds no state. Not thread-safe only through its store: one store per
 * symbol and thread.
 *
 * <p>Retraining: a retraining is asked for at a session when the previous session's unified
 * prediction set {@code retraining_trigger} or had a {@code next_retraining_date} at or before this
 * session's close (so a retraining decided at D happens at D + 1); {@link RetrainingPolicy} decides
 * per series whether it happens now (always when the series has no model), or is deferred by the
 * cooldown. A retraining trains a challenger (the model and the naive candidates, selected by
 * {@link dev.swiftbolt.ml.evaluation.ChampionRule}); {@link ChallengerRule} decides whether it
 * replaces the champion, judged on the champion's resolved forecasts. A series too short to train
 * keeps any earlier model.
 *
 * <p>Live scores follow the champion: the live window holds only forecasts the current champion
 * issued, with the issued forecaster's walk-forward standing in below {@value
 * LiveScore#MIN_RESOLVED} of them.
 */
public final class DailyStep {

  /** One timeframe of the symbol, as a session may see it. */
  public interface Series {
    Timeframe timeframe();

    /** The bars closed at or before {@code now}, oldest first. */
    List<Bar> barsClosedBy(Instant now);

    /** Features and labels exactly as the bars closed by {@code now} alone give them. */
    LabelledMatrix closedBy(Instant now);

    /**
     * The feature row of the latest bar closed by {@code now}; empty when no bar has closed or the
     * bar is still in the features' warm-up.
     */
    Optional<LatestRow> latestRow(Instant now);

    /** The model in use, if one was trained. */
    Optional<SeriesFit> fit();

    /** When the model in use was trained. */
    Instant trainedAt();

    /** When the series was last retrained (promoted or not); empty before its first training. */
    Optional<Instant> lastRetrainedAt();

    /** Replaces the model in use: the challenger trained at {@code at} became champion. */
    void retrained(SeriesFit fit, Instant at);

    /** The challenger trained at {@code at} was rejected; the champion stays. */
    void rejected(SeriesFit challenger, Instant at);

    /**
     * The feature-drift reference of {@code fit}'s training rows, as {@code compute} gives it. A
     * series may keep it while {@code fit} stays in use: features look back only, so the training
     * rows' features are the same at every later session. This default computes it every time.
     */
    default FeatureDrift.Reference driftReference(
        SeriesFit fit, Supplier<FeatureDrift.Reference> compute) {
      return compute.get();
    }
  }

  /**
   * A feature row to forecast from: row {@code row} of {@code features}, the bar at {@code barTs}.
   */
  public record LatestRow(FeatureMatrix features, int row, Instant barTs, int horizonBars) {}

  /** A stored forecast still waiting for its horizon bar. */
  public interface PendingForecast {
    Forecast forecast();

    /** Records how it came out; false when it was not recorded (someone else resolved it). */
    boolean resolved(LiveResolution.Resolved outcome);
  }

  /** What the step reads and writes between sessions. */
  public interface Store {
    /** The symbol's series by timeframe, in the order they are trained and forecast. */
    Map<Timeframe, Series> series();

    /** The primary timeframe's forecasts not yet resolved. */
    List<PendingForecast> unresolved();

    /**
     * The resolved primary forecasts issued by {@code issuer}, newest forecast bar first (the live
     * window's order).
     */
    List<LiveScore.Outcome> resolvedNewestFirst(SeriesFit issuer);

    /** Sessions recorded after {@code at}, plus the one being run. */
    int sessionsSince(Instant at);

    /** The live score's source once enough forecasts are resolved (e.g. {@code "live"}). */
    String resolvedSource();

    /** The previous session's unified prediction, if any. */
    Optional<UnifiedPrediction> previousPrediction();

    /** Sessions in a row, before this one, whose prediction had drift above 50 %. */
    int consecutiveDriftSessions();

    /** What to do when the primary series is too short at a session, for the error message. */
    String tooShortAdvice();

    /** Keeps the session's outcome: its primary forecast (pending) and its prediction. */
    void record(Outcome outcome);
  }

  /**
   * One session's outcome.
   *
   * @param liveN resolved forecasts in the live window (at most {@link LiveScore#WINDOW})
   * @param primaryRetrained whether the primary timeframe was retrained at this session (its
   *     challenger promoted or not)
   * @param fit the primary timeframe's champion after this session's retraining, which issued the
   *     primary forecast
   * @param lastRealised the direction last realised before the primary forecast's bar
   * @param featureDrift the primary forecast's feature drift against the model's training rows (its
   *     shifted features are a retraining reason for the validator)
   * @param promoted whether the primary timeframe's challenger became champion at this session
   * @param deferredRetrainReason the primary timeframe's retraining trigger deferred by the
   *     cooldown at this session
   */
  public record Outcome(
      String symbol,
      TradingSession session,
      Forecast primaryForecast,
      UnifiedPrediction prediction,
      LiveScore live,
      int liveN,
      boolean primaryRetrained,
      SeriesFit fit,
      Direction lastRealised,
      Optional<FeatureDrift> featureDrift,
      boolean promoted,
      Optional<String> deferredRetrainReason) {

    /** The forecaster that issued the primary forecast. */
    public Forecaster forecaster() {
      return fit.forecaster();
    }
  }

  private final Timeframe primary;
  private final Labeler labeler;
  private final ModelTrainer trainer;
  private final EvaluationConfig evaluation;
  private final RetrainingPolicy policy;
  private final UnifiedValidator validator = new UnifiedValidator();
  private final int featureDriftWindow;

  /**
   * @param settings the ml settings (labels, model, evaluation); the linear baseline is left out,
   *     since nothing in the daily step reads it
   * @param primary the timeframe whose forecast gives the direction and whose scores feed the
   *     validator
   */
  public DailyStep(MlSettings settings, Timeframe primary) {
    Objects.requireNonNull(settings, "settings");
    this.primary = Objects.requireNonNull(primary, "primary");
    this.labeler = new Labeler(settings.labels());
    this.trainer = new ModelTrainer(settings.xgboost());
    this.evaluation = settings.evaluation().withLinearBaseline(false);
    this.featureDriftWindow = settings.featureDriftWindow();
    this.policy = settings.retraining();
  }

  /**
   * Runs one session for {@code symbol} at {@code session}'s close and records it in {@code store}.
   *
   * @return the session's outcome, as recorded
   * @throws InsufficientHistoryException when the primary timeframe cannot be trained with a
   *     backtest and walk-forward, or has no forecast, at the session; the message names the
   *     session
   */
  public Outcome run(Store store, String symbol, TradingSession session) {
    Instant now = session.close();
    Map<Timeframe, Series> series = store.series();
    Series primarySeries = series.get(primary);
    resolveDue(store, primarySeries, now);
    Optional<String> trigger = retrainingTrigger(store.previousPrediction(), now);
    Retraining primaryRetraining = Retraining.NONE;
    Map<Timeframe, Forecast> forecasts = new EnumMap<>(Timeframe.class);
    for (Series s : series.values()) {
      int sessions = s.lastRetrainedAt().map(store::sessionsSince).orElse(0);
      RetrainingPolicy.Decision decision = policy.decide(s.fit().isPresent(), sessions, trigger);
      Retraining retraining =
          decision.retrain()
              ? retrain(store, s, s == primarySeries, now)
              : decision.deferred() ? Retraining.deferred(decision.reason()) : Retraining.NONE;
      if (s == primarySeries) {
        primaryRetraining = retraining;
      }
      forecast(s, now).ifPresent(f -> forecasts.put(s.timeframe(), f));
    }
    SeriesFit fit = requireEvaluatedFit(store, symbol, primarySeries, session);
    Forecast primaryForecast = forecasts.get(primary);
    if (primaryForecast == null) {
      throw new InsufficientHistoryException(
          "%s %s has no feature row at its latest bar at session %s (warm-up)"
              .formatted(symbol, primary, session.date()));
    }
    List<LiveScore.Outcome> newestFirst = store.resolvedNewestFirst(fit);
    LabelledMatrix visiblePrimary = primarySeries.closedBy(now);
    int majorityClass = fit.majority().ordinal();
    LiveScore live =
        LiveScore.of(
            newestFirst,
            majorityClass,
            visiblePrimary,
            fit.issuedWalkForward().orElseThrow().score(),
            store.resolvedSource());
    Direction lastRealised =
        Direction.values()[
            NaiveBaselines.persistence(
                visiblePrimary.barIndexOf(primaryForecast.barTs()),
                visiblePrimary.labels(),
                majorityClass)];
    Map<Timeframe, Double> multiTf = new EnumMap<>(Timeframe.class);
    forecasts.forEach((tf, f) -> multiTf.put(tf, f.score()));
    ValidationScores scores =
        validatorInputs(
            fit.issuedBacktest().orElseThrow(),
            fit.issuedWalkForward().orElseThrow().score(),
            live,
            multiTf,
            primarySeries.trainedAt(),
            store.consecutiveDriftSessions(),
            now);
    Optional<FeatureDrift> featureDrift =
        featureDrift(primarySeries, visiblePrimary, fit, primarySeries.latestRow(now));
    UnifiedPrediction prediction =
        validator.validate(
            symbol,
            primaryForecast.direction(),
            scores,
            featureDrift.map(d -> new FeatureShift(d.shifted().size(), d.psi().size())));
    Outcome outcome =
        new Outcome(
            symbol,
            session,
            primaryForecast,
            prediction,
            live,
            Math.min(LiveScore.WINDOW, newestFirst.size()),
            primaryRetraining.retrained(),
            fit,
            lastRealised,
            featureDrift,
            primaryRetraining.promoted(),
            primaryRetraining.deferredReason());
    store.record(outcome);
    return outcome;
  }

  /**
   * The primary forecast's feature drift: its latest feature row's window against the rows of the
   * bars the model was trained on; empty without a latest row or training rows in view.
   */
  private Optional<FeatureDrift> featureDrift(
      Series series, LabelledMatrix visible, SeriesFit fit, Optional<LatestRow> latest) {
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    FeatureMatrix features = visible.features();
    int first = features.rowOfBar(visible.barIndexOf(fit.trainFrom()));
    int last = features.rowOfBar(visible.barIndexOf(fit.trainTo()));
    int latestRow = features.rowOfBar(visible.barIndexOf(latest.get().barTs()));
    if (first < 0 || last < first || latestRow < 0) {
      return Optional.empty();
    }
    FeatureDrift.Reference reference =
        series.driftReference(
            fit,
            () -> {
              int[] training = new int[last - first + 1];
              for (int i = 0; i < training.length; i++) {
                training[i] = first + i;
              }
              return FeatureDrift.Reference.of(features, training, featureDriftWindow);
            });
    return Optional.of(reference.against(features, latestRow));
  }

  /**
   * Whether the series are retrained at {@code now}: no previous prediction, or the previous one
   * set its retraining trigger or had its next retraining date at or before {@code now}.
   */
  public static boolean retrainingDue(Optional<UnifiedPrediction> previous, Instant now) {
    return previous.isEmpty() || retrainingTrigger(previous, now).isPresent();
  }

  /**
   * Why a retraining is asked for at {@code now}: the previous prediction's retraining reason when
   * it set its trigger, or its next retraining date when that has come; empty when neither holds
   * (or there is no previous prediction: a series without a model is trained anyway).
   */
  public static Optional<String> retrainingTrigger(
      Optional<UnifiedPrediction> previous, Instant now) {
    if (previous.isEmpty()) {
      return Optional.empty();
    }
    UnifiedPrediction p = previous.get();
    if (p.retrainingTrigger()) {
      return Optional.of(p.retrainingReason());
    }
    if (!p.nextRetrainingDate().isAfter(now)) {
      return Optional.of("next retraining date %s reached".formatted(p.nextRetrainingDate()));
    }
    return Optional.empty();
  }

  /** What happened to a series' model at a session. */
  private record Retraining(boolean retrained, boolean promoted, Optional<String> deferredReason) {
    static final Retraining NONE = new Retraining(false, false, Optional.empty());

    static Retraining deferred(Optional<String> reason) {
      return new Retraining(false, false, reason);
    }
  }

  /**
   * The validator's inputs from a series' scores: accuracies with their sample sizes (the live
   * sample size left out while the walk-forward stands in for it), the timeframes' forecast scores,
   * the last retraining (never after {@code now}) and the persistent drift count. The daily step
   * and the stored predictions of {@link UnifiedPredictionService} both assemble them here.
   */
  public static ValidationScores validatorInputs(
      Score backtest,
      Score walkforward,
      LiveScore live,
      Map<Timeframe, Double> multiTfScores,
      Instant lastRetraining,
      int persistentDriftDays,
      Instant now) {
    return new ValidationScores(
        backtest.accuracy(),
        walkforward.accuracy(),
        live.score().accuracy(),
        multiTfScores,
        sampleSize(backtest),
        sampleSize(walkforward),
        LiveScore.SOURCE_PROXY.equals(live.source())
            ? OptionalInt.empty()
            : sampleSize(live.score()),
        lastRetraining.isAfter(now) ? now : lastRetraining,
        persistentDriftDays,
        now);
  }

  private static OptionalInt sampleSize(Score score) {
    return score.n() > 0 ? OptionalInt.of(score.n()) : OptionalInt.empty();
  }

  /** Resolves pending primary forecasts whose horizon bar closed by {@code now}. */
  private void resolveDue(Store store, Series primarySeries, Instant now) {
    resolveDue(store.unresolved(), () -> primarySeries.barsClosedBy(now), labeler, now);
  }

  /**
   * The step's resolution: each pending forecast whose horizon bar closed by {@code now} is
   * resolved against {@code bars} (read only when something is pending) and recorded. Production's
   * {@code resolve} jobs ({@link MlService#resolve}) and {@link #run} both resolve here.
   *
   * @return how many resolutions were recorded
   */
  public static int resolveDue(
      List<? extends PendingForecast> pending,
      Supplier<List<Bar>> bars,
      Labeler labeler,
      Instant now) {
    if (pending.isEmpty()) {
      return 0;
    }
    LiveResolution resolution = new LiveResolution(bars.get(), labeler);
    int recorded = 0;
    for (PendingForecast f : pending) {
      Forecast forecast = f.forecast();
      Optional<LiveResolution.Resolved> outcome =
          resolution.resolve(
              new LiveResolution.Pending(
                  forecast.barTs(), forecast.horizonBars(), forecast.direction()),
              now);
      if (outcome.isPresent() && f.resolved(outcome.get())) {
        recorded++;
      }
    }
    return recorded;
  }

  /**
   * Trains a challenger on the bars closed by now and promotes it when {@link ChallengerRule} says
   * so (always when there is no champion); nothing changes when the bars are too few.
   */
  private Retraining retrain(Store store, Series s, boolean primarySeries, Instant now) {
    LabelledMatrix data = s.closedBy(now);
    SeriesFit challenger;
    try {
      challenger = SeriesFit.fit(data, trainer, evaluation, OrderedParallel.defaultThreads());
    } catch (InsufficientHistoryException tooShort) {
      return Retraining.NONE;
    }
    boolean promoted = true;
    if (s.fit().isPresent() && challenger.issuedWalkForward().isPresent()) {
      List<LiveScore.Outcome> record =
          primarySeries ? store.resolvedNewestFirst(s.fit().get()) : List.of();
      int correct = (int) record.stream().filter(LiveScore.Outcome::correct).count();
      promoted =
          ChallengerRule.decide(
                  challenger.issuedWalkForward().get().score().accuracy(), correct, record.size())
              .promoted();
    }
    if (promoted) {
      s.retrained(challenger, now);
    } else {
      s.rejected(challenger, now);
    }
    return new Retraining(true, promoted, Optional.empty());
  }

  /** The champion's forecast at the latest visible bar, as its issued forecaster makes it. */
  private static Optional<Forecast> forecast(Series s, Instant now) {
    if (s.fit().isEmpty()) {
      return Optional.empty();
    }
    SeriesFit fit = s.fit().get();
    return s.latestRow(now)
        .map(
            r ->
                fit.issue(
                    r.features(),
                    r.row(),
                    r.barTs(),
                    r.horizonBars(),
                    fit.forecaster() == Forecaster.PERSISTENCE
                        ? lastRealised(s.closedBy(now), r.barTs(), fit.majority())
                        : fit.majority()));
  }

  /** The direction last realised before the bar opening at {@code barTs}, seen in {@code data}. */
  private static Direction lastRealised(LabelledMatrix data, Instant barTs, Direction fallback) {
    return Direction.values()[
        NaiveBaselines.persistence(data.barIndexOf(barTs), data.labels(), fallback.ordinal())];
  }

  private SeriesFit requireEvaluatedFit(
      Store store, String symbol, Series primarySeries, TradingSession session) {
    SeriesFit fit =
        primarySeries
            .fit()
            .orElseThrow(
                () ->
                    new InsufficientHistoryException(
                        "%s %s has too few bars to train on at session %s; %s"
                            .formatted(symbol, primary, session.date(), store.tooShortAdvice())));
    if (fit.backtest().isEmpty() || fit.walkForward().isEmpty()) {
      throw new InsufficientHistoryException(
          "%s %s cannot be evaluated at session %s (%s); %s"
              .formatted(
                  symbol,
                  primary,
                  session.date(),
                  fit.evaluationSkipped().orElse("no evaluation"),
                  store.tooShortAdvice()));
    }
    return fit;
  }
}
