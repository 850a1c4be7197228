package dev.swiftbolt.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.predictions.ValidationJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Speed of {@link UnifiedValidator#validate} and of the JSON codec around it.
 *
 * <p>Run: {@code ./mvnw -q test-compile} then {@code java -cp
 * target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath
 * -Dmdep.outputFile=/dev/stdout) dev.swiftbolt.validation.UnifiedValidatorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UnifiedValidatorBenchmark {

  private static final Instant AS_OF = Instant.parse("2026-11-28T14:00:00Z");

  private final UnifiedValidator validator = new UnifiedValidator();
  private final ValidationJson json = new ValidationJson();
  private final ObjectMapper mapper = new ObjectMapper();

  private final ValidationScores seedScores =
      ValidationScores.of(
          0.988,
          0.78,
          0.40,
          Map.of(
              Timeframe.M15, -0.48,
              Timeframe.H1, -0.40,
              Timeframe.H4, -0.40,
              Timeframe.D1, 0.60,
              Timeframe.W1, 0.70),
          AS_OF.minus(Duration.ofDays(30)),
          AS_OF);

  private final ValidationScores withSampleSizes = seedScores.withSampleSizes(1000, 1000, 30);

  private final String seedLine =
      "{\"symbol\":\"AAPL\",\"direction\":\"BULLISH\",\"backtesting_score\":0.988,"
          + "\"walkforward_score\":0.78,\"live_score\":0.40,\"multi_tf_scores\":{\"M15\":-0.48,"
          + "\"H1\":-0.40,\"H4\":-0.40,\"D1\":0.60,\"W1\":0.70},"
          + "\"last_retraining_date\":\"2026-10-29T14:00:00Z\",\"persistent_drift_days\":0,"
          + "\"as_of\":\"2026-11-28T14:00:00Z\"}";

  @Benchmark
  public UnifiedPrediction validate_seed_example() {
    return validator.validate("AAPL", Direction.BULLISH, seedScores);
  }

  @Benchmark
  public UnifiedPrediction validate_with_sample_sizes() {
    return validator.validate("AAPL", Direction.BULLISH, withSampleSizes);
  }

  @Benchmark
  public String parse_validate_and_write_one_json_line() {
    return json.toJson(json.parseRequest(seedLine).validateWith(validator));
  }

  /** Reference for the line above: Jackson alone parsing the same line and writing it back. */
  @Benchmark
  public String reference_jackson_parse_and_write_same_line() throws IOException {
    return mapper.writeValueAsString(mapper.readTree(seedLine));
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(
            new OptionsBuilder().include(UnifiedValidatorBenchmark.class.getSimpleName()).build())
        .run();
  }
}
