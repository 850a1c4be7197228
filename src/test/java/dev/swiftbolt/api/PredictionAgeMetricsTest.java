package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationScores;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code swiftbolt_predictions_age_seconds}: how stale the freshest and stalest symbols are. */
class PredictionAgeMetricsTest {

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void without_predictions_no_age_is_exported() {
    String text = api.metrics().body();
    assertThat(text)
        .contains("swiftbolt_jobs_queue_depth")
        .doesNotContain("swiftbolt_predictions_age");
  }

  @Test
  void the_age_of_the_freshest_and_of_the_stalest_latest_prediction() {
    Instant now = Instant.now();
    var repository = new UnifiedPredictionRepository(api.database.jdbi());
    // AAPL: an old prediction and one an hour old (its latest); MSFT: three hours old
    repository.store(validated("AAPL", now.minusSeconds(86_400)));
    repository.store(validated("AAPL", now.minusSeconds(3_600)));
    repository.store(validated("MSFT", now.minusSeconds(3 * 3_600)));

    String text = api.metrics().body();

    assertThat(age(text, "newest")).isCloseTo(3_600, within(30.0));
    assertThat(age(text, "oldest")).isCloseTo(3 * 3_600, within(30.0));
    api.database.jdbi().useHandle(h -> h.execute("DELETE FROM unified_predictions"));
  }

  private static double age(String exposition, String which) {
    Matcher m =
        Pattern.compile("swiftbolt_predictions_age_seconds\\{which=\"" + which + "\"} (\\S+)")
            .matcher(exposition);
    assertThat(m.find()).as(exposition).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static dev.swiftbolt.validation.UnifiedPrediction validated(String symbol, Instant asOf) {
    return new UnifiedValidator()
        .validate(
            symbol,
            Direction.BULLISH,
            new ValidationScores(
                0.80,
                0.70,
                0.70,
                Map.of(Timeframe.D1, 0.5, Timeframe.W1, 0.6),
                OptionalInt.of(250),
                OptionalInt.of(400),
                OptionalInt.of(30),
                Instant.parse("2026-11-01T00:00:00Z"),
                0,
                asOf));
  }
}
