package dev.swiftbolt.api.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.ModelHistoryService;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/v1/symbols/{symbol}/models?timeframes=LIST}: the symbol's registered models,
 * newest first, as {@code swiftbolt models SYMBOL --json} prints them.
 */
public final class ModelRoutes {
  private final ModelHistoryService models;

  public ModelRoutes(ModelHistoryService models) {
    this.models = Objects.requireNonNull(models, "models");
  }

  public void models(Context ctx) {
    String symbol = Params.symbol(ctx);
    List<Timeframe> timeframes = Params.timeframes(ctx);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("symbol", symbol);
    body.set("models", Json.mapper().valueToTree(models.models(symbol, timeframes)));
    ctx.json(body);
  }
}
