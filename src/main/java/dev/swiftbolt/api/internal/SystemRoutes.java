package dev.swiftbolt.api.internal;

import dev.swiftbolt.symbols.SymbolRepository;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Health, the symbols registry, the OpenAPI document and the Prometheus metrics. */
public final class SystemRoutes {

  /** The hand-written OpenAPI 3 document, served as is. */
  public static final String OPENAPI_RESOURCE = "/api/openapi.json";

  /** How long a database check answers health requests (probes poll often). */
  static final java.time.Duration HEALTH_TTL = java.time.Duration.ofSeconds(1);

  private final Jdbi jdbi;
  private final SymbolRepository symbols;
  private final ApiMetrics metrics;
  private final Clock clock;
  private final byte[] openApi;
  private final ShortLivedCache<String, Boolean> databaseUp;

  public SystemRoutes(Jdbi jdbi, ApiMetrics metrics, Clock clock) {
    this.jdbi = jdbi;
    this.symbols = new SymbolRepository(jdbi);
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
    boolean databaseUp = this.databaseUp.get("database", k -> pingDatabase());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", databaseUp ? "ok" : "degraded");
    body.put("database", databaseUp ? "ok" : "unavailable");
    body.put("time", clock.instant());
    ctx.status(databaseUp ? 200 : 503).json(body);
  }

  private boolean pingDatabase() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** {@code GET /api/v1/symbols}: the registry, ordered by symbol. */
  public void symbols(Context ctx) {
    ctx.json(Map.of("symbols", symbols.list()));
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
