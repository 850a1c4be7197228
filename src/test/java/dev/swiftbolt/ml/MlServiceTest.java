package dev.swiftbolt.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.evaluation.EvaluationReport;
import dev.swiftbolt.ml.evaluation.Forecast;
import dev.swiftbolt.ml.evaluation.ForecastOutcome;
import dev.swiftbolt.ml.evaluation.LiveScore;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import dev.swiftbolt.ml.features.LabelConfig;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.ml.features.Labels;
import dev.swiftbolt.ml.models.NewModel;
import dev.swiftbolt.ml.registry.BarReader;
import dev.swiftbolt.ml.registry.EvaluationRepository;
import dev.swiftbolt.ml.registry.ForecastRepository;
import dev.swiftbolt.ml.registry.ModelRegistry;
import dev.swiftbolt.ml.registry.RegisteredModel;
import dev.swiftbolt.ml.registry.StoredForecast;
import dev.swiftbolt.predictions.StoredPrediction;
import dev.swiftbolt.predictions.StoredPredictions;
import dev.swiftbolt.symbols.UnknownSymbolException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service over real PostgreSQL. Bars come from a {@link BarReader} over a seeded simulated
 * daily series of which the first {@code visible} bars "exist", so tests can let time pass.
 */
class MlServiceTest {
  private static final List<Bar> DAILY = SyntheticBars.autoregressive(77, 1400, 0.05, 0.01);
  private static Database db;

