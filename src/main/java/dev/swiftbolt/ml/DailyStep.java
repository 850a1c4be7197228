package dev.swiftbolt.ml;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.TradingSession;
import dev.swiftbolt.ml.evaluation.EvaluationConfig;
import dev.swiftbolt.ml.evaluation.FeatureDrift;
import dev.swiftbolt.ml.evaluation.Forecast;
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
 * <p>Retraining policy: a series is (re)trained at a session when it has no model yet, or when the
 * previous session's unified prediction set {@code retraining_trigger} or had a {@code
 * next_retraining_date} at or before this session's close (so a retraining decided at D happens at
 * D + 1). A series too short to train keeps any earlier model.
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

    /** Replaces the model in use. */
    void retrained(SeriesFit fit, Instant at);
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

    /** The resolved primary forecasts, newest forecast bar first (the live window's order). */
    List<LiveScore.Outcome> resolvedNewestFirst();

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
   * @param primaryRetrained whether the primary timeframe's model was retrained at this session
   * @param lastRealised the direction last realised before the primary forecast's bar
   * @param featureDrift the primary forecast's feature drift against the model's training rows (its
   *     shifted features are a retraining reason for the validator)
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
      Optional<FeatureDrift> featureDrift) {}

  private final Timeframe primary;
  private final Labeler labeler;
  private final ModelTrainer trainer;
  private final EvaluationConfig evaluation;
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
    boolean due = retrainingDue(store.previousPrediction(), now);
    boolean primaryRetrained = false;
    Map<Timeframe, Forecast> forecasts = new EnumMap<>(Timeframe.class);
    for (Series s : series.values()) {
      if (due || s.fit().isEmpty()) {
        boolean trained = retrain(s, now);
        primaryRetrained |= trained && s == primarySeries;
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
    List<LiveScore.Outcome> newestFirst = store.resolvedNewestFirst();
    LabelledMatrix visiblePrimary = primarySeries.closedBy(now);
    int majorityClass = fit.majority().ordinal();
    LiveScore live =
        LiveScore.of(
            newestFirst,
            majorityClass,
            visiblePrimary,
            fit.walkForward().orElseThrow().score(),
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
            fit.backtest().orElseThrow().score(),
            fit.walkForward().orElseThrow().score(),
            live,
            multiTf,
            primarySeries.trainedAt(),
            store.consecutiveDriftSessions(),
            now);
    Optional<FeatureDrift> featureDrift =
        featureDrift(visiblePrimary, fit, primarySeries.latestRow(now));
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
            primaryRetrained,
            fit,
            lastRealised,
            featureDrift);
    store.record(outcome);
    return outcome;
  }

  /**
   * The primary forecast's feature drift: its latest feature row's window against the rows of the
   * bars the model was trained on; empty without a latest row or training rows in view.
   */
  private Optional<FeatureDrift> featureDrift(
      LabelledMatrix visible, SeriesFit fit, Optional<LatestRow> latest) {
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
    int[] training = new int[last - first + 1];
    for (int i = 0; i < training.length; i++) {
      training[i] = first + i;
    }
    return Optional.of(FeatureDrift.of(features, training, latestRow, featureDriftWindow));
  }

  /**
   * Whether the series are retrained at {@code now}: no previous prediction, or the previous one
   * set its retraining trigger or had its next retraining date at or before {@code now}.
   */
  public static boolean retrainingDue(Optional<UnifiedPrediction> previous, Instant now) {
    return previous.isEmpty()
        || previous.get().retrainingTrigger()
        || !previous.get().nextRetrainingDate().isAfter(now);
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
   * Retrains on the bars closed by now; false (keeping any earlier model) when they are too few.
   */
  private boolean retrain(Series s, Instant now) {
    LabelledMatrix data = s.closedBy(now);
    try {
      s.retrained(SeriesFit.fit(data, trainer, evaluation, OrderedParallel.defaultThreads()), now);
      return true;
    } catch (InsufficientHistoryException tooShort) {
      return false;
    }
  }

  private static Optional<Forecast> forecast(Series s, Instant now) {
    if (s.fit().isEmpty()) {
      return Optional.empty();
    }
    return s.latestRow(now)
        .map(r -> s.fit().get().forecast(r.features(), r.row(), r.barTs(), r.horizonBars()));
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
