package dev.swiftbolt.api.internal;

import dev.swiftbolt.config.SwiftBoltVersion;
import dev.swiftbolt.db.DatabaseStatus;
import dev.swiftbolt.symbols.SymbolSearch;
import dev.swiftbolt.symbols.SymbolSummary;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Health, the symbols registry, the OpenAPI document and the Prometheus metrics. */
public final class SystemRoutes {

  /** The hand-written OpenAPI 3 document, served as is. */
  public static final String OPENAPI_RESOURCE = "/api/openapi.json";

  /** Symbols per answer of {@code GET /api/v1/symbols} when no {@code limit} is given. */
  static final int DEFAULT_SYMBOLS = 20;

  /** How long a database check answers health requests (probes poll often). */
  static final java.time.Duration HEALTH_TTL = java.time.Duration.ofSeconds(1);

  private final DatabaseStatus database;
  private final SymbolSearch search;
  private final ApiMetrics metrics;
  private final Clock clock;
  private final byte[] openApi;
  private final ShortLivedCache<String, Boolean> databaseUp;

  public SystemRoutes(
      DatabaseStatus database, SymbolSearch search, ApiMetrics metrics, Clock clock) {
    this.database = database;
    this.search = search;
    this.metrics = metrics;
    this.clock = clock;
    this.openApi = readOpenApi();
    this.databaseUp = new ShortLivedCache<>(HEALTH_TTL, clock, 4);
  }

  /** The OpenAPI document's bytes from the classpath. */
  public static byte[] readOpenApi() {
    try (InputStream in = SystemRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code GET /api/v1/health}: 200 when the database answered within the last {@link #HEALTH_TTL},
   * 503 otherwise.
   */
  public void health(Context ctx) {
    boolean databaseUp = this.databaseUp.get("database", k -> database.answers());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", databaseUp ? "ok" : "degraded");
    body.put("database", databaseUp ? "ok" : "unavailable");
    body.put("time", clock.instant());
    body.put("version", SwiftBoltVersion.current());
    if (!databaseUp) {
      ctx.header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
    }
    ctx.status(databaseUp ? 200 : 503).json(body);
  }

  /**
   * {@code GET /api/v1/symbols?query=&limit=&offset=}: with {@code query}, the search (exact
   * ticker, ticker prefix, name word prefix; active first); without, one page of the registry by
   * symbol. A JSON array of {@code {symbol, name, exchange, asset_class, active}}; {@code limit} 1
   * to 100 (default 20), never the whole registry in one answer.
   */
  public void symbols(Context ctx) {
    int limit = Params.intParam(ctx, "limit", DEFAULT_SYMBOLS, 1, SymbolSearch.MAX_LIMIT);
    int offset = Params.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    Optional<String> query = Params.query(ctx, "query");
    if (query.isEmpty()) {
      ctx.json(search.page(limit, offset));
      return;
    }
    if (offset > SymbolSearch.MAX_OFFSET) {
      throw ApiException.badRequest(
          "invalid_parameter",
          "offset",
          "offset of a search must be at most %d, got %d; narrow the query"
              .formatted(SymbolSearch.MAX_OFFSET, offset));
    }
    List<SymbolSummary> found;
    try {
      found = search.search(query.get(), limit, offset);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_query", "query", e.getMessage());
    }
    ctx.json(found);
  }

  /** {@code GET /api/v1/openapi.json}. */
  public void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }

  /** {@code GET /metrics}: Prometheus text format. */
  public void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }
}
