package dev.swiftbolt.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.swiftbolt.predictions.ValidationJson;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationRequest;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code swiftbolt validate}: runs the unified validator over JSON Lines, one answer per input
 * line, in order, streaming (constant memory whatever the input size). No database.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Run the unified validator on JSON Lines, one output object per input line, in order.",
      "Needs no database.",
      "",
      "Required fields: symbol, direction (BULLISH|NEUTRAL|BEARISH), backtesting_score,"
          + " walkforward_score, live_score (accuracies in [0, 1]), last_retraining_date, as_of"
          + " (ISO-8601 instants with zone; as_of is \"now\").",
      """
      Optional fields: multi_tf_scores (object of M15|H1|H4|D1|W1 to a score in [-1, 1]; \
      default {}), persistent_drift_days (consecutive days with drift > 50%%; default 0), \
      backtesting_n, walkforward_n, live_n (sample sizes >= 1; when given, the output has \
      Wilson 95%% intervals, a drift significance test and an overfitting test, otherwise those \
      fields are null). Unknown fields are refused.""",
      "",
      "A line that cannot be validated yields {\"line\": N, \"error\": \"...\"} in its place; the"
          + " other lines are still answered.",
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every line was validated",
      "1:at least one line failed (see its error object)",
      "2:bad usage, or the input file cannot be read"
    },
    footerHeading = "%nExample (examples/validate-seed.jsonl holds this object on one line):%n",
    footer = {
      "  {\"symbol\":\"AAPL\",\"direction\":\"BULLISH\",",
      "   \"backtesting_score\":0.988,\"walkforward_score\":0.78,\"live_score\":0.40,",
      "   \"multi_tf_scores\":{\"M15\":-0.48,\"H1\":-0.40,\"H4\":-0.40,\"D1\":0.60,\"W1\":0.70},",
      "   \"last_retraining_date\":\"2026-10-29T14:00:00Z\",\"persistent_drift_days\":0,",
      "   \"as_of\":\"2026-11-28T14:00:00Z\"}",
      "",
      "  swiftbolt validate --input examples/validate-seed.jsonl",
      "  cat many.jsonl | swiftbolt validate > predictions.jsonl",
    })
public final class ValidateCommand implements Callable<Integer> {

  private static final int BUFFER_CHARS = 1 << 16;

  @Spec CommandSpec spec;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "JSON Lines to validate; - reads standard input (default: ${DEFAULT-VALUE})")
  String input;

  @Override
  public Integer call() throws IOException {
    ValidationJson json = new ValidationJson();
    UnifiedValidator validator = new UnifiedValidator();
    long lines = 0;
    long failures = 0;
    try (BufferedReader in = new BufferedReader(openInput(), BUFFER_CHARS)) {
      Writer out = new BufferedWriter(spec.commandLine().getOut(), BUFFER_CHARS);
      JsonGenerator generator = json.factory().createGenerator(out);
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      generator.setRootValueSeparator(null);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines++;
        try {
          ValidationRequest request = json.parseRequest(line);
          json.writePrediction(generator, request.validateWith(validator));
        } catch (IllegalArgumentException e) {
          failures++;
          json.writeLineError(generator, lines, e.getMessage());
        }
        generator.writeRaw('\n');
      }
      generator.close();
      out.flush();
    }
    if (failures > 0) {
      spec.commandLine()
          .getErr()
          .printf("validate: %d of %d lines failed%n", failures, lines)
          .flush();
      return 1;
    }
    return 0;
  }

  private Reader openInput() throws IOException {
    if ("-".equals(input)) {
      return new InputStreamReader(System.in, StandardCharsets.UTF_8);
    }
    try {
      return new InputStreamReader(Files.newInputStream(Path.of(input)), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--input: no such file: " + input, e);
    }
  }
}
