package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.cli.CliRun.Result;
import dev.swiftbolt.config.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train / forecast / evaluate argument handling on an embedded database. */
class MlCliTest {

  @TempDir static Path home;

  private static Result run(String... args) {
    return CliRun.run(home, args);
  }

  @BeforeAll
  static void seed() {
    assertThat(run("symbols", "seed").exitCode()).isZero();
  }

  @Test
  void train_forecast_evaluate_run_end_to_end_on_simulated_bars() throws Exception {
    Result backfill =
        run(
            "backfill",
            "MSFT",
            "--timeframes",
            "D1,W1",
            "--from",
            "2016-01-04",
            "--to",
            "2025-06-30",
            "--source",
            "sim");
    assertThat(backfill.exitCode()).as(backfill.err()).isZero();

    Result train = run("train", "MSFT", "--timeframes", "D1", "--json");
    assertThat(train.exitCode()).as(train.err()).isZero();
    JsonNode t = Json.mapper().readTree(train.out());
    assertThat(t.get("algorithm").asText()).isEqualTo("xgboost");
    assertThat(t.get("walkforward").get("n").asInt()).isGreaterThan(200);
    assertThat(t.get("evaluation_skipped").isNull()).isTrue();
    for (String score : new String[] {"backtest", "walkforward"}) {
      JsonNode s = t.get(score);
      assertThat(s.get("baseline_name").asText())
          .as(score)
          .isIn("majority", "persistence", "chance");
      assertThat(s.get("baselines").get("persistence").isNumber()).as(score).isTrue();
      assertThat(s.get("baseline_accuracy").asDouble()).as(score).isGreaterThanOrEqualTo(1 / 3.0);
    }

    Result forecast = run("forecast", "MSFT", "--timeframes", "D1", "--json");
    assertThat(forecast.exitCode()).as(forecast.err()).isZero();
    JsonNode f = Json.mapper().readTree(forecast.out()).get("forecast");
    assertThat(f.get("p_bull").asDouble() - f.get("p_bear").asDouble())
        .isCloseTo(f.get("score").asDouble(), within(1e-12));

    Result evaluate = run("evaluate", "MSFT", "--timeframes", "D1", "--json");
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    String[] lines = evaluate.out().strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode e = Json.mapper().readTree(lines[0]);
    assertThat(e.get("symbol").asText()).isEqualTo("MSFT");
    assertThat(e.get("timeframe").asText()).isEqualTo("D1");
    for (String score : new String[] {"backtest", "walkforward", "live"}) {
      assertThat(e.get(score).fieldNames())
          .toIterable()
          .as(score)
          .contains(
              "accuracy",
              "n",
              "ci_low",
              "ci_high",
              "baseline_accuracy",
              "baseline_name",
              "baselines");
    }
    assertThat(e.get("walkforward").get("folds")).hasSize(4);
    assertThat(e.get("live_score_source").asText()).isEqualTo("walkforward_proxy");
    assertThat(e.get("calibration").has("brier")).isTrue();
    assertThat(e.get("calibration").has("ece")).isTrue();
  }

  @Test
  void several_threads_print_the_same_evaluations_in_the_same_order_as_one() throws Exception {
    Result backfill =
        run(
            "backfill",
            "AMD,CRWD,GOOGL",
            "--timeframes",
            "D1",
            "--from",
            "2020-01-02",
            "--to",
            "2025-06-30",
            "--source",
            "sim");
    assertThat(backfill.exitCode()).as(backfill.err()).isZero();
    String[] args = {"evaluate", "GOOGL,AMD,CRWD", "--timeframes", "D1,W1", "--json"};
    Result one = run(append(args, "--threads", "1"));
    Result four = run(append(args, "--threads", "4"));
    assertThat(four.exitCode()).isEqualTo(one.exitCode());
    assertThat(withoutTimes(four.out())).isEqualTo(withoutTimes(one.out()));
    assertThat(four.out().strip().split("\n")).hasSize(one.out().strip().split("\n").length);
    JsonNode first = Json.mapper().readTree(four.out().strip().split("\n")[0]);
    assertThat(first.get("symbol").asText() + " " + first.get("timeframe").asText())
        .isEqualTo("GOOGL D1");
  }

  @Test
  void threads_outside_1_to_256_are_refused_with_exit_2() {
    Result r = run("train", "MSFT", "--timeframes", "D1", "--threads", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--threads must be between 1 and 256");
  }

  private static String[] append(String[] args, String... more) {
    String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, out, args.length, more.length);
    return out;
  }

  private static String withoutTimes(String jsonLines) {
    return jsonLines.replaceAll("\"evaluated_at\":\"[^\"]*\"", "");
  }

  @Test
  void a_series_without_bars_fails_with_exit_1_and_the_others_still_run() {
    Result r = run("train", "TSLA", "--timeframes", "D1");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("TSLA D1");
  }

  @Test
  void an_unknown_timeframe_is_exit_2_naming_the_accepted_values() {
    for (String command : new String[] {"train", "forecast", "evaluate"}) {
      Result r = run(command, "AAPL", "--timeframes", "D1,M5");
      assertThat(r.exitCode()).as(command).isEqualTo(2);
      assertThat(r.err()).contains("unknown timeframe 'M5'").contains("M15, H1, H4, D1, W1");
    }
  }

  @Test
  void an_unknown_symbol_is_exit_2_before_any_work() {
    Result r = run("evaluate", "AAPL,ZZZZ", "--timeframes", "D1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown symbol 'ZZZZ'");
    assertThat(r.out()).isEmpty();
  }
}
