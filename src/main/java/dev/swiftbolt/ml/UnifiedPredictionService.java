package dev.swiftbolt.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.BarRepository;
import dev.swiftbolt.ml.evaluation.DriftHistory;
import dev.swiftbolt.ml.evaluation.EvaluationConfig;
import dev.swiftbolt.ml.evaluation.EvaluationReport;
import dev.swiftbolt.ml.evaluation.FeatureDrift;
import dev.swiftbolt.ml.evaluation.Forecast;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.evaluation.LiveScore;
import dev.swiftbolt.ml.evaluation.ProbabilityCorrectMap;
import dev.swiftbolt.ml.evaluation.Selection;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.registry.EvaluationRepository;
import dev.swiftbolt.ml.registry.ForecastRepository;
import dev.swiftbolt.ml.registry.ModelRegistry;
import dev.swiftbolt.ml.registry.RegisteredModel;
import dev.swiftbolt.ml.registry.StoredForecast;
import dev.swiftbolt.predictions.PredictionContext;
import dev.swiftbolt.predictions.PredictionListener;
import dev.swiftbolt.predictions.StoredPrediction;
import dev.swiftbolt.predictions.TimeframeForecaster;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.symbols.SymbolRepository;
import dev.swiftbolt.validation.FeatureShift;
import dev.swiftbolt.validation.MissingTimeframe;
import dev.swiftbolt.validation.PredictionBaselines;
import dev.swiftbolt.validation.ProbabilityCorrect;
import dev.swiftbolt.validation.UnifiedPrediction;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationScores;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * One symbol's unified prediction from what is stored: the direction of the primary timeframe's
 * latest forecast, every timeframe's latest forecast score, the primary timeframe's latest
 * evaluation (backtest, walk-forward and live accuracy with their sample sizes), the active model's
 * training time as the last retraining, and persistent drift from the stored daily history. The
 * {@link UnifiedValidator} reconciles them; the answer is stored in {@code unified_predictions}.
 *
 * <p>Nothing is filled in with a constant: a missing forecast, evaluation or model is an {@link
 * IllegalStateException} that names what to run. Thread-safe.
 */
public final class UnifiedPredictionService {

  private static final int MIN_TRAINING_ROWS_DEFAULT =
      EvaluationConfig.defaults().minTrainingRows();

  /** The timeframe whose forecast gives the direction and whose evaluation gives the scores. */
  public static final Timeframe DEFAULT_PRIMARY = Timeframe.D1;

  private final Jdbi jdbi;
  private final SymbolRepository symbols;
  private final ForecastRepository forecasts;
  private final EvaluationRepository evaluations;
  private final ModelRegistry registry;
  private final UnifiedPredictionRepository predictions;
  private final BarRepository bars;
  private final UnifiedValidator validator = new UnifiedValidator();
  private final Timeframe primary;
  private final Clock clock;

  public UnifiedPredictionService(Jdbi jdbi, Timeframe primary, Clock clock) {
    this(jdbi, primary, clock, PredictionListener.NONE);
  }

  /**
   * A service whose stored predictions are told to {@code listener} inside the storing transaction
   * (the alerts' outbox).
   */
  public UnifiedPredictionService(
      Jdbi jdbi, Timeframe primary, Clock clock, PredictionListener listener) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.symbols = new SymbolRepository(jdbi);
    this.forecasts = new ForecastRepository(jdbi);
    this.evaluations = new EvaluationRepository(jdbi);
    this.registry = new ModelRegistry(jdbi);
    this.predictions = new UnifiedPredictionRepository(jdbi, listener);
    this.bars = new BarRepository(jdbi);
    this.primary = Objects.requireNonNull(primary, "primary");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Validates and stores the symbol's unified prediction now, with the source of its live score and
   * the naive baselines of its three scores.
   *
   * @throws dev.swiftbolt.symbols.UnknownSymbolException for an unregistered symbol
   * @throws IllegalStateException naming the missing forecast, evaluation or model
   */
  public UnifiedPrediction predictAndStore(String symbol) {
    long symbolId = symbols.require(symbol);
    EvaluationReport evaluation = latestEvaluation(symbol, symbolId);
    Made made = predict(symbol, symbolId, evaluation);
    UnifiedPrediction prediction = made.prediction();
    Forecast primaryForecast = made.primaryForecast().forecast();
    PredictionContext context =
        new PredictionContext(
            primaryForecast.barTs(),
            primaryForecast.horizonBars(),
            probabilityCorrect(prediction.unifiedConfidence(), prediction.timestamp()),
            made.featureDriftJson());
    predictions.store(
        prediction,
        Optional.of(evaluation.liveScoreSource()),
        Optional.of(
            new PredictionBaselines(
                evaluation.backtest().baseline(),
                evaluation.walkforward().score().baseline(),
                evaluation.live().baseline())),
        missingTimeframes(symbol, symbolId, prediction),
        Optional.of(context),
        forecasters(symbolId, prediction));
    return prediction;
  }

