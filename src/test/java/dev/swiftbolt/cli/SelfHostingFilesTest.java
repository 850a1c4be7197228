package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.api.internal.SystemRoutes;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.config.LogFormat;
import dev.swiftbolt.config.SwiftBoltConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The image is not built by these tests (no container engine): instead they read {@code Dockerfile}
 * and {@code compose.yaml} and prove that every SwiftBolt command, flag, environment variable and
 * HTTP path they use exists in the program, so that renaming one fails the build.
 */
class SelfHostingFilesTest {

  private static final Path DOCKERFILE = Path.of("Dockerfile");
  private static final Path COMPOSE = Path.of("compose.yaml");

  /** The jar's path inside the image, the only thing besides swiftbolt's own arguments. */
  private static final String JAR = "/opt/swiftbolt/swiftbolt.jar";

  /** Variables read by the JVM or the base image, not by SwiftBolt. */
  private static final Set<String> NOT_SWIFTBOLT_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

  @Test
  void the_image_runs_the_jar_it_builds_as_an_unprivileged_user() throws IOException {
    Map<String, List<String>> instructions = dockerfileInstructions();
    assertThat(instructions.get("FROM"))
        .anySatisfy(from -> assertThat(from).startsWith("eclipse-temurin:17-jdk AS build"))
        .anySatisfy(from -> assertThat(from).isEqualTo("eclipse-temurin:17-jre"));
    assertThat(instructions.get("RUN"))
        .anySatisfy(run -> assertThat(run).startsWith("./mvnw ").contains(" package "));
    assertThat(instructions.get("COPY")).contains("--from=build /src/target/swiftbolt.jar " + JAR);
    assertThat(instructions.get("USER")).containsExactly("swiftbolt");
    assertThat(jsonArray(instructions.get("ENTRYPOINT").get(0))).endsWith("-jar", JAR);
  }

  @Test
  void the_image_default_command_and_every_compose_command_parse_as_swiftbolt_commands()
      throws IOException {
    List<List<String>> commands = new ArrayList<>();
    commands.add(jsonArray(dockerfileInstructions().get("CMD").get(0)));
    swiftboltServices().values().forEach(service -> commands.add(command(service)));
    assertThat(commands).hasSize(1 + 2);
    for (List<String> args : commands) {
      CommandLine cmd = Main.commandLine(new Main(Map.of()));
      assertThatCode(() -> cmd.parseArgs(args.toArray(String[]::new)))
          .as("swiftbolt %s", String.join(" ", args))
          .doesNotThrowAnyException();
    }
    assertThat(commands).anySatisfy(args -> assertThat(args).startsWith("serve", "--host"));
    assertThat(commands).anySatisfy(args -> assertThat(args).startsWith("worker"));
  }

  @Test
  void every_variable_the_files_set_for_swiftbolt_is_read_by_the_program() throws IOException {
    Set<String> used = new TreeSet<>();
    swiftboltServices().values().forEach(service -> used.addAll(environment(service).keySet()));
    for (String env : dockerfileInstructions().get("ENV")) {
      used.add(env.substring(0, env.indexOf('=')));
    }
    used.removeAll(NOT_SWIFTBOLT_VARIABLES);

    RecordingEnvironment environment = new RecordingEnvironment();
    SwiftBoltConfig.from(environment, Optional.empty());
    LogFormat.from(environment);
    assertThat(used).contains("DATABASE_URL", "SWIFTBOLT_LOG_FORMAT").isSubsetOf(environment.read);
  }

  @Test
  void the_health_checks_ask_the_documented_health_route() throws IOException {
    List<String> urls = new ArrayList<>();
    urls.add(dockerfileInstructions().get("HEALTHCHECK").get(0));
    urls.add(String.join(" ", healthCheck(swiftboltServices().get("serve"))));
    JsonNode paths = Json.mapper().readTree(SystemRoutes.readOpenApi()).get("paths");
    Pattern url = Pattern.compile("http://127\\.0\\.0\\.1:8080(/\\S*)");
    for (String check : urls) {
      Matcher m = url.matcher(check);
      assertThat(m.find()).as(check).isTrue();
      assertThat(paths.has(m.group(1))).as(m.group(1)).isTrue();
      assertThat(URI.create(m.group(0)).getPath()).isEqualTo("/api/v1/health");
    }
  }

  @Test
  void compose_publishes_the_api_on_loopback_only_and_keeps_the_database_in_a_named_volume()
      throws IOException {
    Map<String, Object> compose = compose();
    Map<String, Object> services = map(compose.get("services"));
    assertThat(list(map(services.get("serve")).get("ports")))
        .containsExactly("127.0.0.1:8080:8080");
    Map<String, Object> postgres = map(services.get("postgres"));
    assertThat(postgres.get("image")).isEqualTo("postgres:17");
    assertThat(map(postgres.get("healthcheck"))).containsKey("test");
    assertThat(list(postgres.get("volumes"))).contains("pgdata:/var/lib/postgresql/data");
    assertThat(map(compose.get("volumes"))).containsKey("pgdata");
    assertThat(environment(map(services.get("serve"))).get("DATABASE_URL"))
        .startsWith("postgresql://")
        .contains("@postgres:5432/");
  }

  // --- reading the files

  /** Each instruction's arguments, continuation lines joined, comments dropped. */
  private static Map<String, List<String>> dockerfileInstructions() throws IOException {
    String text = Files.readString(DOCKERFILE).replaceAll("\\\\\\n", " ");
    Map<String, List<String>> instructions = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 2);
      instructions
          .computeIfAbsent(parts[0], k -> new ArrayList<>())
          .add(parts[1].replaceAll("\\s+", " "));
    }
    return instructions;
  }

  private static List<String> jsonArray(String exec) throws IOException {
    List<String> out = new ArrayList<>();
    Json.mapper().readTree(exec).forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Map<String, Object> compose() throws IOException {
    return new Yaml().load(Files.readString(COMPOSE));
  }

  /** The services that run the SwiftBolt image (serve, worker), by name. */
  private static Map<String, Map<String, Object>> swiftboltServices() throws IOException {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    map(compose().get("services"))
        .forEach(
            (name, service) -> {
              Map<String, Object> s = map(service);
              if (String.valueOf(s.get("image")).startsWith("swiftbolt:")) {
                out.put(name, s);
              }
            });
    assertThat(out).containsOnlyKeys("serve", "worker");
    return out;
  }

  private static List<String> command(Map<String, Object> service) {
    return list(service.get("command")).stream().map(String::valueOf).toList();
  }

  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    map(service.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
    return env;
  }

  private static List<String> healthCheck(Map<String, Object> service) {
    return list(map(service.get("healthcheck")).get("test")).stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object yaml) {
    assertThat(yaml).isInstanceOf(Map.class);
    return (Map<String, Object>) yaml;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object yaml) {
    assertThat(yaml).isInstanceOf(List.class);
    return (List<Object>) yaml;
  }

  /** An empty environment that remembers which variables the program asked for. */
  private static final class RecordingEnvironment extends HashMap<String, String> {
    private static final long serialVersionUID = 1L;
    final Set<String> read = new TreeSet<>();

    @Override
    public String get(Object key) {
      read.add(String.valueOf(key));
      return super.get(key);
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
      read.add(String.valueOf(key));
      return super.getOrDefault(key, defaultValue);
    }
  }
}
