package dev.swiftbolt.predictions;

import static dev.swiftbolt.validation.Fixtures.AS_OF;
import static dev.swiftbolt.validation.Fixtures.SEED_CONFLICT_SCORES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.validation.Baseline;
import dev.swiftbolt.validation.Fixtures;
import dev.swiftbolt.validation.PredictionBaselines;
import dev.swiftbolt.validation.UnifiedPrediction;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationScores;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code unified_predictions} on a real embedded PostgreSQL. */
class UnifiedPredictionRepositoryTest {

  private static Database database;
  private static UnifiedPredictionRepository repository;
  private final UnifiedValidator validator = new UnifiedValidator();

  @BeforeAll
  static void open() {
    database = TestDatabase.create();
    repository = new UnifiedPredictionRepository(database.jdbi());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void empty() {
    database.jdbi().useHandle(h -> h.execute("DELETE FROM unified_predictions"));
  }

  private UnifiedPrediction predict(String symbol, ValidationScores scores) {
    return validator.validate(symbol, Direction.BULLISH, scores);
  }

  @Test
  void stored_prediction_reads_back_equal_including_the_statistics() {
    UnifiedPrediction prediction =
        predict(
            "AAPL",
            Fixtures.scores(0.988, 0.78, 0.40, SEED_CONFLICT_SCORES)
                .withSampleSizes(1000, 1000, 30)
                .withPersistentDriftDays(3));

    long id = repository.store(prediction);
    StoredPrediction stored = repository.latest("AAPL").orElseThrow();

    assertThat(stored.id()).isEqualTo(id);
    assertThat(stored.prediction()).isEqualTo(prediction);
  }

  @Test
  void the_baselines_of_its_three_scores_read_back_with_their_names_and_order() {
    PredictionBaselines baselines =
        new PredictionBaselines(
            Baseline.strongest(Map.of("persistence", 0.41, "majority", 0.36)),
            Baseline.strongest(Map.of("majority", 0.38, "persistence", 0.35)),
            Baseline.strongest(Map.of("majority", 0.2, "persistence", 0.3)));
    UnifiedPrediction prediction = predict("AAPL", Fixtures.scores(0.6, 0.55, 0.5));

    repository.store(prediction, Optional.of("live"), Optional.of(baselines));
    StoredPrediction stored = repository.latest("AAPL").orElseThrow();

    assertThat(stored.baselines()).contains(baselines);
    assertThat(stored.baselines().orElseThrow().backtesting().name()).isEqualTo("persistence");
    assertThat(stored.baselines().orElseThrow().live().name()).isEqualTo("chance");
    assertThat(stored.baselines().orElseThrow().live().accuracy()).isEqualTo(1 / 3.0);
    assertThat(stored.baselines().orElseThrow().backtesting().baselines().keySet())
        .containsExactly("majority", "persistence");
    String json = new ValidationJson().toJson(stored);
    assertThat(json)
        .contains(
            "\"backtesting_baseline_accuracy\":0.41,\"backtesting_baseline_name\":\"persistence\","
                + "\"backtesting_baselines\":{\"majority\":0.36,\"persistence\":0.41}")
        .contains("\"live_baseline_name\":\"chance\"");
  }

  @Test
  void a_prediction_stored_without_baselines_has_none_and_says_so_in_json() {
    repository.store(predict("AAPL", Fixtures.scores(0.6, 0.55, 0.5)));
    StoredPrediction stored = repository.latest("AAPL").orElseThrow();
    assertThat(stored.baselines()).isEmpty();
    assertThat(new ValidationJson().toJson(stored))
        .contains("\"walkforward_baseline_accuracy\":null,\"walkforward_baseline_name\":null")
        .contains("\"live_baselines\":null");
  }

  @Test
  void an_unknown_baseline_name_or_a_partial_baseline_is_refused_by_the_database() {
    UnifiedPrediction prediction = predict("AAPL", Fixtures.scores(0.6, 0.55, 0.5));
    long id = repository.store(prediction);
    assertThatThrownBy(
            () ->
                database
                    .jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "UPDATE unified_predictions SET live_baseline_name = 'oracle',"
                                    + " live_baseline_accuracy = 0.5, live_baselines = '{}'"
                                    + " WHERE id = ?",
                                id)))
        .hasMessageContaining("live_baseline_name");
    assertThatThrownBy(
            () ->
                database
                    .jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "UPDATE unified_predictions SET live_baseline_name = 'chance'"
                                    + " WHERE id = ?",
                                id)))
        .hasMessageContaining("unified_predictions_baselines_together");
  }

  @Test
  void prediction_without_sample_sizes_or_timeframes_reads_back_equal() {
    UnifiedPrediction prediction = predict("AAPL", Fixtures.scores(0.5, 0.5, 0.5));

    repository.store(prediction);

    assertThat(repository.latest("AAPL").orElseThrow().prediction()).isEqualTo(prediction);
  }

  @Test
  void latest_is_the_greatest_as_of_and_then_the_last_stored() {
    ValidationScores older =
        ValidationScores.of(
            0.9,
            0.9,
            0.9,
            Map.of(),
            AS_OF.minus(Duration.ofDays(40)),
            AS_OF.minus(Duration.ofDays(1)));
    repository.store(predict("AAPL", Fixtures.scores(0.6, 0.6, 0.6)));
    long newestId = repository.store(predict("AAPL", Fixtures.scores(0.7, 0.7, 0.7)));
    repository.store(predict("AAPL", older)); // stored last, but for an earlier as_of
    repository.store(predict("MSFT", Fixtures.scores(0.5, 0.5, 0.5)));

    StoredPrediction latest = repository.latest("AAPL").orElseThrow();
    assertThat(latest.id()).isEqualTo(newestId);
    assertThat(latest.prediction().backtestingScore()).isEqualTo(0.7);
    assertThat(repository.latest("TSLA")).isEmpty();

    List<StoredPrediction> perSymbol = repository.latestPerSymbol();
    assertThat(perSymbol).extracting(s -> s.prediction().symbol()).containsExactly("AAPL", "MSFT");
    assertThat(perSymbol.get(0).id()).isEqualTo(newestId);
  }

  @Test
  void database_error_surfaces_with_the_database_message_and_stores_nothing() {
    // 101 characters: valid for the validator, refused by the table's CHECK constraint.
    UnifiedPrediction tooLong = predict("X".repeat(101), Fixtures.scores(0.5, 0.5, 0.5));

    assertThatThrownBy(() -> repository.store(tooLong))
        .isInstanceOf(PredictionStorageException.class)
        .hasMessageStartingWith("Failed to store prediction: ERROR: new row for relation")
        .hasMessageContaining("unified_predictions_symbol_check");
    long rows =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM unified_predictions")
                        .mapTo(Long.class)
                        .one());
    assertThat(rows).isZero();
  }
}
