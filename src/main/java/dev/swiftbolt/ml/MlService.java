package dev.swiftbolt.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.marketdata.TradingSession;
import dev.swiftbolt.ml.evaluation.BacktestResult;
import dev.swiftbolt.ml.evaluation.ChallengerRule;
import dev.swiftbolt.ml.evaluation.ChampionRule;
import dev.swiftbolt.ml.evaluation.EvaluationReport;
import dev.swiftbolt.ml.evaluation.Evaluator;
import dev.swiftbolt.ml.evaluation.FeatureDrift;
import dev.swiftbolt.ml.evaluation.Forecast;
import dev.swiftbolt.ml.evaluation.ForecastOutcome;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.evaluation.LiveResolution;
import dev.swiftbolt.ml.evaluation.LiveScore;
import dev.swiftbolt.ml.evaluation.NaiveBaselines;
import dev.swiftbolt.ml.evaluation.Selection;
import dev.swiftbolt.ml.evaluation.WalkForwardResult;
import dev.swiftbolt.ml.features.ContextSeries;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.features.FeatureMatrix;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.ml.features.LabelledMatrix;
import dev.swiftbolt.ml.models.DirectionModel;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.ModelTrainer;
import dev.swiftbolt.ml.models.NewModel;
import dev.swiftbolt.ml.registry.BarReader;
import dev.swiftbolt.ml.registry.EvaluationRepository;
import dev.swiftbolt.ml.registry.ForecastRepository;
import dev.swiftbolt.ml.registry.ModelListener;
import dev.swiftbolt.ml.registry.ModelRegistry;
import dev.swiftbolt.ml.registry.ModelStatus;
import dev.swiftbolt.ml.registry.RegisteredModel;
import dev.swiftbolt.ml.registry.Registration;
import dev.swiftbolt.predictions.PredictionResolution;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.symbols.SymbolRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Train, forecast, resolve and evaluate per symbol × timeframe, reading bars through a {@link
 * BarReader} and storing models, forecasts and evaluations in PostgreSQL.
 *
 * <ul>
 *   <li>{@link #train}: features and labels of all stored bars, the backtest and walk-forward of
 *       the XGBoost model (with the majority and linear baselines) as metrics, then one fit on
 *       every labelled row, registered as the active model.
 *   <li>{@link #forecast}: the active model's (calibrated) probabilities at the latest bar; trains
 *       first when the series has no model yet.
 *   <li>{@link #resolve}: resolves the series' live forecasts whose horizon bar now exists.
 *   <li>{@link #evaluate}: resolve, then fresh backtest and walk-forward from the stored bars and
 *       the live score of the last 30 resolved live forecasts (walk-forward proxy below 10).
 * </ul>
 *
 * <p>Thread-safe if its collaborators are: each call builds its own trainer, so callers may run
 * several series at once (see {@code dev.swiftbolt.parallel.OrderedParallel}).
 */
public final class MlService {
  private static final TradingCalendar CALENDAR = TradingCalendar.nyse();
  private final SymbolRepository symbols;
  private final BarReader bars;
  private final ModelRegistry registry;
  private final ForecastRepository forecasts;
  private final EvaluationRepository evaluations;
  private final UnifiedPredictionRepository predictions;
  private final MlSettings settings;
  private final Clock clock;
  private final FeatureBuilder featureBuilder = new FeatureBuilder();
  private final Labeler labeler;
  private final int windowThreads;

  public MlService(Jdbi jdbi, BarReader bars, MlSettings settings, Clock clock) {
    this(jdbi, bars, settings, clock, 1);
  }

  /**
   * @param windowThreads how many evaluation windows of one series {@link #train} and {@link
   *     #evaluate} fit at once: 1 when the caller already runs several series in parallel, more
   *     when it runs fewer series than it has cores; results are the same either way
   * @throws IllegalArgumentException when {@code windowThreads} is below 1
   */
  public MlService(Jdbi jdbi, BarReader bars, MlSettings settings, Clock clock, int windowThreads) {
    this(jdbi, bars, settings, clock, windowThreads, ModelListener.NONE);
  }

  /**
   * Like {@link #MlService(Jdbi, BarReader, MlSettings, Clock, int)}, telling {@code models} of
   * each model registered, inside the registering transaction (the alerts' outbox).
   */
  public MlService(
      Jdbi jdbi,
      BarReader bars,
      MlSettings settings,
      Clock clock,
      int windowThreads,
      ModelListener models) {
    if (windowThreads < 1) {
      throw new IllegalArgumentException("windowThreads must be at least 1, got " + windowThreads);
    }
    this.windowThreads = windowThreads;
    this.symbols = new SymbolRepository(jdbi);
    this.bars = Objects.requireNonNull(bars, "bars");
    this.registry = new ModelRegistry(jdbi, models);
    this.forecasts = new ForecastRepository(jdbi);
    this.evaluations = new EvaluationRepository(jdbi);
    this.predictions = new UnifiedPredictionRepository(jdbi);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.labeler = new Labeler(settings.labels());
  }

  /**
   * Trains and registers the series' model. When the history is too short for the evaluation
   * windows (e.g. a few months of M15 against a 3-month holdout and 4 quarterly folds) but still
   * has {@code minTrainingRows} labelled rows, the model is trained without evaluation: its metrics
   * say {@code "evaluation_skipped"} with the reason and its calibration is "none". Otherwise the
   * backtest and walk-forward it computed are also stored as the series' evaluation, exactly as
   * {@link #evaluate} would store them, so nothing needs to refit them right after training.
   *
   * @throws dev.swiftbolt.symbols.UnknownSymbolException when the symbol is not registered
   * @throws InsufficientHistoryException when there are fewer labelled rows than {@code
   *     minTrainingRows}
   */
  public TrainingOutcome train(String symbol, Timeframe timeframe) {
    long symbolId = symbols.require(symbol);
    LabelledMatrix data = load(symbolId, timeframe);
    SeriesFit fit;
    try {
      fit =
          SeriesFit.fit(
              data, new ModelTrainer(settings.xgboost()), settings.evaluation(), windowThreads);
    } catch (InsufficientHistoryException e) {
      throw new InsufficientHistoryException(symbol + " " + timeframe + " " + e.getMessage());
    }
    Optional<BacktestResult> backtest = fit.backtest();
    Optional<WalkForwardResult> walkForward = fit.walkForward();
    Optional<String> skipped = fit.evaluationSkipped();
    String calibrationMethod = fit.calibrationMethod();
    double[] calibrationParams =
        fit.calibration().map(c -> c.calibrator().parameters()).orElse(new double[0]);
    Instant trainedAt = clock.instant();
    Instant from = fit.trainFrom();
    Instant to = fit.trainTo();
    Optional<ChallengerRule.Verdict> verdict = challengerVerdict(symbolId, timeframe, fit);
    boolean promoted = verdict.map(ChallengerRule.Verdict::promoted).orElse(true);
    Registration registration =
        new Registration(
            fit.forecaster(),
            fit.selection().map(ModelRegistry::json),
            promoted ? ModelStatus.CHAMPION : ModelStatus.REJECTED,
            verdict.map(ChallengerRule.Verdict::reason));
    long modelId =
        registry.register(
            new NewModel(
                symbolId,
                timeframe,
                ModelKind.XGBOOST,
                ModelRegistry.json(settings.xgboost()),
                data.features().names(),
                data.horizon(),
                from,
                to,
                trainedAt,
                metrics(backtest, walkForward, skipped, fit),
                calibrationMethod,
                calibrationParams,
                // a naive forecaster's forecasts come from its metrics: no artifact
                fit.model().map(DirectionModel::toBytes).orElse(new byte[0])),
            registration);
    if (promoted && backtest.isPresent() && walkForward.isPresent()) {
      storeEvaluation(
          symbol,
          symbolId,
          timeframe,
          data,
          backtest.get(),
          walkForward.get(),
          OptionalLong.of(modelId),
          fit.forecaster(),
          fit.selection());
    }
    return new TrainingOutcome(
        symbol,
        timeframe,
        modelId,
        ModelKind.XGBOOST.algorithm(),
        trainedAt,
        fit.trainingRows(),
        from,
        to,
        backtest.map(BacktestResult::score),
        walkForward.map(WalkForwardResult::score),
        calibrationMethod,
        skipped,
        fit.forecaster(),
        fit.selection(),
        registration.status(),
        registration.reason());
  }

  /**
   * The retraining policy's decision for a series now, asked for by a trigger with {@code reason}:
   * retrain when it has no model or its cooldown ({@link RetrainingPolicy}) has passed since its
   * last retraining (promoted or rejected), otherwise defer. Sessions are NYSE sessions closed
   * after that retraining and by now.
   */
  public RetrainingPolicy.Decision retrainingDecision(
      String symbol, Timeframe timeframe, String reason) {
    long symbolId = symbols.require(symbol);
    Optional<Instant> lastRetraining =
        registry.history(symbolId, timeframe).stream()
            .map(RegisteredModel::trainedAt)
            .max(Instant::compareTo);
    boolean hasModel = registry.active(symbolId, timeframe).isPresent();
    int sessions = lastRetraining.map(t -> sessionsClosedBetween(t, clock.instant())).orElse(0);
    return settings.retraining().decide(hasModel, sessions, Optional.of(reason));
  }

  /**
   * The close of the {@code sessions}-th NYSE session after now: when a deferral's cooldown ends.
   */
  public Instant sessionCloseAfter(int sessions) {
    Instant now = clock.instant();
    LocalDate day = CALENDAR.tradingDate(now);
    int seen = 0;
    while (true) {
      Optional<TradingSession> s = CALENDAR.session(day);
      if (s.isPresent() && s.get().close().isAfter(now) && ++seen >= sessions) {
        return s.get().close();
      }
      day = CALENDAR.nextTradingDay(day);
    }
  }

  private static int sessionsClosedBetween(Instant after, Instant upTo) {
    if (!upTo.isAfter(after)) {
      return 0;
    }
    return (int)
        CALENDAR
            .sessions(
                after.atZone(TradingCalendar.NEW_YORK).toLocalDate(),
                upTo.atZone(TradingCalendar.NEW_YORK).toLocalDate())
            .stream()
            .filter(s -> s.close().isAfter(after) && !s.close().isAfter(upTo))
            .count();
  }

  /**
   * The challenger rule's verdict on {@code challenger} against the series' champion, judged on the
   * champion's resolved live forecasts since its training end; empty when there is no champion or
   * the challenger could not be evaluated (it then replaces the champion, as before).
   */
  private Optional<ChallengerRule.Verdict> challengerVerdict(
      long symbolId, Timeframe timeframe, SeriesFit challenger) {
    Optional<RegisteredModel> champion = registry.active(symbolId, timeframe);
    if (champion.isEmpty() || challenger.issuedWalkForward().isEmpty()) {
      return Optional.empty();
    }
    int[] record = forecasts.outOfSampleRecord(champion.get().id(), champion.get().trainTo());
    return Optional.of(
        ChallengerRule.decide(
            challenger.issuedWalkForward().get().score().accuracy(), record[0], record[1]));
  }

  /**
   * @param liveRun whether this is a live forecast (resolved and counted in the live score)
   * @throws dev.swiftbolt.symbols.UnknownSymbolException when the symbol is not registered
   * @throws InsufficientHistoryException when there is no feature row at the latest bar
   */
  public ForecastOutcome forecast(String symbol, Timeframe timeframe, boolean liveRun) {
    long symbolId = symbols.require(symbol);
    boolean trained = false;
    if (registry.active(symbolId, timeframe).isEmpty()) {
      train(symbol, timeframe);
      trained = true;
    }
    RegisteredModel active = registry.active(symbolId, timeframe).orElseThrow();
    List<Bar> series = bars.bars(symbolId, timeframe);
    FeatureMatrix matrix =
        featureBuilder.build(series, timeframe, context(symbolId, timeframe, series));
    if (!matrix.names().equals(active.features())) {
      throw new IllegalStateException(
          "model " + active.id() + " was trained on other features; run train again");
    }
    int last = matrix.rowOfBar(series.size() - 1);
    if (last < 0) {
      throw new InsufficientHistoryException(
          symbol + " " + timeframe + " has no feature row at its latest bar (warm-up)");
    }
    Instant barTs = series.get(series.size() - 1).ts();
    Forecast forecast =
        switch (active.forecaster()) {
          case XGBOOST ->
              Forecast.of(
                  barTs,
                  active.horizonBars(),
                  active.calibrator().apply(active.model().predict(matrix, new int[] {last})[0]));
          case MAJORITY ->
              SeriesFit.naiveForecast(
                  active.naiveProbabilities(), barTs, active.horizonBars(), majorityOf(active));
          case PERSISTENCE ->
              SeriesFit.naiveForecast(
                  active.naiveProbabilities(),
                  barTs,
                  active.horizonBars(),
                  lastRealised(symbolId, timeframe, series, majorityOf(active)));
        };
    long id =
        forecasts.store(
            active.id(),
            symbolId,
            timeframe,
            forecast,
            clock.instant(),
            liveRun,
            active.forecaster());
    featureDrift(matrix, series, active, last)
        .ifPresent(
            drift -> forecasts.storeFeatureDrift(id, Json.mapper().valueToTree(drift).toString()));
    return new ForecastOutcome(symbol, timeframe, id, active.id(), forecast, liveRun, trained);
  }

  /**
   * The feature drift of the latest rows against the active model's training rows (the feature rows
   * of the bars it was trained from, {@code train_from} to {@code train_to}); empty when none of
   * those bars has a feature row.
   */
  private Optional<FeatureDrift> featureDrift(
      FeatureMatrix matrix, List<Bar> series, RegisteredModel active, int lastRow) {
    int first = -1;
    int lastTraining = -1;
    for (int i = 0; i < series.size(); i++) {
      Instant ts = series.get(i).ts();
      int row = matrix.rowOfBar(i);
      if (row >= 0 && !ts.isBefore(active.trainFrom()) && !ts.isAfter(active.trainTo())) {
        first = first < 0 ? row : first;
        lastTraining = row;
      }
    }
    if (first < 0) {
      return Optional.empty();
    }
    int[] training = new int[lastTraining - first + 1];
    for (int i = 0; i < training.length; i++) {
      training[i] = first + i;
    }
    return Optional.of(FeatureDrift.of(matrix, training, lastRow, settings.featureDriftWindow()));
  }

  /**
   * Resolves the series' pending live forecasts and, for the primary timeframe ({@link
   * UnifiedPredictionService#DEFAULT_PRIMARY}), the symbol's stored unified predictions whose
   * horizon has passed, under the same label rule; returns how many forecasts were resolved now.
   * Idempotent: a resolved forecast or prediction is never resolved again.
   */
  public int resolve(String symbol, Timeframe timeframe) {
    int resolved = resolveForecasts(symbol, timeframe);
    if (timeframe == UnifiedPredictionService.DEFAULT_PRIMARY) {
      resolvePredictions(symbol);
    }
    return resolved;
  }

  /**
   * Resolves the symbol's stored unified predictions whose primary bar + horizon bar now exists
   * (realized direction by the label rule, correct, resolved at now); returns how many.
   */
  public int resolvePredictions(String symbol) {
    long symbolId = symbols.require(symbol);
    List<UnifiedPredictionRepository.Unresolved> pending = predictions.unresolved(symbol);
    if (pending.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    LiveResolution resolution =
        new LiveResolution(bars.bars(symbolId, UnifiedPredictionService.DEFAULT_PRIMARY), labeler);
    int recorded = 0;
    for (UnifiedPredictionRepository.Unresolved p : pending) {
      Optional<LiveResolution.Resolved> outcome =
          resolution.resolve(
              new LiveResolution.Pending(p.forecastBarTs(), p.horizonBars(), p.direction()), now);
      if (outcome.isPresent()
          && predictions.resolve(
              p.id(),
              new PredictionResolution(
                  outcome.get().realized(), outcome.get().correct(), outcome.get().resolvedAt()))) {
        recorded++;
      }
    }
    return recorded;
  }

  private int resolveForecasts(String symbol, Timeframe timeframe) {
    long symbolId = symbols.require(symbol);
    List<DailyStep.PendingForecast> pending =
        forecasts.unresolvedLive(symbolId, timeframe).stream()
            .<DailyStep.PendingForecast>map(
                f ->
                    new DailyStep.PendingForecast() {
                      @Override
                      public Forecast forecast() {
                        return f.forecast();
                      }

                      @Override
                      public boolean resolved(LiveResolution.Resolved outcome) {
                        return forecasts.resolve(f.id(), outcome);
                      }
                    })
            .toList();
    return DailyStep.resolveDue(
        pending, () -> bars.bars(symbolId, timeframe), labeler, clock.instant());
  }

  /**
   * Resolves pending live forecasts, evaluates and stores the evaluation.
   *
   * @throws InsufficientHistoryException when the stored bars are too few to evaluate honestly
   */
  public EvaluationReport evaluate(String symbol, Timeframe timeframe) {
    long symbolId = symbols.require(symbol);
    resolve(symbol, timeframe);
    LabelledMatrix data = load(symbolId, timeframe);
    Evaluator evaluator =
        new Evaluator(
            new ModelTrainer(settings.xgboost()),
            settings.evaluation().withLinearBaseline(false),
            ModelKind.XGBOOST,
            windowThreads);
    Evaluator.BacktestAndWalkForward both = evaluator.backtestAndWalkForward(data);
    BacktestResult backtest = both.backtest();
    WalkForwardResult walkForward = both.walkForward();
    Optional<RegisteredModel> champion = registry.active(symbolId, timeframe);
    OptionalLong modelId = champion.stream().mapToLong(RegisteredModel::id).findFirst();
    Forecaster forecaster = champion.map(RegisteredModel::forecaster).orElse(Forecaster.XGBOOST);
    return storeEvaluation(
        symbol,
        symbolId,
        timeframe,
        data,
        backtest,
        walkForward,
        modelId,
        forecaster,
        Optional.of(ChampionRule.select(walkForward.candidates())));
  }

  /**
   * Stores the evaluation of a series from a backtest and walk-forward already computed on {@code
   * data}, as scored for the issued {@code forecaster}, with the live score of the resolved live
   * forecasts the champion {@code modelId} issued (the issued walk-forward stands in below 10).
   */
  private EvaluationReport storeEvaluation(
      String symbol,
      long symbolId,
      Timeframe timeframe,
      LabelledMatrix data,
      BacktestResult backtest,
      WalkForwardResult walkForward,
      OptionalLong modelId,
      Forecaster forecaster,
      Optional<Selection> selection) {
    WalkForwardResult issued = walkForward.as(forecaster);
    List<LiveScore.Outcome> championRecord =
        modelId.isPresent()
            ? forecasts.recentOutcomesOf(modelId.getAsLong(), LiveScore.WINDOW)
            : List.of();
    // The majority baseline is the class the forecasting model saw most in training, as replay
    // scores it; the labels of today's series would include the live window's own outcomes.
    int majorityClass =
        trainingMajority(symbolId, timeframe, modelId)
            .orElseGet(() -> NaiveBaselines.majority(data.labelsOf(data.labelledRows())));
    LiveScore live =
        LiveScore.of(championRecord, majorityClass, data, issued.score(), LiveScore.SOURCE_LIVE);
    EvaluationReport report =
        new EvaluationReport(
            symbol,
            timeframe,
            backtest.scoreOf(forecaster),
            EvaluationReport.WalkForwardSummary.of(issued),
            live.score(),
            live.source(),
            EvaluationReport.CalibrationSummary.of(walkForward.calibration()),
            clock.instant(),
            forecaster,
            selection);
    evaluations.store(symbolId, modelId, report);
    return report;
  }

  /**
   * The training majority class (a {@link Direction} ordinal) that the active model {@code modelId}
   * recorded in its metrics; empty without a model or for one stored before the metrics carried it.
   */
  private Optional<Integer> trainingMajority(
      long symbolId, Timeframe timeframe, OptionalLong modelId) {
    if (modelId.isEmpty()) {
      return Optional.empty();
    }
    return registry
        .active(symbolId, timeframe)
        .filter(m -> m.id() == modelId.getAsLong())
        .flatMap(m -> recordedMajority(m.metricsJson()));
  }

  private static Optional<Integer> recordedMajority(String metricsJson) {
    try {
      JsonNode majority = Json.mapper().readTree(metricsJson).path("majority_class");
      return majority.isTextual()
          ? Optional.of(Direction.parse(majority.asText()).ordinal())
          : Optional.empty();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a model's stored metrics are not JSON: " + e.getMessage(), e);
    }
  }

  private static Direction majorityOf(RegisteredModel model) {
    try {
      return Direction.parse(
          Json.mapper().readTree(model.metricsJson()).path("majority_class").asText());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a model's stored metrics are not JSON: " + e.getMessage(), e);
    }
  }

  /** Persistence's class at the latest stored bar: the direction last realised before it. */
  private Direction lastRealised(
      long symbolId, Timeframe timeframe, List<Bar> series, Direction fallback) {
    LabelledMatrix data =
        LabelledMatrix.of(
            series, timeframe, context(symbolId, timeframe, series), featureBuilder, labeler);
    return Direction.values()[
        NaiveBaselines.persistence(series.size() - 1, data.labels(), fallback.ordinal())];
  }

  private LabelledMatrix load(long symbolId, Timeframe timeframe) {
    List<Bar> series = bars.bars(symbolId, timeframe);
    return LabelledMatrix.of(
        series, timeframe, context(symbolId, timeframe, series), featureBuilder, labeler);
  }

  private ContextSeries context(long symbolId, Timeframe timeframe, List<Bar> series) {
    List<Bar> contextBars =
        ContextSeries.contextTimeframe(timeframe)
            .map(higher -> bars.bars(symbolId, higher))
            .orElse(List.of());
    return ContextSeries.forTimeframe(series, timeframe, contextBars);
  }

  private static String metrics(
      Optional<BacktestResult> backtest,
      Optional<WalkForwardResult> walkForward,
      Optional<String> skipped,
      SeriesFit fit) {
    ObjectNode node = Json.mapper().createObjectNode();
    backtest.ifPresent(
        b -> {
          node.set("backtest", Json.mapper().valueToTree(b.score()));
          b.linear().ifPresent(s -> node.set("linear_backtest", Json.mapper().valueToTree(s)));
        });
    walkForward.ifPresent(
        w -> {
          node.set(
              "walkforward", Json.mapper().valueToTree(EvaluationReport.WalkForwardSummary.of(w)));
          node.set(
              "calibration",
              Json.mapper().valueToTree(EvaluationReport.CalibrationSummary.of(w.calibration())));
          w.linear().ifPresent(s -> node.set("linear_walkforward", Json.mapper().valueToTree(s)));
        });
    skipped.ifPresent(reason -> node.put("evaluation_skipped", reason));
    node.put("training_rows", fit.trainingRows());
    node.put("majority_class", fit.majority().name());
    if (fit.forecaster().naive()) {
      node.set(
          RegisteredModel.NAIVE_PROBABILITIES, Json.mapper().valueToTree(fit.naiveProbabilities()));
    }
    return node.toString();
  }
}
