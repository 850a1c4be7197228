package dev.swiftbolt.api.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.ml.ReliabilityReport;
import dev.swiftbolt.ml.evaluation.Reliability;
import dev.swiftbolt.symbols.SymbolRegistry;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code GET /api/v1/reliability?symbol=&source=}: how often resolved signals came true per
 * confidence bucket of width 0.1, and the expected calibration error of {@code unified_confidence}
 * read as a probability beside that of {@code probability_correct}.
 */
public final class ReliabilityRoutes {
  private final SymbolRegistry symbols;
  private final ReliabilityReport reports;

  public ReliabilityRoutes(SymbolRegistry symbols, ReliabilityReport reports) {
    this.symbols = symbols;
    this.reports = reports;
  }

  public void reliability(Context ctx) {
    Optional<String> symbol = Params.query(ctx, "symbol").map(raw -> Params.symbol("symbol", raw));
    symbol.ifPresent(symbols::require);
    ReliabilityReport.Source source;
    try {
      source = ReliabilityReport.Source.parse(Params.query(ctx, "source").orElse("all"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_parameter", "source", e.getMessage());
    }
    ReliabilityReport.Report report = reports.report(symbol, source);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("symbol", symbol.orElse(null));
    body.put("source", source.wireName());
    body.put("predictions", report.predictions());
    ArrayNode buckets = body.putArray("buckets");
    for (Reliability.Bucket b : report.buckets()) {
      ObjectNode node = buckets.addObject();
      node.put("confidence_from", b.from());
      node.put("confidence_to", b.to());
      node.put("predictions", b.predictions());
      node.put("came_true", b.cameTrue());
      node.put("hit_rate", b.hitRate());
      node.put("ci_low", b.ciLow());
      node.put("ci_high", b.ciHigh());
    }
    put(body, "ece_unified_confidence", report.eceUnifiedConfidence());
    put(body, "ece_probability_correct", report.eceProbabilityCorrect());
    body.put("with_probability_correct", report.withProbabilityCorrect());
    ctx.json(body);
  }

  private static void put(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, value.getAsDouble());
    } else {
      node.putNull(field);
    }
  }
}
