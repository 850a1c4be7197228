package dev.swiftbolt.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.swiftbolt.config.Json;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/** Reading JSON request bodies, with 400s that say what is wrong. */
final class Bodies {

  /** Jackson reading one document: trailing tokens (a second document, garbage) are an error. */
  private static final ObjectReader STRICT =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Bodies() {}

  /**
   * The body as a JSON object whose fields are all in {@code allowed}.
   *
   * @throws ApiException 400 {@code invalid_json} for an empty body, bad JSON or a non-object, and
   *     {@code unknown_field} for a field outside {@code allowed}
   */
  public static JsonNode object(Context ctx, Set<String> allowed) {
    JsonNode root = document(ctx);
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

  /**
   * The body as exactly one JSON document, after checking its media type.
   *
   * @throws ApiException 415 {@code unsupported_media_type} unless the {@code Content-Type} is
   *     {@code application/json} (with a UTF-8 charset or none); 400 {@code invalid_json} for an
   *     empty body, bad JSON, or anything but whitespace after the first document
   */
  public static JsonNode document(Context ctx) {
    requireJsonContentType(ctx);
    String body = ctx.body();
    if (body.isBlank()) {
      throw new ApiException(
          400,
          "invalid_json",
          "the request body is empty; expected a JSON object",
          Optional.empty());
    }
    try {
      return STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiException(
          400,
          "invalid_json",
          "the request body is not one valid JSON document: "
              + Printable.quote(e.getOriginalMessage()),
          Optional.empty());
    }
  }

  /**
   * Refuses a body that is not declared as JSON: a form or a text/plain post (what a cross-site
   * form can send) never reaches a JSON route.
   */
  static void requireJsonContentType(Context ctx) {
    String declared = ctx.header("Content-Type");
    if (declared != null) {
      String[] parts = declared.split(";");
      boolean json = parts[0].trim().equalsIgnoreCase("application/json");
      boolean utf8 = true;
      for (int i = 1; i < parts.length; i++) {
        String[] parameter = parts[i].trim().split("=", 2);
        if (parameter[0].trim().equalsIgnoreCase("charset")) {
          String charset = parameter.length == 2 ? parameter[1].trim().replace("\"", "") : "";
          utf8 = charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
        }
      }
      if (json && utf8) {
        return;
      }
    }
    throw new ApiException(
        415,
        "unsupported_media_type",
        "send the body as Content-Type: application/json (UTF-8), got '%s'"
            .formatted(declared == null ? "no Content-Type" : Printable.quote(declared)),
        Optional.empty());
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
