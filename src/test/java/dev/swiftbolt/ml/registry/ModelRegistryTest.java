package dev.swiftbolt.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.EvaluationReport;
import dev.swiftbolt.ml.evaluation.Forecast;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.evaluation.LiveResolution;
import dev.swiftbolt.ml.evaluation.LiveScore;
import dev.swiftbolt.ml.evaluation.NaiveBaselines;
import dev.swiftbolt.ml.evaluation.Score;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.models.MajorityModel;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.NewModel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {
  private static Database db;
  private static ModelRegistry registry;
  private static ForecastRepository forecasts;
  private static final Instant T0 = Instant.parse("2026-01-05T14:30:00Z");

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    registry = new ModelRegistry(db.jdbi());
    forecasts = new ForecastRepository(db.jdbi());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static long symbol(String code) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "INSERT INTO symbols (symbol, name, exchange) VALUES (:s, :s, 'NASDAQ')"
                            + " RETURNING id")
                    .bind("s", code)
                    .mapTo(Long.class)
                    .one());
  }

  private static NewModel model(long symbolId, Instant trainedAt, String method, double[] params) {
    return new NewModel(
        symbolId,
        Timeframe.D1,
        ModelKind.MAJORITY,
        "{\"kind\":\"majority\"}",
        FeatureBuilder.FEATURE_NAMES,
        5,
        T0,
        T0.plusSeconds(86_400 * 300L),
        trainedAt,
        "{\"walkforward\":{\"accuracy\":0.4}}",
        method,
        params,
        new MajorityModel(new double[] {0.5, 0.3, 0.2}).toBytes());
  }

  @Test
  void registering_a_model_makes_it_the_only_active_one_and_its_trained_at_the_retraining_date() {
    long s = symbol("REGA");
    long first = registry.register(model(s, T0, "none", new double[0]));
    long second = registry.register(model(s, T0.plusSeconds(3600), "none", new double[0]));
    assertThat(registry.active(s, Timeframe.D1).orElseThrow().id()).isEqualTo(second);
    assertThat(registry.lastTrainedAt(s, Timeframe.D1)).contains(T0.plusSeconds(3600));
    assertThat(registry.history(s, Timeframe.D1))
        .extracting(RegisteredModel::id, RegisteredModel::active)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(second, true),
            org.assertj.core.groups.Tuple.tuple(first, false));
    assertThat(registry.active(s, Timeframe.H1)).isEmpty();
  }

  @Test
  void a_promoted_challenger_retires_the_champion_and_a_rejected_one_stays_beside_it() {
    long s = symbol("REGS");
    long first = registry.register(model(s, T0, "none", new double[0]));
    long promoted =
        registry.register(
            model(s, T0.plusSeconds(3600), "none", new double[0]),
            new Registration(
                Forecaster.PERSISTENCE,
                Optional.of("{\"p_value\":0.41}"),
                ModelStatus.CHAMPION,
                Optional.of("promoted: the champion has only 3 resolved forecasts")));
    long rejected =
        registry.register(
            model(s, T0.plusSeconds(7200), "none", new double[0]),
            new Registration(
                Forecaster.XGBOOST,
                Optional.empty(),
                ModelStatus.REJECTED,
                Optional.of("rejected: walk-forward 0.400 vs champion's out-of-sample 0.600")));
    assertThat(registry.active(s, Timeframe.D1).orElseThrow().id()).isEqualTo(promoted);
    assertThat(registry.history(s, Timeframe.D1))
        .extracting(
            RegisteredModel::id,
            RegisteredModel::status,
            RegisteredModel::active,
            RegisteredModel::forecaster,
            m -> m.parentModelId().isPresent() ? m.parentModelId().getAsLong() : null)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                rejected, ModelStatus.REJECTED, false, Forecaster.XGBOOST, promoted),
            org.assertj.core.groups.Tuple.tuple(
                promoted, ModelStatus.CHAMPION, true, Forecaster.PERSISTENCE, first),
            org.assertj.core.groups.Tuple.tuple(
                first, ModelStatus.RETIRED, false, Forecaster.XGBOOST, null));
    RegisteredModel loser = registry.history(s, Timeframe.D1).get(0);
    assertThat(loser.statusReason())
        .contains("rejected: walk-forward 0.400 vs champion's out-of-sample 0.600");
    assertThat(registry.history(s, Timeframe.D1).get(1).selectionJson())
        .contains("{\"p_value\": 0.41}");
  }

  /**
   * The registration path retraining uses tells the listener of a promoted challenger, with the
   * champion it replaced, inside the transaction; a rejected challenger changes what is issued in
   * nothing and is not announced.
   */
  @Test
  void the_listener_hears_of_promoted_challengers_with_the_champion_replaced_but_not_of_rejected() {
    List<long[]> heard = new java.util.ArrayList<>();
    ModelRegistry listened =
        new ModelRegistry(
            db.jdbi(),
            (handle, modelId, symbolId, timeframe, replaced) ->
                heard.add(new long[] {modelId, replaced.orElse(-1L)}));
    long s = symbol("REGL");
    long first = listened.register(model(s, T0, "none", new double[0]));
    long rejected =
        listened.register(
            model(s, T0.plusSeconds(3600), "none", new double[0]),
            new Registration(
                Forecaster.XGBOOST,
                Optional.empty(),
                ModelStatus.REJECTED,
                Optional.of("rejected: walk-forward 0.400 vs champion's out-of-sample 0.600")));
    long promoted =
        listened.register(
            model(s, T0.plusSeconds(7200), "none", new double[0]),
            new Registration(
                Forecaster.PERSISTENCE,
                Optional.empty(),
                ModelStatus.CHAMPION,
                Optional.of("promoted: the champion has only 3 resolved forecasts")));
    assertThat(heard)
        .containsExactly(new long[] {first, -1L}, new long[] {promoted, first})
        .noneMatch(h -> h[0] == rejected);
  }

  @Test
  void a_registered_model_reads_back_with_its_artifact_features_and_calibration() {
    long s = symbol("REGB");
    double[] platt = {1.1, -0.2, 0.9, 0.1, 1.0, 0.0};
    registry.register(model(s, T0, "platt", platt));
    RegisteredModel m = registry.active(s, Timeframe.D1).orElseThrow();
    assertThat(m.features()).isEqualTo(FeatureBuilder.FEATURE_NAMES);
    assertThat(m.calibrationParams()).containsExactly(platt);
    assertThat(m.calibrator().isIdentity()).isFalse();
    assertThat(m.artifactFormat()).isEqualTo("class-frequencies-f64x3");
    assertThat(m.model().predict(null, new int[] {0})[0]).containsExactly(0.5, 0.3, 0.2);
    assertThat(m.horizonBars()).isEqualTo(5);
  }

  @Test
  void storing_a_forecast_twice_keeps_one_row_and_resolution_is_recorded_once() {
    long s = symbol("FCA");
    long modelId = registry.register(model(s, T0, "none", new double[0]));
    Forecast f = Forecast.of(T0, 5, new double[] {0.5, 0.3, 0.2});
    long id = forecasts.store(modelId, s, Timeframe.D1, f, T0.plusSeconds(60), true);
    assertThat(forecasts.store(modelId, s, Timeframe.D1, f, T0.plusSeconds(120), true))
        .isEqualTo(id);
    assertThat(forecasts.unresolvedLive(s, Timeframe.D1))
        .extracting(StoredForecast::id)
        .containsExactly(id);
    LiveResolution.Resolved r =
        new LiveResolution.Resolved(T0.plusSeconds(9999), Direction.BEARISH, false);
    assertThat(forecasts.resolve(id, r)).isTrue();
    assertThat(forecasts.resolve(id, r)).isFalse();
    assertThat(forecasts.unresolvedLive(s, Timeframe.D1)).isEmpty();
    StoredForecast stored = forecasts.latest(s, Timeframe.D1).orElseThrow();
    assertThat(stored.forecast()).isEqualTo(f);
    assertThat(stored.realized()).contains(Direction.BEARISH);
    assertThat(stored.correct()).contains(false);
    assertThat(forecasts.recentOutcomes(s, Timeframe.D1, 30))
        .containsExactly(new LiveScore.Outcome(T0, Direction.BEARISH, false));
  }

  @Test
  void an_evaluation_round_trips_with_its_baselines() {
    long s = symbol("EVB");
    EvaluationRepository evaluations = new EvaluationRepository(db.jdbi());
    Score backtest = Score.of(40, 60, new NaiveBaselines.Hits(60, 12, 30));
    Score walkforward = Score.of(100, 250, new NaiveBaselines.Hits(250, 95, 70));
    Score live = Score.of(10, 30, new NaiveBaselines.Hits(30, 5, 6));
    EvaluationReport report =
        new EvaluationReport(
            "EVB",
            Timeframe.D1,
            backtest,
            new EvaluationReport.WalkForwardSummary(
                walkforward.accuracy(),
                walkforward.n(),
                walkforward.ciLow(),
                walkforward.ciHigh(),
                walkforward.baselineAccuracy(),
                walkforward.baselineName(),
                walkforward.baselines(),
                List.of()),
            live,
            "live",
            new EvaluationReport.CalibrationSummary(0.6, 0.03, 250, "none", 0.6, 0.03, 250),
            T0);
    evaluations.store(s, java.util.OptionalLong.empty(), report);
    EvaluationReport read = evaluations.latest("EVB", s, Timeframe.D1).orElseThrow();
    assertThat(read).isEqualTo(report);
    assertThat(read.backtest().baselineName()).isEqualTo("persistence");
    assertThat(read.walkforward().score().baselineName()).isEqualTo("majority");
    assertThat(read.live().baselineName()).isEqualTo("chance");
  }

  /**
   * A row stored before baselines were named holds only the majority's accuracy: it reads as the
   * majority baseline, lifted to chance where it was below 1/3, so no old row shows a straw man.
   */
  @Test
  void an_evaluation_stored_before_baselines_were_named_reads_with_a_bar_of_at_least_chance() {
    long s = symbol("EVL");
    String old =
        "{\"accuracy\":0.352,\"n\":247,\"ci_low\":0.294,\"ci_high\":0.414,"
            + "\"baseline_accuracy\":%s%s}";
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO model_evaluations (symbol_id, timeframe, evaluated_at,"
                            + " backtest, walkforward, live, live_score_source, calibration)"
                            + " VALUES (:s, 'D1', now(), :bt::jsonb, :wf::jsonb, :live::jsonb,"
                            + " 'walkforward_proxy', :cal::jsonb)")
                    .bind("s", s)
                    .bind("bt", old.formatted("0.4", ""))
                    .bind(
                        "wf",
                        old.formatted(
                            "0.243",
                            ",\"folds\":[{\"fold\":1,\"test_from\":\"2026-01-05T14:30:00Z\","
                                + "\"test_to\":\"2026-03-31T14:30:00Z\",\"training_rows\":900,"
                                + "\"accuracy\":0.36,\"n\":60,\"ci_low\":0.25,\"ci_high\":0.48,"
                                + "\"baseline_accuracy\":0.2}]"))
                    .bind("live", old.formatted("0.243", ""))
                    .bind(
                        "cal",
                        "{\"brier\":0.6,\"ece\":0.03,\"n\":247,\"method\":\"none\","
                            + "\"calibrated_brier\":0.6,\"calibrated_ece\":0.03,"
                            + "\"calibrated_n\":247}")
                    .execute());
    EvaluationReport read =
        new EvaluationRepository(db.jdbi()).latest("EVL", s, Timeframe.D1).orElseThrow();
    assertThat(read.backtest().baselineAccuracy()).isEqualTo(0.4);
    assertThat(read.backtest().baselineName()).isEqualTo("majority");
    Score wf = read.walkforward().score();
    assertThat(wf.baselineAccuracy()).isEqualTo(1 / 3.0);
    assertThat(wf.baselineName()).isEqualTo("chance");
    assertThat(wf.baselines()).containsExactly(java.util.Map.entry("majority", 0.243));
    assertThat(read.walkforward().folds().get(0).baselineName()).isEqualTo("chance");
    assertThat(read.live().baselineName()).isEqualTo("chance");
  }

  @Test
  void only_live_forecasts_are_resolved_and_counted() {
    long s = symbol("FCB");
    long modelId = registry.register(model(s, T0, "none", new double[0]));
    forecasts.store(
        modelId, s, Timeframe.D1, Forecast.of(T0, 5, new double[] {0.2, 0.3, 0.5}), T0, false);
    assertThat(forecasts.unresolvedLive(s, Timeframe.D1)).isEmpty();
    assertThat(forecasts.recent(s, Timeframe.D1, 10)).hasSize(1);
    assertThat(forecasts.recentOutcomes(s, Timeframe.D1, 30)).isEqualTo(List.of());
  }
}
