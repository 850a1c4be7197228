package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.api.internal.SystemRoutes;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.config.SwiftBoltVersion;
import dev.swiftbolt.symbols.SymbolCode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as the jar ships it: valid OpenAPI 3 by swagger-parser, an operationId on
 * every operation, one ticker rule, the build's version, and the error statuses the server sends.
 */
class OpenApiDocumentTest {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private static final String SHIPPED =
      new String(SystemRoutes.readOpenApi(), StandardCharsets.UTF_8);

  private static JsonNode document() throws IOException {
    return Json.mapper().readTree(SHIPPED);
  }

  @Test
  void swagger_parser_finds_no_error_in_the_document() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(SHIPPED, null, options);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
  }

  @Test
  void the_validator_reports_a_broken_reference_and_a_missing_response_list() {
    String broken =
        SHIPPED
            .replaceFirst("#/components/schemas/Error\"", "#/components/schemas/Nope\"")
            .replaceFirst("\"responses\": \\{", "\"responsez\": {");

    SwaggerParseResult result =
        new OpenAPIV3Parser().readContents(broken, null, new ParseOptions());

    assertThat(result.getMessages()).isNotEmpty();
  }

  @Test
  void every_operation_has_a_unique_operation_id() throws IOException {
    List<String> ids = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    document()
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (!METHODS.contains(op.getKey())) {
                            return;
                          }
                          JsonNode id = op.getValue().get("operationId");
                          if (id == null || id.asText().isBlank()) {
                            missing.add(op.getKey() + " " + path.getKey());
                          } else {
                            ids.add(id.asText());
                          }
                        }));
    assertThat(missing).isEmpty();
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
  }

  @Test
  void every_ticker_pattern_is_the_rule_the_server_enforces() throws IOException {
    List<String> patterns = new ArrayList<>();
    collectPatterns(document(), patterns);
    assertThat(patterns).containsExactly(SymbolCode.RULE);
    assertThat(document().at("/components/schemas/SymbolCode/pattern").asText())
        .isEqualTo(SymbolCode.RULE);
  }

  @Test
  void the_document_carries_the_builds_version_and_names_every_token_kind() throws IOException {
    JsonNode info = document().get("info");
    assertThat(info.get("version").asText()).isEqualTo(SwiftBoltVersion.current());
    assertThat(info.get("description").asText())
        .contains("ES256/RS256")
        .contains("JWKS")
        .contains("HS256")
        .contains("swiftbolt token USER")
        .contains("/api/docs");
  }

  @Test
  void every_authenticated_operation_documents_401_and_503_and_every_body_413() throws IOException {
    document()
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          JsonNode operation = op.getValue();
                          JsonNode responses = operation.get("responses");
                          String name = op.getKey() + " " + path.getKey();
                          boolean isPublic =
                              operation.has("security") && operation.get("security").isEmpty();
                          if (!isPublic) {
                            assertThat(responses.has("401")).as(name).isTrue();
                            assertThat(responses.has("503")).as(name).isTrue();
                          }
                          if (operation.has("requestBody")) {
                            assertThat(responses.has("413")).as(name).isTrue();
                          }
                        }));
    for (String status :
        List.of(
            "BadRequest",
            "Unauthorized",
            "Forbidden",
            "NotFound",
            "Conflict",
            "PayloadTooLarge",
            "ServiceUnavailable")) {
      assertThat(
              document()
                  .at("/components/responses/" + status + "/content/application~1json/schema/$ref")
                  .asText())
          .as(status)
          .isEqualTo("#/components/schemas/Error");
    }
  }

  private static void collectPatterns(JsonNode node, List<String> patterns) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                if (field.getKey().equals("pattern")) {
                  patterns.add(field.getValue().asText());
                } else {
                  collectPatterns(field.getValue(), patterns);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectPatterns(child, patterns));
    }
  }
}
