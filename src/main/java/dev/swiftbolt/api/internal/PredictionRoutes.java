package dev.swiftbolt.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.predictions.StoredPredictions;
import dev.swiftbolt.predictions.ValidationJson;
import dev.swiftbolt.symbols.SymbolRegistry;
import dev.swiftbolt.validation.UnifiedPrediction;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationRequest;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The latest unified prediction of a symbol, and the validator on demand. Both answer in the
 * validator's own JSON format ({@link ValidationJson}), so the API, the CLI and the app share one
 * shape with every field.
 */
public final class PredictionRoutes {

  /** How long a symbol's latest prediction is served from memory (the app polls it). */
  static final Duration PREDICTION_TTL = Duration.ofSeconds(1);

  private final SymbolRegistry symbols;
  private final StoredPredictions predictions;
  private final ValidationJson codec = new ValidationJson();
  private final UnifiedValidator validator = new UnifiedValidator();
  private final ShortLivedCache<String, Optional<String>> latest;

  public PredictionRoutes(SymbolRegistry symbols, StoredPredictions predictions, Clock clock) {
    this.symbols = symbols;
    this.predictions = predictions;
    this.latest = new ShortLivedCache<>(PREDICTION_TTL, clock, 10_000);
  }

  /**
   * {@code GET /api/v1/symbols/{symbol}/prediction}: the latest prediction with every field, 404
   * {@code no_prediction} when the pipeline has not produced one yet.
   */
  public void latest(Context ctx) {
    String symbol = Params.symbol(ctx);
    Optional<String> json = latest.get(symbol, this::load);
    ctx.contentType("application/json")
        .result(
            json.orElseThrow(
                () ->
                    ApiException.notFound(
                        "no_prediction",
                        "symbol",
                        """
                        no prediction yet for %s — run the pipeline (swiftbolt pipeline run \
                        ml-orchestration)"""
                            .formatted(symbol))));
  }

  private Optional<String> load(String symbol) {
    symbols.require(symbol);
    return predictions.latest(symbol).map(codec::toJson);
  }

  /** A 400 for a refused validation input, naming the field the codec's message starts with. */
  static ApiException refusal(String message) {
    String text = message == null ? "invalid input" : message;
    if (text.startsWith("not valid JSON")
        || text.startsWith("empty input")
        || text.startsWith("expected a JSON object")) {
      return new ApiException(400, "invalid_json", text, Optional.empty());
    }
    Optional<String> field =
        ValidationJson.INPUT_FIELDS.stream()
            .filter(
                name ->
                    text.startsWith(name + " ")
                        || text.startsWith("unknown " + name + " ")
                        || text.startsWith(name + ".")
                        || text.startsWith(name + ":")
                        || text.contains("'" + name + "'"))
            .findFirst();
    return new ApiException(400, "invalid_input", text, field);
  }

  /**
   * {@code POST /api/v1/validate}: runs the validator on one JSON object (the fields of {@code
   * swiftbolt validate}); nothing is stored. The body must be {@code application/json} and one
   * document; its {@code symbol} must follow the ticker rule ({@link Params#symbol}), as on every
   * other route.
   */
  public void validate(Context ctx) {
    JsonNode document = Bodies.document(ctx);
    JsonNode symbol = document.path("symbol");
    if (symbol.isTextual()) {
      Params.symbol("symbol", symbol.asText());
    }
    ValidationRequest request;
    try {
      request = codec.parseRequest(ctx.body());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw refusal(e.getMessage());
    }
    UnifiedPrediction prediction = request.validateWith(validator);
    ctx.contentType("application/json").result(codec.toJson(prediction));
  }
}
