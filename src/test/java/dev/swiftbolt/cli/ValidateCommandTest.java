package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code swiftbolt validate} run in-process through picocli, on temporary files. */
class ValidateCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = new CommandLine(new ValidateCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  private List<JsonNode> outputLines() throws IOException {
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String line : out.toString().split("\n", -1)) {
      if (!line.isEmpty()) {
        nodes.add(MAPPER.readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void shipped_seed_example_is_validated_with_exit_0() throws IOException {
    int exit = run("--input", "examples/validate-seed.jsonl");

    assertThat(exit).isZero();
    assertThat(out.toString()).endsWith("}\n");
    List<JsonNode> lines = outputLines();
    assertThat(lines).hasSize(1);
    JsonNode seed = lines.get(0);
    assertThat(seed.get("symbol").textValue()).isEqualTo("AAPL");
    assertThat(seed.get("base_confidence").doubleValue())
        .isEqualTo(0.40 * 0.988 + 0.35 * 0.78 + 0.25 * 0.40);
    assertThat(seed.get("recommendation").textValue())
        .isEqualTo(
            "Low confidence - use wider stops or skip (Drift penalty: -29.8%, Multi-TF conflict:"
                + " -20%)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void bad_lines_are_answered_in_place_and_the_exit_status_is_1() throws IOException {
    String good = Files.readString(Path.of("examples/validate-seed.jsonl")).strip();
    Path input = dir.resolve("mixed.jsonl");
    Files.write(
        input,
        List.of(
            good,
            "{not json",
            good.replace("\"live_score\":0.40", "\"live_score\":1.40"),
            "",
            good.replace("\"AAPL\"", "\"NVDA\"")),
        StandardCharsets.UTF_8);

    int exit = run("--input", input.toString());

    assertThat(exit).isEqualTo(1);
    List<JsonNode> lines = outputLines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).get("symbol").textValue()).isEqualTo("AAPL");
    assertThat(lines.get(1).get("line").intValue()).isEqualTo(2);
    assertThat(lines.get(1).get("error").textValue()).startsWith("not valid JSON: ");
    assertThat(lines.get(2).get("line").intValue()).isEqualTo(3);
    assertThat(lines.get(2).get("error").textValue())
        .isEqualTo("live_score must be a finite number in [0, 1], got 1.4");
    assertThat(lines.get(3).get("line").intValue()).isEqualTo(4);
    assertThat(lines.get(3).get("error").textValue())
        .isEqualTo("empty input; expected a JSON object");
    assertThat(lines.get(4).get("symbol").textValue()).isEqualTo("NVDA");
    assertThat(err.toString()).contains("3 of 5 lines failed");
  }

  @Test
  void empty_input_is_success_with_no_output() throws IOException {
    Path input = Files.createFile(dir.resolve("empty.jsonl"));

    assertThat(run("--input", input.toString())).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void missing_input_file_is_exit_2_naming_the_option_through_main() {
    Main main = new Main();
    CommandLine command = Main.commandLine(main);
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));

    int exit = command.execute("validate", "--input", dir.resolve("nope.jsonl").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: --input: no such file: ").contains("nope.jsonl");
  }

  @Test
  void standard_input_is_read_by_default() throws IOException {
    byte[] input = Files.readAllBytes(Path.of("examples/validate-seed.jsonl"));
    java.io.InputStream original = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(input));
      assertThat(run()).isZero();
    } finally {
      System.setIn(original);
    }

    assertThat(outputLines())
        .singleElement()
        .satisfies(line -> assertThat(line.get("symbol").textValue()).isEqualTo("AAPL"));
  }

  @Test
  void help_shows_the_required_fields_and_an_example() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString())
        .contains("Required fields: symbol, direction")
        .contains("persistent_drift_days")
        .contains("swiftbolt validate --input examples/validate-seed.jsonl");
  }
}