  private int visible = 1300;
  private Instant now = Instant.parse("2026-11-28T12:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private final BarReader reader =
      (symbolId, tf) -> {
        List<Bar> daily = DAILY.subList(0, visible);
        return switch (tf) {
          case D1 -> daily;
          case W1 -> SyntheticBars.weekly(daily);
          default -> List.of();
        };
      };

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private MlService service() {
    return new MlService(db.jdbi(), reader, MlSettings.defaults(), clock);
  }

  private static void symbol(String code) {
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO symbols (symbol, name, exchange) VALUES (?, ?, 'NASDAQ')",
                    code,
                    code));
  }

  @Test
  void train_registers_an_active_model_with_its_window_metrics_and_trained_at() {
    symbol("TRN");
    TrainingOutcome t = service().train("TRN", Timeframe.D1);
    RegisteredModel m =
        new ModelRegistry(db.jdbi()).active(idOf("TRN"), Timeframe.D1).orElseThrow();
    assertThat(m.id()).isEqualTo(t.modelId());
    assertThat(m.trainedAt()).isEqualTo(now);
    assertThat(m.horizonBars()).isEqualTo(5);
    // labelled rows: from the first feature row to the last bar with 5 bars after it. The first
    // row is the first bar ≥ 60 whose close (ts + 1 day) is at or after the moment the 20th
    // weekly context bar became final (its ts + 7 days).
    Instant twentiethWeekFinal =
        SyntheticBars.weekly(DAILY).get(19).ts().plus(java.time.Duration.ofDays(7));
    int first = 60;
    while (DAILY.get(first).ts().plus(java.time.Duration.ofDays(1)).isBefore(twentiethWeekFinal)) {
      first++;
    }
    assertThat(m.trainFrom()).isEqualTo(DAILY.get(first).ts());
    assertThat(m.trainTo()).isEqualTo(DAILY.get(visible - 1 - 5).ts());
    assertThat(t.trainingRows()).isEqualTo(visible - 5 - first);
    JsonNode metrics = read(m.metricsJson());
    assertThat(metrics.get("walkforward").get("folds")).hasSize(4);
    assertThat(metrics.get("backtest").get("n").asInt()).isEqualTo(t.backtest().orElseThrow().n());
    assertThat(t.evaluationSkipped()).isEmpty();
    assertThat(metrics.has("linear_walkforward")).isTrue();
    assertThat(m.calibrationMethod()).isEqualTo(t.calibrationMethod());
  }

  /**
   * A series that issues a naive forecaster registers no full-history fit: its forecasts come from
   * the walk-forward's frequencies in its metrics, so nothing reads an artifact. Seed 3's random
   * walk issues a naive forecaster (the model does not beat it by the paired test).
   */
  @Test
  void a_naive_champion_is_registered_without_a_fitted_artifact_and_still_forecasts() {
    symbol("NAIVE");
    List<Bar> walk = SyntheticBars.randomWalk(3, 1300);
    BarReader walkReader =
        (symbolId, tf) ->
            switch (tf) {
              case D1 -> walk;
              case W1 -> SyntheticBars.weekly(walk);
              default -> List.of();
            };
    MlService naive = new MlService(db.jdbi(), walkReader, MlSettings.defaults(), clock);
    TrainingOutcome t = naive.train("NAIVE", Timeframe.D1);
    RegisteredModel m =
        new ModelRegistry(db.jdbi()).active(idOf("NAIVE"), Timeframe.D1).orElseThrow();
    assertThat(m.id()).isEqualTo(t.modelId());
    assertThat(m.forecaster().naive()).as("seed 3's walk issues %s", m.forecaster()).isTrue();
    assertThat(m.artifactFormat()).isEqualTo(NewModel.NO_ARTIFACT);
    assertThat(m.artifact()).isEmpty();
    assertThatThrownBy(m::model)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("naive forecaster");
    ForecastOutcome f = naive.forecast("NAIVE", Timeframe.D1, false);
    assertThat(f.forecast().barTs()).isEqualTo(walk.get(walk.size() - 1).ts());
    Forecast p = f.forecast();
    assertThat(p.pBull() + p.pNeutral() + p.pBear()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void forecast_trains_when_needed_and_stores_probabilities_at_the_latest_bar() {
    symbol("FCS");
    ForecastOutcome f = service().forecast("FCS", Timeframe.D1, true);
    assertThat(f.trainedFirst()).isTrue();
    assertThat(f.forecast().barTs()).isEqualTo(DAILY.get(visible - 1).ts());
    assertThat(f.forecast().horizonBars()).isEqualTo(5);
    Forecast p = f.forecast();
    assertThat(p.pBull() + p.pNeutral() + p.pBear()).isCloseTo(1.0, within(1e-9));
    assertThat(p.score()).isCloseTo(p.pBull() - p.pBear(), within(1e-12));
    ForecastOutcome again = service().forecast("FCS", Timeframe.D1, true);
    assertThat(again.trainedFirst()).isFalse();
    assertThat(again.forecastId()).isEqualTo(f.forecastId());
  }

  @Test
  void a_live_forecast_resolves_once_its_horizon_bar_exists() {
    symbol("RES");
    MlService service = service();
    service.forecast("RES", Timeframe.D1, true);
    visible += 4;
    assertThat(service.resolve("RES", Timeframe.D1)).isZero();
    visible += 1;
    now = now.plusSeconds(3600);
    assertThat(service.resolve("RES", Timeframe.D1)).isEqualTo(1);
    StoredForecast stored =
        new ForecastRepository(db.jdbi()).recent(idOf("RES"), Timeframe.D1, 1).get(0);
    assertThat(stored.resolvedAt()).contains(now);
    Labels labels = new Labeler(LabelConfig.defaults()).label(DAILY, Timeframe.D1);
    assertThat(stored.realized()).isEqualTo(labels.direction(1299));
  }

  @Test
  void a_stored_unified_prediction_resolves_once_its_horizon_has_passed_and_only_once() {
    symbol("UNI");
    MlService service = service();
    service.forecast("UNI", Timeframe.D1, true);
    service.evaluate("UNI", Timeframe.D1);
    UnifiedPredictionService predictions =
        new UnifiedPredictionService(db.jdbi(), Timeframe.D1, clock);
    var made = predictions.predictAndStore("UNI");
    StoredPrediction stored = new StoredPredictions(db.jdbi()).latest("UNI").orElseThrow();
    assertThat(stored.resolution()).isEmpty();
    // Fewer than 100 outcomes resolved before it (this database has none of its own yet).
    var pc = stored.probabilityCorrect().orElseThrow();
    assertThat(pc.value()).isEmpty();
    assertThat(pc.reason().orElseThrow()).startsWith("only ").endsWith("at least 100 are needed");
    // The primary forecast's feature drift travels with it.
    JsonNode drift = read(stored.featureDriftJson().orElseThrow());
    assertThat(drift.get("window").asInt()).isEqualTo(60);
    assertThat(drift.get("psi")).hasSize(19);

    visible += 4;
    now = now.plusSeconds(3600);
    assertThat(service.resolvePredictions("UNI")).as("horizon bar not there yet").isZero();
    visible += 1;
    now = now.plusSeconds(3600);
    service.resolve("UNI", Timeframe.D1);
    StoredPrediction resolved = new StoredPredictions(db.jdbi()).latest("UNI").orElseThrow();
    Labels labels = new Labeler(LabelConfig.defaults()).label(DAILY, Timeframe.D1);
    var resolution = resolved.resolution().orElseThrow();
    assertThat(Optional.of(resolution.realizedDirection())).isEqualTo(labels.direction(1299));
    assertThat(resolution.correct()).isEqualTo(resolution.realizedDirection() == made.direction());
    assertThat(resolution.resolvedAt()).isEqualTo(now);
    now = now.plusSeconds(3600);
    assertThat(service.resolvePredictions("UNI")).as("idempotent").isZero();
    assertThat(new StoredPredictions(db.jdbi()).latest("UNI").orElseThrow().resolution())
        .contains(resolution);
  }

  @Test
  void evaluate_prints_the_fixed_shape_and_uses_the_walk_forward_proxy_below_ten_resolved() {
    symbol("EVA");
    MlService service = service();
    EvaluationReport r = service.evaluate("EVA", Timeframe.D1);
    assertThat(r.liveScoreSource()).isEqualTo("walkforward_proxy");
    assertThat(r.live()).isEqualTo(r.walkforward().score());
    JsonNode json = read(write(r));
    assertThat(json.has("symbol") && json.has("timeframe") && json.has("calibration")).isTrue();
    for (String score : List.of("backtest", "walkforward", "live")) {
      assertThat(json.get(score).has("accuracy")).as(score).isTrue();
      assertThat(json.get(score).has("n")).isTrue();
      assertThat(json.get(score).has("ci_low")).isTrue();
      assertThat(json.get(score).has("ci_high")).isTrue();
      assertThat(json.get(score).has("baseline_accuracy")).isTrue();
      assertThat(json.get(score).get("baseline_name").asText())
          .isIn("majority", "persistence", "chance");
      assertThat(json.get(score).get("baselines").has("majority")).isTrue();
      assertThat(json.get(score).get("baselines").has("persistence")).isTrue();
      assertThat(json.get(score).get("baseline_accuracy").asDouble())
          .isGreaterThanOrEqualTo(1 / 3.0);
    }
    for (JsonNode fold : json.get("walkforward").get("folds")) {
      assertThat(fold.get("baseline_name").asText()).isIn("majority", "persistence", "chance");
      assertThat(fold.get("baselines").size()).isEqualTo(2);
    }
    assertThat(json.get("walkforward").get("folds")).hasSize(4);
    assertThat(json.get("timeframe").asText()).isEqualTo("D1");
    assertThat(new EvaluationRepository(db.jdbi()).latest("EVA", idOf("EVA"), Timeframe.D1))
        .contains(r);
  }

  @Test
  void with_ten_resolved_live_forecasts_the_live_score_is_their_accuracy() {
    symbol("LIV");
    MlService service = service();
    for (int i = 0; i < 10; i++) {
      service.forecast("LIV", Timeframe.D1, true);
      visible++;
    }
    visible += 5;
    EvaluationReport r = service.evaluate("LIV", Timeframe.D1);
    assertThat(r.liveScoreSource()).isEqualTo("live");
    assertThat(r.live().n()).isEqualTo(10);
    long correct =
        new ForecastRepository(db.jdbi())
            .recentOutcomes(idOf("LIV"), Timeframe.D1, 30).stream()
                .filter(LiveScore.Outcome::correct)
                .count();
    assertThat(r.live().accuracy()).isEqualTo(correct / 10.0);
    // the live baselines are scored on the same 10 forecasts, against their realised directions
    List<LiveScore.Outcome> outcomes =
        new ForecastRepository(db.jdbi()).recentOutcomes(idOf("LIV"), Timeframe.D1, 30);
    Labels labels = new Labeler(LabelConfig.defaults()).label(DAILY, Timeframe.D1);
    long persistence =
        outcomes.stream()
            .filter(o -> labels.direction(barOf(o.barTs()) - 5).orElseThrow() == o.realized())
            .count();
    assertThat(r.live().baselines()).containsEntry("persistence", persistence / 10.0);
  }

  @Test
  void the_live_majority_baseline_is_the_training_majority_of_the_model_that_forecast()
      throws Exception {
    symbol("MAJ");
    MlService service = service();
    for (int i = 0; i < 10; i++) {
      service.forecast("MAJ", Timeframe.D1, true);
      visible++;
    }
    visible += 5;
    assertThat(service.resolve("MAJ", Timeframe.D1)).isEqualTo(10);
    List<LiveScore.Outcome> outcomes =
        new ForecastRepository(db.jdbi()).recentOutcomes(idOf("MAJ"), Timeframe.D1, 30);
    RegisteredModel model =
        new ModelRegistry(db.jdbi()).active(idOf("MAJ"), Timeframe.D1).orElseThrow();
    Direction trained =
        Direction.parse(Json.mapper().readTree(model.metricsJson()).get("majority_class").asText());
    // Record another class as the model's training majority, one the ten outcomes hit a different
    // number of times (ten outcomes cannot hit three classes equally often): as if the model had
    // been trained on a window where that class led. Today's labels still lead with `trained`.
    Direction recorded =
        java.util.Arrays.stream(Direction.values())
            .filter(d -> d != trained && hits(outcomes, d) != hits(outcomes, trained))
            .findFirst()
            .orElseThrow();
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE models SET metrics = jsonb_set(metrics, '{majority_class}', to_jsonb(?::text))"
                        + " WHERE id = ?",
                    recorded.name(),
                    model.id()));

    EvaluationReport r = service.evaluate("MAJ", Timeframe.D1);

    assertThat(r.liveScoreSource()).isEqualTo("live");
    assertThat(r.live().baselines()).containsEntry("majority", hits(outcomes, recorded) / 10.0);
  }

  private static long hits(List<LiveScore.Outcome> outcomes, Direction direction) {
    return outcomes.stream().filter(o -> o.realized() == direction).count();
  }

  private static int barOf(java.time.Instant ts) {
    for (int i = 0; i < DAILY.size(); i++) {
      if (DAILY.get(i).ts().equals(ts)) {
        return i;
      }
    }
    throw new AssertionError("no bar at " + ts);
  }

  @Test
  void an_unknown_symbol_is_bad_input() {
    assertThatThrownBy(() -> service().train("NOPE", Timeframe.D1))
        .isInstanceOf(UnknownSymbolException.class);
  }

  @Test
  void fewer_labelled_rows_than_the_minimum_is_an_operation_failure_naming_the_count() {
    symbol("SHRT");
    visible = 200;
    assertThatThrownBy(() -> service().train("SHRT", Timeframe.D1))
        .isInstanceOf(InsufficientHistoryException.class)
        .hasMessageContaining("labelled rows; training needs at least 100");
  }

  @Test
  void a_history_too_short_for_the_walk_forward_trains_without_evaluation_and_says_why() {
    symbol("MID");
    visible = 400;
    TrainingOutcome t = service().train("MID", Timeframe.D1);
    assertThat(t.backtest()).isEmpty();
    assertThat(t.walkforward()).isEmpty();
    assertThat(t.evaluationSkipped().orElseThrow()).contains("walk-forward fold 1");
    RegisteredModel m =
        new ModelRegistry(db.jdbi()).active(idOf("MID"), Timeframe.D1).orElseThrow();
    assertThat(m.calibrationMethod()).isEqualTo("none");
    assertThat(read(m.metricsJson()).get("evaluation_skipped").asText())
        .isEqualTo(t.evaluationSkipped().orElseThrow());
    assertThat(service().forecast("MID", Timeframe.D1, true).trainedFirst()).isFalse();
    assertThatThrownBy(() -> service().evaluate("MID", Timeframe.D1))
        .isInstanceOf(InsufficientHistoryException.class);
  }

  private static long idOf(String code) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM symbols WHERE symbol = :s")
                    .bind("s", code)
                    .mapTo(Long.class)
                    .one());
  }

  private static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
