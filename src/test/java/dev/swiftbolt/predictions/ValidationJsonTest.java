package dev.swiftbolt.predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.validation.Fixtures;
import dev.swiftbolt.validation.UnifiedPrediction;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationJsonTest {

  static final String SEED_LINE =
      "{\"symbol\":\"AAPL\",\"direction\":\"BULLISH\",\"backtesting_score\":0.988,"
          + "\"walkforward_score\":0.78,\"live_score\":0.40,\"multi_tf_scores\":{\"M15\":-0.48,"
          + "\"H1\":-0.40,\"H4\":-0.40,\"D1\":0.60,\"W1\":0.70},"
          + "\"last_retraining_date\":\"2026-10-29T14:00:00Z\",\"persistent_drift_days\":0,"
          + "\"as_of\":\"2026-11-28T14:00:00Z\"}";

  private final ValidationJson json = new ValidationJson();

  @Test
  void seed_line_parses_to_the_seed_scores() {
    ValidationRequest request = json.parseRequest(SEED_LINE);

    assertThat(request.symbol()).isEqualTo("AAPL");
    assertThat(request.direction()).isEqualTo(Direction.BULLISH);
    assertThat(request.scores())
        .isEqualTo(Fixtures.scores(0.988, 0.78, 0.40, Fixtures.SEED_CONFLICT_SCORES));
  }

  @Test
  void output_has_every_seed_field_and_the_extras_in_snake_case_with_full_precision()
      throws Exception {
    UnifiedPrediction prediction =
        json.parseRequest(SEED_LINE).validateWith(new UnifiedValidator());
    JsonNode out = new ObjectMapper().readTree(json.toJson(prediction));

    List<String> names = new ArrayList<>();
    out.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsSubsequence(
            "symbol",
            "direction",
            "unified_confidence",
            "base_confidence",
            "backtesting_score",
            "walkforward_score",
            "live_score",
            "multi_tf_consensus",
            "drift_detected",
            "drift_magnitude",
            "drift_explanation",
            "timeframe_conflict",
            "conflict_explanation",
            "consensus_direction",
            "hierarchy_weights",
            "recommendation",
            "retraining_trigger",
            "retraining_reason",
            "next_retraining_date",
            "timestamp")
        .contains(
            "backtesting_ci_low",
            "backtesting_ci_high",
            "walkforward_ci_low",
            "walkforward_ci_high",
            "live_ci_low",
            "live_ci_high",
            "drift_significant",
            "drift_p_value",
            "overfit_suspected",
            "overfit_explanation");
    // Full precision: the double reads back bit for bit.
    assertThat(out.get("unified_confidence").doubleValue())
        .isEqualTo(prediction.unifiedConfidence());
    assertThat(out.get("drift_magnitude").doubleValue()).isEqualTo((0.988 - 0.40) / 0.988);
    assertThat(out.get("next_retraining_date").textValue()).isEqualTo("2026-11-28T14:00:00Z");
    assertThat(out.get("timestamp").textValue()).isEqualTo("2026-11-28T14:00:00Z");
    assertThat(out.get("consensus_direction").textValue()).isEqualTo("NEUTRAL");
    assertThat(out.get("hierarchy_weights").get("W1").doubleValue()).isEqualTo(0.5);
    assertThat(out.get("multi_tf_consensus").get("M15").doubleValue()).isEqualTo(-0.48);
    assertThat(out.get("live_ci_low").isNull()).isTrue();
    assertThat(out.get("drift_significant").isNull()).isTrue();
  }

  @Test
  void optional_fields_default_to_empty_timeframes_and_no_drift_history() {
    ValidationRequest request =
        json.parseRequest(
            "{\"symbol\":\"MSFT\",\"direction\":\"bearish\",\"backtesting_score\":1,"
                + "\"walkforward_score\":0.5,\"live_score\":0,\"multi_tf_scores\":null,"
                + "\"last_retraining_date\":\"2026-11-01T00:00:00+01:00\","
                + "\"as_of\":\"2026-11-28T14:00:00Z\",\"live_n\":30}");

    assertThat(request.direction()).isEqualTo(Direction.BEARISH);
    assertThat(request.scores().multiTfScores()).isEmpty();
    assertThat(request.scores().persistentDriftDays()).isZero();
    assertThat(request.scores().liveN()).hasValue(30);
    assertThat(request.scores().backtestingN()).isEmpty();
    assertThat(request.scores().lastRetrainingDate())
        .isEqualTo(java.time.Instant.parse("2026-10-31T23:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json | not valid JSON: ",
        "[1,2] | expected a JSON object, got array",
        "REPLACE backtest_n 30 | unknown field 'backtest_n'; expected only symbol, direction,",
        "REPLACE symbol | symbol is required",
        "REPLACE symbol \"\" | symbol must not be blank",
        "REPLACE direction \"UP\" | unknown direction 'UP'; expected one of BULLISH, NEUTRAL, BEARISH",
        "REPLACE backtesting_score \"0.9\" | backtesting_score must be a number, got string",
        "REPLACE backtesting_score 1e400 | backtesting_score must be a finite number in [0, 1], got Infinity",
        "REPLACE live_score 1.5 | live_score must be a finite number in [0, 1], got 1.5",
        "REPLACE walkforward_score | walkforward_score is required",
        "REPLACE multi_tf_scores {\"M5\":0.5} | multi_tf_scores: unknown timeframe 'M5'; expected one of M15, H1, H4, D1, W1",
        "REPLACE multi_tf_scores {\"H1\":-1.2} | multi_tf_scores.H1 must be a finite number in [-1, 1], got -1.2",
        "REPLACE multi_tf_scores {\"h1\":0.5,\"H1\":0.4} | multi_tf_scores.H1 repeats timeframe H1",
        "REPLACE multi_tf_scores [0.5] | multi_tf_scores must be an object of timeframe to score, got array",
        "REPLACE as_of \"2026-11-28T14:00:00\" | as_of must be an ISO-8601 instant with zone, e.g. 2026-11-28T14:00:00Z, got '2026-11-28T14:00:00'",
        "REPLACE last_retraining_date | last_retraining_date is required",
        "REPLACE persistent_drift_days 2.5 | persistent_drift_days must be an integer, got 2.5",
        "REPLACE persistent_drift_days -3 | persistent_drift_days must be at least 0, got -3",
        "REPLACE backtesting_n 0 | backtesting_n must be at least 1, got 0",
        "REPLACE live_n 99999999999 | live_n must be an integer, got 99999999999",
        "REPLACE symbol \"A\",\"symbol\":\"B\" | not valid JSON: Duplicate field 'symbol'",
      })
  void bad_lines_are_refused_with_the_field_and_rule(String line, String message) {
    String input = line.startsWith("REPLACE ") ? replace(line.substring(8)) : line;

    assertThatThrownBy(() -> json.parseRequest(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message.strip());
  }

  /** The seed line with one field replaced ("field value") or removed ("field"). */
  private static String replace(String spec) {
    int space = spec.indexOf(' ');
    String field = space < 0 ? spec : spec.substring(0, space);
    ObjectMapper mapper = new ObjectMapper();
    try {
      com.fasterxml.jackson.databind.node.ObjectNode node =
          (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(SEED_LINE);
      node.remove(field);
      String rest = node.toString().substring(1);
      if (space < 0) {
        return "{" + rest;
      }
      return "{\"" + field + "\":" + spec.substring(space + 1) + "," + rest;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
