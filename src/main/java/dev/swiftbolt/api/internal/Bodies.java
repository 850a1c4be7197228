package dev.swiftbolt.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.config.Json;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/** Reading JSON request bodies, with 400s that say what is wrong. */
final class Bodies {

  private Bodies() {}

  /**
   * The body as a JSON object whose fields are all in {@code allowed}.
   *
   * @throws ApiException 400 {@code invalid_json} for an empty body, bad JSON or a non-object, and
   *     {@code unknown_field} for a field outside {@code allowed}
   */
  public static JsonNode object(Context ctx, Set<String> allowed) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw new ApiException(
          400,
          "invalid_json",
          "the request body is empty; expected a JSON object",
          Optional.empty());
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiException(
          400,
          "invalid_json",
          "the request body is not valid JSON: " + e.getOriginalMessage(),
          Optional.empty());
    }
    if (root == null || !root.isObject()) {
      throw new ApiException(
          400, "invalid_json", "the request body must be a JSON object", Optional.empty());
    }
    for (var property : root.properties()) {
      if (!allowed.contains(property.getKey())) {
        throw ApiException.badRequest(
            "unknown_field",
            Params.printable(property.getKey()),
            "unknown field '%s'; expected only %s"
                .formatted(
                    Params.printable(property.getKey()),
                    String.join(", ", allowed.stream().sorted().toList())));
      }
    }
    return root;
  }

  /** A required string field of {@code object}. */
  public static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.badRequest("missing_field", field, field + " is required");
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest("invalid_field", field, field + " must be a string");
    }
    return value.asText();
  }
}