  /**
   * {@code probability_correct} for a prediction of unified confidence {@code confidence} made at
   * {@code at}: the map of {@link ProbabilityCorrectMap} fitted on every outcome resolved by then
   * (production's resolved unified predictions and each symbol's latest replay run's resolved
   * days), read at the confidence.
   */
  public ProbabilityCorrect probabilityCorrect(double confidence, Instant at) {
    List<ProbabilityCorrectMap.Outcome> known =
        predictions.resolvedOutcomes(at).stream()
            .map(
                o ->
                    new ProbabilityCorrectMap.Outcome(
                        o.unifiedConfidence(), o.correct(), o.resolvedAt(), o.source()))
            .toList();
    return ProbabilityCorrectMap.estimate(known, confidence, at);
  }

  /** A prediction with the primary forecast it was made from and that forecast's feature drift. */
  private record Made(
      UnifiedPrediction prediction,
      StoredForecast primaryForecast,
      Optional<String> featureDriftJson) {}

  /**
   * Who issued each timeframe's latest forecast in the prediction, with the champion rule's verdict
   * in words when the champion that issued it recorded one.
   */
  List<TimeframeForecaster> forecasters(long symbolId, UnifiedPrediction prediction) {
    List<TimeframeForecaster> out = new ArrayList<>();
    for (Timeframe tf : prediction.multiTfConsensus().keySet()) {
      Optional<StoredForecast> latest = forecasts.latest(symbolId, tf);
      if (latest.isEmpty()) {
        continue;
      }
      Forecaster forecaster = latest.get().forecaster();
      String explanation =
          registry
              .active(symbolId, tf)
              .filter(m -> m.forecaster() == forecaster)
              .flatMap(RegisteredModel::selectionJson)
              .map(UnifiedPredictionService::selection)
              .map(Selection::explanation)
              .orElse(forecaster.id());
      out.add(new TimeframeForecaster(tf, forecaster.id(), explanation));
    }
    return out;
  }

