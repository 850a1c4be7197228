package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is the app's contract: it must list exactly the routes the server has. */
class OpenApiTest {

  private static final Set<String> HTTP_METHODS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options");

  private static ApiFixture api;
  private static JsonNode document;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
    document = api.getPublic("/api/v1/openapi.json").json();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static Set<String> documentedOperations() {
    Set<String> operations = new TreeSet<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (HTTP_METHODS.contains(method)) {
                            operations.add(method.toUpperCase() + " " + path.getKey());
                          }
                        }));
    return operations;
  }

  @Test
  void every_registered_route_is_documented_and_every_documented_route_is_registered() {
    Set<String> registered = new TreeSet<>();
    api.server.routes().forEach(r -> registered.add(r.toString()));
    assertThat(registered).isNotEmpty();
    assertThat(documentedOperations()).isEqualTo(registered);
  }

  @Test
  void the_document_is_openapi_3_with_a_bearer_scheme() {
    assertThat(document.get("openapi").asText()).startsWith("3.");
    JsonNode bearer = document.at("/components/securitySchemes/bearerAuth");
    assertThat(bearer.get("scheme").asText()).isEqualTo("bearer");
    assertThat(bearer.get("bearerFormat").asText()).isEqualTo("JWT");
  }

  @Test
  void operations_documented_as_public_are_exactly_those_that_answer_without_a_token() {
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (!op.getKey().equals("get")) {
                            return;
                          }
                          boolean documentedPublic =
                              op.getValue().has("security")
                                  && op.getValue().get("security").isEmpty();
                          String concrete = path.getKey().replace("{symbol}", "AAPL");
                          int status = api.getPublic(concrete).status();
                          assertThat(status == 401)
                              .as("GET %s answered %d without a token", concrete, status)
                              .isEqualTo(!documentedPublic);
                        }));
  }

  @Test
  void every_path_parameter_is_declared() {
    document
        .get("paths")
        .properties()
        .forEach(
            path -> {
              if (!path.getKey().contains("{")) {
                return;
              }
              path.getValue()
                  .properties()
                  .forEach(
                      op -> {
                        Set<String> declared = new TreeSet<>();
                        op.getValue()
                            .path("parameters")
                            .forEach(
                                p -> {
                                  if (p.get("in").asText().equals("path")) {
                                    declared.add(p.get("name").asText());
                                  }
                                });
                        Set<String> inPath = new TreeSet<>();
                        java.util.regex.Matcher m =
                            java.util.regex.Pattern.compile("\\{([a-z_]+)}").matcher(path.getKey());
                        while (m.find()) {
                          inPath.add(m.group(1));
                        }
                        assertThat(declared)
                            .as("%s %s", op.getKey(), path.getKey())
                            .containsAll(inPath);
                      });
            });
  }
}
