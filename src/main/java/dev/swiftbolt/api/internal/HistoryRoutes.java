package dev.swiftbolt.api.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.replay.ReplayDay;
import dev.swiftbolt.replay.ReplayHistory;
import dev.swiftbolt.replay.ReplayJson;
import dev.swiftbolt.replay.ReplayRun;
import dev.swiftbolt.replay.ReplaySummary;
import dev.swiftbolt.symbols.SymbolRegistry;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/symbols/{symbol}/history?run=latest|ID}: a replay run of the symbol — its day
 * objects and its summary, exactly as {@code swiftbolt replay --json} prints them.
 */
public final class HistoryRoutes {
  private final SymbolRegistry symbols;
  private final ReplayHistory replays;

  public HistoryRoutes(SymbolRegistry symbols, ReplayHistory replays) {
    this.symbols = symbols;
    this.replays = replays;
  }

  public void history(Context ctx) {
    String symbol = Params.symbol(ctx);
    symbols.require(symbol);
    String run = Params.query(ctx, "run").orElse("latest");
    Optional<ReplayRun> found =
        "latest".equals(run) ? replays.latestRun(symbol) : replays.run(runId(run), symbol);
    ReplayRun replay =
        found.orElseThrow(
            () ->
                ApiException.notFound(
                    "no_replay",
                    "run",
                    "no replay %s for %s; run `swiftbolt replay %s --from DATE`"
                        .formatted("latest".equals(run) ? "yet" : "run " + run, symbol, symbol)));
    List<ReplayDay> days = replays.days(replay.id(), symbol);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("symbol", symbol);
    ObjectNode runNode = body.putObject("run");
    runNode.put("id", replay.id());
    runNode.put("from", replay.fromSession().toString());
    runNode.put("to", replay.toSession().toString());
    ArrayNode tfs = runNode.putArray("timeframes");
    replay.timeframes().forEach(tf -> tfs.add(tf.name()));
    runNode.put("primary_timeframe", replay.primary().name());
    runNode.put("finished_at", replay.finishedAt().toString());
    ArrayNode dayNodes = body.putArray("days");
    days.forEach(d -> dayNodes.add(ReplayJson.day(d)));
    body.set("summary", ReplayJson.summary(ReplaySummary.of(symbol, days)));
    ctx.json(body);
  }

  private static long runId(String raw) {
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal below
    }
    throw ApiException.badRequest(
        "invalid_parameter",
        "run",
        "run must be latest or a replay run id (a positive integer), got '%s'".formatted(raw));
  }
}