  private static Selection selection(String json) {
    try {
      return Json.mapper().readValue(json, Selection.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Why each timeframe absent from the prediction's {@code multi_tf_consensus} is absent: no bars,
   * too few bars to train a model, or a model without a forecast yet.
   */
  List<MissingTimeframe> missingTimeframes(
      String symbol, long symbolId, UnifiedPrediction prediction) {
    List<MissingTimeframe> missing = new ArrayList<>();
    for (Timeframe tf : Timeframe.values()) {
      if (!prediction.multiTfConsensus().containsKey(tf)) {
        missing.add(new MissingTimeframe(tf, whyMissing(symbol, symbolId, tf)));
      }
    }
    return missing;
  }

  private String whyMissing(String symbol, long symbolId, Timeframe tf) {
    if (registry.active(symbolId, tf).isPresent()) {
      return "no %s forecast yet; run `swiftbolt forecast %s --timeframes %s`"
          .formatted(tf, symbol, tf);
    }
    long stored = bars.count(symbolId, tf);
    if (stored == 0) {
      return "no %s bars stored; run `swiftbolt backfill %s`".formatted(tf, symbol);
    }
    return ("no %s model: only %d %s bars stored, too few to train one (a recent listing or a"
            + " short history; training needs %d labelled rows after a %d-bar warm-up)")
        .formatted(tf, stored, tf, MIN_TRAINING_ROWS_DEFAULT, FeatureBuilder.WARMUP_BARS);
  }

  private EvaluationReport latestEvaluation(String symbol, long symbolId) {
    return evaluations
        .latest(symbol, symbolId, primary)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no %s evaluation for %s; run `swiftbolt evaluate %s --timeframes %s`"
                        .formatted(primary, symbol, symbol, primary)));
  }

  private Made predict(String symbol, long symbolId, EvaluationReport evaluation) {
    Instant now = clock.instant();
    Map<Timeframe, StoredForecast> latest = new EnumMap<>(Timeframe.class);
    for (Timeframe tf : Timeframe.values()) {
      forecasts.latest(symbolId, tf).ifPresent(f -> latest.put(tf, f));
    }
    StoredForecast primaryForecast = latest.get(primary);
    if (primaryForecast == null) {
      throw new IllegalStateException(
          "no %s forecast for %s; run `swiftbolt forecast %s`".formatted(primary, symbol, symbol));
    }
    Instant lastRetraining =
        registry
            .lastTrainedAt(symbolId, primary)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no %s model for %s; run `swiftbolt train %s`"
                            .formatted(primary, symbol, symbol)));
    Map<Timeframe, Double> multiTf = new EnumMap<>(Timeframe.class);
    latest.forEach((tf, f) -> multiTf.put(tf, f.forecast().score()));
    ValidationScores scores =
        DailyStep.validatorInputs(
            evaluation.backtest(),
            evaluation.walkforward().score(),
            new LiveScore(evaluation.live(), evaluation.liveScoreSource()),
            multiTf,
            lastRetraining,
            persistentDriftDays(symbol, now),
            now);
    Optional<String> featureDrift = forecasts.featureDrift(primaryForecast.id());
    UnifiedPrediction prediction =
        validator.validate(
            symbol,
            primaryForecast.forecast().direction(),
            scores,
            featureDrift.map(UnifiedPredictionService::featureShift));
    return new Made(prediction, primaryForecast, featureDrift);
  }

  /** The feature shift a stored {@code feature_drift} describes. */
  static FeatureShift featureShift(String featureDriftJson) {
    try {
      FeatureDrift drift = Json.mapper().readValue(featureDriftJson, FeatureDrift.class);
      return new FeatureShift(drift.shifted().size(), drift.psi().size());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored feature_drift is not readable: %s".formatted(e.getOriginalMessage()), e);
    }
  }

  /**
   * The retraining the symbol's latest stored prediction asks for now (its reason when it set the
   * trigger, or its next retraining date when that has come), as {@link
   * DailyStep#retrainingTrigger} reads it; empty without a stored prediction or when none is asked
   * for. A deferred retraining is acted on only while this still holds.
   */
  public Optional<String> currentRetrainingTrigger(String symbol) {
    return DailyStep.retrainingTrigger(
        predictions.latest(symbol).map(StoredPrediction::prediction), clock.instant());
  }

  /** Consecutive days before today whose last stored prediction had drift above 50 %. */
  int persistentDriftDays(String symbol, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Map<LocalDate, Double> daily = new LinkedHashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT DISTINCT ON (day) day, drift_magnitude
                      FROM (SELECT (as_of AT TIME ZONE 'UTC')::date AS day, drift_magnitude,
                                   as_of, id
                              FROM unified_predictions
                             WHERE symbol = :symbol AND as_of < :today AND as_of >= :since) d
                     ORDER BY day, as_of DESC, id DESC
                    """)
                .bind("symbol", symbol)
                .bind("today", today.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
                .bind("since", today.minusDays(400).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getObject("day", LocalDate.class), rs.getDouble("drift_magnitude")))
                .forEach(e -> daily.put(e.getKey(), e.getValue())));
    return DriftHistory.consecutiveDriftDays(daily, today);
  }
}
