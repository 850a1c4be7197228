package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SWIFTBOLT_LOG_FORMAT=json}: stderr is one JSON object per line; text stays the default.
 */
class JsonLogTest {

  @TempDir Path dir;

  @Test
  void with_json_every_stderr_line_of_a_command_is_one_json_object() throws Exception {
    Path stderr = runWorkerOnce(Map.of("SWIFTBOLT_LOG_FORMAT", "json"));

    List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
    assertThat(lines).isNotEmpty();
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines) {
      events.add(Json.mapper().readTree(line));
    }
    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(event.isObject()).isTrue();
              assertThat(event.fieldNames())
                  .toIterable()
                  .contains("timestamp", "level", "loggerName", "threadName", "formattedMessage");
            });
    assertThat(events).anySatisfy(e -> assertThat(e.get("level").asText()).isEqualTo("INFO"));
  }

  @Test
  void without_the_variable_stderr_stays_plain_text() throws Exception {
    Path stderr = runWorkerOnce(Map.of());

    List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
    assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("[20"));
  }

  @Test
  void an_event_carries_its_mdc_keys_and_formatted_message() throws Exception {
    LoggerContext context = new LoggerContext();
    var encoder = LogOutput.jsonEncoder(context);
    LoggingEvent event =
        new LoggingEvent(
            "dev.swiftbolt.jobs.Worker",
            context.getLogger("dev.swiftbolt.jobs.Worker"),
            Level.WARN,
            "Job {} lost its lease",
            null,
            new Object[] {42});
    event.setMDCPropertyMap(Map.of("job_id", "42", "symbol", "AAPL"));

    JsonNode json =
        Json.mapper().readTree(new String(encoder.encode(event), StandardCharsets.UTF_8));

    assertThat(json.get("formattedMessage").asText()).isEqualTo("Job 42 lost its lease");
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("mdc").get("job_id").asText()).isEqualTo("42");
    assertThat(json.get("mdc").get("symbol").asText()).isEqualTo("AAPL");
  }

  @Test
  void an_unknown_format_is_refused_with_exit_2_naming_the_variable() {
    var result =
        CliRun.run(Map.of("SWIFTBOLT_LOG_FORMAT", "xml"), dir.resolve("home"), "jobs", "--help");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("SWIFTBOLT_LOG_FORMAT must be text or json, got 'xml'");
  }

  /** {@code swiftbolt -v worker --once} in a child JVM; returns the file holding its stderr. */
  private Path runWorkerOnce(Map<String, String> env) throws Exception {
    ConnectionSettings database = TestDatabase.newDatabase();
    Path stderr = dir.resolve("stderr.log");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--home",
            dir.resolve("home").toString(),
            "-v",
            "worker",
            "--once",
            "--concurrency",
            "1");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .redirectError(stderr.toFile());
    builder.environment().remove("SWIFTBOLT_LOG_FORMAT");
    builder.environment().put("DATABASE_URL", database.jdbcUrl() + "?user=" + database.user());
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
    return stderr;
  }
}
